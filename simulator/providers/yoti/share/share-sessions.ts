import type { KindRunner } from '../../../engine/session-kinds.js';
import type { SessionRecord } from '../../../engine/store.js';
import type { ShareResult } from '../receipt/share-result.js';
import type { ShareOutcome, SharePolicy, YotiApp, YotiContext } from '../schema.js';
import { encodePolicy, encodeQrCode } from './qr-code.js';
import { shareKind } from './share-kind.js';

/** The share session behind one QR code (its kind: ./share-kind.ts). Its id is Yoti's `session_data`. */
export type ShareState = 'WAITING' | 'CONNECTED' | 'COMPLETED' | 'FAILED' | 'TIMED_OUT' | 'REJECTED';
export type ShareStatus = 'COMPLETED' | 'FAILED' | 'TIMED_OUT';

export interface ShareData {
  sdkId: string;
  scenarioId: string | null;
  refId: string;
  sharingToken: string;
  /** base64 of the policy bytes in the QR. */
  policyBytes: string;
  policy: SharePolicy;
  outcome: ShareOutcome;
  expiresAt: number;
  qrcode: string;
  token?: string;
  /** Attribute values chosen by the scenario or an admin action, for the receipt. */
  profile?: Record<string, unknown>;
  /** The callback_endpoint posted with createShareUrl; the app's own when absent. */
  callbackEndpoint?: string;
  /** What was shared, fixed when the share completed (receipt/share-result.ts). */
  shared?: ShareResult;
  /** When the token was exchanged for the receipt; a token is good once. */
  exchangedAt?: number;
}

export type ShareSession = SessionRecord<ShareData>;

/** What every subscriber of a session hears when the outcome is decided. */
export interface ShareOutcomeMessage {
  status: ShareStatus;
  token?: string;
}

export const outcomeChannel = (sessionData: string) => `yoti.share:${sessionData}`;
export const refKey = (refId: string) => `yoti.ref:${refId}`;

/** Mints the COMPLETED token for a session: the receipts' encrypted connect token (receipt/receipts.ts). */
export type TokenMinter = (session: ShareSession) => Promise<string>;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** session_data starts with eight letters and digits, as in Yoti's example `0LBGRyLy-<uuid>`. */
const alphanumeric = (bytes: Buffer) => [...bytes].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');

export class ShareSessions {
  /** The share kind on the engine: each session's 'lifetime' timer and, once scanned, its 'outcome'. */
  readonly kind: KindRunner<ShareData, ShareOutcome>;

  constructor(
    readonly ctx: YotiContext,
    private readonly mintToken: TokenMinter,
  ) {
    this.kind = ctx.defineKind(shareKind(this));
  }

  async create(
    app: YotiApp,
    options: {
      scenarioId: string | null;
      policy: SharePolicy;
      outcome: ShareOutcome;
      lifetimeMs: number;
      callbackEndpoint?: string;
    },
  ): Promise<ShareSession> {
    const { ctx } = this;
    const random = ctx.random();
    const now = ctx.clock.now();
    const refId = random.uuid();
    const sessionData = `${alphanumeric(random.bytes(8))}-${random.uuid()}`;
    const sharingToken = random.bytes(48);
    const policy = encodePolicy(options.policy);
    const qrBytes = encodeQrCode({ sharingToken, refId, policy: policy.bytes });
    const qrcode = `${ctx.section().qrBaseUrl.replace(/\/?$/, '/')}${qrBytes.toString('base64url')}`;
    const session: ShareSession = {
      id: sessionData,
      provider: 'yoti',
      kind: 'share',
      state: 'WAITING',
      createdAt: now,
      updatedAt: now,
      data: {
        sdkId: app.sdkId,
        scenarioId: options.scenarioId,
        refId,
        sharingToken: sharingToken.toString('base64'),
        policyBytes: policy.base64,
        policy: options.policy,
        outcome: options.outcome,
        expiresAt: now + options.lifetimeMs,
        qrcode,
        callbackEndpoint: options.callbackEndpoint || undefined,
        // Named now though unset (JSON leaves them out): later copies that set them keep the
        // object's shape, where adding them would give every session extra property storage.
        token: undefined,
        profile: undefined,
        shared: undefined,
        exchangedAt: undefined,
      },
      timeline: [{ at: now, event: 'qr-created', detail: { refId, scenarioId: options.scenarioId } }],
    };
    await ctx.store.put(session);
    await ctx.store.link(refKey(refId), sessionData);
    await this.kind.at(sessionData, 'lifetime', now + options.lifetimeMs);
    return session;
  }

