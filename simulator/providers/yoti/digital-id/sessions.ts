import type { KindRunner } from '../../../engine/session-kinds.js';
import { recordEvent, type SessionRecord } from '../../../engine/store.js';
import type { ShareResult } from '../receipt/share-result.js';
import type { YotiApp, YotiContext } from '../schema.js';
import { digitalIdKind } from './kind.js';
import type { ShareSessionRequest } from './payload.js';
import type { DigitalIdAppConfig, DigitalIdOutcome } from './schema.js';

/**
 * A Digital ID share session (share v2). CREATED (made by the backend; QR codes may be added)
 * → IN_PROGRESS (the Yoti app scanned one of its QR codes; the scenario's script starts) →
 * COMPLETED (receipt) | FAILED (failure receipt) | CANCELLED (the user declined) | EXPIRED.
 */
export type DigitalIdState = 'CREATED' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'EXPIRED';
export const DIGITAL_ID_KIND = 'digital-id';

export interface QrCodeRecord {
  id: string;
  uri: string;
  createdAt: number;
}

/** Keys of a completed share's receipt, fixed when it completes so every fetch unwraps alike. */
export interface ReceiptKeys {
  itemKeyId: string;
  /** base64: the AES-256 key the content is encrypted under. */
  receiptKey: string;
  /** base64: AES-256-GCM(item key, iv, receipt key) followed by the 16-byte tag. */
  wrappedKey: string;
  /** base64: the 12-byte GCM iv. */
  iv: string;
  /** base64: RSA-PKCS#1-v1.5(app public key, item key). */
  wrappedItemKey: string;
}

export interface StoredReceipt {
  /** Standard base64, as Yoti hands it to the web client; the SDK asks for it URL-safe. */
  id: string;
  issuedAt: number;
  error?: string;
  errorReason?: Record<string, unknown>;
  /** What the user shared (COMPLETED only), plain data for QA; encrypted on each fetch. */
  shared?: ShareResult;
  keys?: ReceiptKeys;
}

export interface DigitalIdData {
  sdkId: string;
  request: ShareSessionRequest;
  outcome: DigitalIdOutcome;
  retries: DigitalIdAppConfig['notifications'];
  expiresAt: number;
  qrCodes: QrCodeRecord[];
  scannedQrCodeId?: string;
  receipt?: StoredReceipt;
}

export type DigitalIdSession = SessionRecord<DigitalIdData>;

export const qrKey = (id: string) => `yoti.v2.qr:${id}`;
export const receiptKey = (base64Id: string) => `yoti.v2.receipt:${base64Id}`;
export const itemKeyKey = (id: string) => `yoti.v2.item-key:${id}`;

/** Decides the receipt of a session when it completes or fails (receipts.ts). */
export type ReceiptIssuer = (
  session: DigitalIdSession,
  ending: { state: 'COMPLETED'; profile?: Record<string, unknown> } | FailureReceipt,
) => Promise<StoredReceipt>;

export interface FailureReceipt {
  state: 'FAILED';
  error: string;
  errorReason?: Record<string, unknown>;
}

/** Posts the share session notification of a change (notifications.ts). */
export type Notifier = (session: DigitalIdSession) => void;

/** Share v2 sessions; their kind (states, outcome steps, actions) is ./kind.ts. */
export class DigitalIdSessions {
  /** The kind on the engine: each session's 'expiry' timer and, once scanned, its 'outcome'. */
  readonly kind: KindRunner<DigitalIdData, DigitalIdOutcome>;

  constructor(
    readonly ctx: YotiContext,
    private readonly issueReceipt: ReceiptIssuer,
    private readonly notify: Notifier,
  ) {
    this.kind = ctx.defineKind(digitalIdKind(this));
  }

  async create(app: YotiApp, request: ShareSessionRequest): Promise<DigitalIdSession> {
    const { ctx } = this;
    const now = ctx.clock.now();
    const config = app.digitalId;
    const session: DigitalIdSession = {
      id: `ss.v2.${ctx.random().bytes(24).toString('base64url')}`,
      provider: 'yoti',
      kind: DIGITAL_ID_KIND,
      state: 'CREATED',
      createdAt: now,
      updatedAt: now,
      data: {
        sdkId: app.sdkId,
        request,
        outcome: config.outcome,
        retries: config.notifications,
        expiresAt: now + config.lifetimeMs,
        qrCodes: [],
      },
      timeline: [{ at: now, event: 'session-created', detail: { outcome: config.outcome.type } }],
    };
    await ctx.store.put(session);
    await this.kind.at(session.id, 'expiry', session.data.expiresAt);
    return session;
  }