  get(sessionData: string): Promise<ShareSession | undefined> {
    return this.ctx.store.get<ShareData>(sessionData);
  }

  async byRef(refId: string): Promise<ShareSession | undefined> {
    const id = await this.ctx.store.resolve(refKey(refId));
    return id ? this.get(id) : undefined;
  }

  /** byRef, without a promise when the store reads synchronously (store.ts `getNow`). */
  byRefNow(refId: string): ShareSession | undefined | Promise<ShareSession | undefined> {
    const { store } = this.ctx;
    if (!store.resolveNow || !store.getNow) return this.byRef(refId);
    const id = store.resolveNow(refKey(refId));
    return id === undefined ? undefined : store.getNow<ShareData>(id);
  }

  /**
   * A websocket subscribed. The first subscriber starts the scenario's script (the user has
   * scanned the code); returns the session, or undefined when the subscriber must be REJECTED.
   */
  async subscribe(sessionData: string): Promise<ShareSession | undefined> {
    let firstSubscriber = false;
    const session = await this.ctx.store.update<ShareData>(sessionData, (s) => {
      if (this.kind.isEnded(s)) return s;
      // The one outcome decided at the scan itself: the subscriber hears REJECTED instead of ACCEPTED.
      if (s.data.outcome.type === 'reject') {
        return this.#transition(s, 'REJECTED', 'rejected by scenario');
      }
      if (s.state === 'WAITING') {
        firstSubscriber = true;
        return this.#transition(s, 'CONNECTED', 'subscribed');
      }
      return s;
    });
    if (!session || this.kind.isEnded(session)) {
      if (session?.state === 'REJECTED') await this.kind.cancel(sessionData);
      return undefined;
    }
    if (firstSubscriber) await this.kind.outcome(session.id, this.ctx.clock.now(), session.data.outcome);
    return session;
  }

  /** Decides the outcome once; every subscriber hears it. Returns false if it had ended already. */
  async finish(
    sessionData: string,
    status: ShareStatus,
    reason: string,
    profile?: Record<string, unknown>,
  ): Promise<boolean> {
    // Claim the outcome first: a racer that loses mints no token and leaves the share alone.
    let changed = false;
    const claimed = await this.ctx.store.update<ShareData>(sessionData, (s) => {
      if (this.kind.isEnded(s)) return s;
      changed = true;
      const next = this.#transition(s, status, reason);
      return { ...next, data: { ...next.data, profile: profile ?? next.data.profile } };
    });
    if (!claimed || !changed) return false;
    await this.kind.cancel(sessionData);
    let token: string | undefined;
    if (status === 'COMPLETED') {
      try {
        token = await this.mintToken(claimed);
      } catch (error) {
        // The share was claimed as COMPLETED but has no token: tell its subscribers it failed.
        const why = `no token could be made: ${(error as Error).message}`;
        await this.ctx.store.update<ShareData>(sessionData, (s) => this.#transition(s, 'FAILED', why));
        await this.ctx.store.publish(outcomeChannel(sessionData), { status: 'FAILED' });
        throw error;
      }
      await this.ctx.store.update<ShareData>(sessionData, (s) => ({ ...s, data: { ...s.data, token } }));
    }
    const message: ShareOutcomeMessage = token ? { status, token } : { status };
    await this.ctx.store.publish(outcomeChannel(sessionData), message);
    return true;
  }

  #transition(s: ShareSession, state: ShareState, reason: string): ShareSession {
    return this.kind.transition(s, this.ctx.clock.now(), state, { reason });
  }
}