  get(id: string): Promise<DigitalIdSession | undefined> {
    return this.ctx.store.get<DigitalIdData>(id).then((s) => (s?.kind === DIGITAL_ID_KIND ? s : undefined));
  }

  async byLink(key: string): Promise<DigitalIdSession | undefined> {
    const id = await this.ctx.store.resolve(key);
    return id ? this.get(id) : undefined;
  }

  /** A new QR code for a session that has not ended; undefined when it has. */
  async addQrCode(id: string): Promise<{ session: DigitalIdSession; qr: QrCodeRecord } | undefined> {
    const qrId = `qr.v2.${this.ctx.random().bytes(18).toString('base64url')}`;
    const qr: QrCodeRecord = {
      id: qrId,
      uri: `${this.ctx.section().qrBaseUrl.replace(/\/?$/, '/')}${qrId}`,
      createdAt: this.ctx.clock.now(),
    };
    let added = false;
    const session = await this.ctx.store.update<DigitalIdData>(id, (s) => {
      if (this.kind.isEnded(s)) return s;
      added = true;
      const next = recordEvent(s, qr.createdAt, 'qr-code-created', { qrCodeId: qrId });
      return { ...next, updatedAt: s.updatedAt, data: { ...next.data, qrCodes: [...s.data.qrCodes, qr] } };
    });
    if (!session || !added) return undefined;
    await this.ctx.store.link(qrKey(qrId), id);
    return { session, qr };
  }

  /**
   * The Yoti app read a QR code of the session (the latest one, or a new one when it has none):
   * IN_PROGRESS, and the scenario's script starts. False when the session is not CREATED.
   */
  async scan(id: string, qrCodeId?: string): Promise<boolean> {
    let qrId = qrCodeId;
    if (!qrId) {
      const current = await this.get(id);
      qrId = current?.data.qrCodes.at(-1)?.id ?? (await this.addQrCode(id))?.qr.id;
    }
    let scanned = false;
    const session = await this.ctx.store.update<DigitalIdData>(id, (s) => {
      if (s.state !== 'CREATED') return s;
      scanned = true;
      const next = this.kind.transition(s, this.ctx.clock.now(), 'IN_PROGRESS', { qrCodeId: qrId });
      return { ...next, data: { ...next.data, scannedQrCodeId: qrId } };
    });
    if (!session || !scanned) return false;
    this.notify(session);
    await this.kind.outcome(id, this.ctx.clock.now(), session.data.outcome);
    return true;
  }

  /** The user shares: COMPLETED with a receipt of what the policy asks (scanning first if needed). */
  async share(id: string, reason: string, profile?: Record<string, unknown>): Promise<boolean> {
    await this.scan(id);
    return this.end(id, 'COMPLETED', reason, { state: 'COMPLETED', profile });
  }

  /** The share fails: FAILED with a failure receipt. */
  async fail(id: string, reason: string, failure: Omit<FailureReceipt, 'state'>): Promise<boolean> {
    await this.scan(id);
    return this.end(id, 'FAILED', reason, { state: 'FAILED', ...failure });
  }

  /** Ends the session once, with a receipt when it completed or failed, and notifies. */
  async end(
    id: string,
    state: 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'EXPIRED',
    reason: string,
    ending?: Parameters<ReceiptIssuer>[1],
  ): Promise<boolean> {
    const before = await this.get(id);
    if (!before || this.kind.isEnded(before)) return false;
    const receipt = ending ? await this.issueReceipt(before, ending) : undefined;
    let changed = false;
    const session = await this.ctx.store.update<DigitalIdData>(id, (s) => {
      if (this.kind.isEnded(s)) return s;
      changed = true;
      const next = this.kind.transition(s, this.ctx.clock.now(), state, { reason, receiptId: receipt?.id });
      return receipt ? { ...next, data: { ...next.data, receipt } } : next;
    });
    if (!session || !changed) return false;
    if (receipt) {
      await this.ctx.store.link(receiptKey(receipt.id), id);
      if (receipt.keys) await this.ctx.store.link(itemKeyKey(receipt.keys.itemKeyId), id);
    }
    await this.kind.cancel(id);
    this.notify(session);
    return true;
  }
}
