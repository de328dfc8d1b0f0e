import { constants, publicEncrypt } from 'node:crypto';
import { recordEvent, type SessionRecord } from '../../../engine/store.js';
import type { YotiAppRegistry } from '../auth/app-registry.js';
import type { YotiApp, YotiContext } from '../schema.js';
import type { ShareSession, TokenMinter } from '../share/share-sessions.js';
import { buildReceipt } from './build-receipt.js';
import { AnchorAuthority } from './certificates.js';
import { resolveShare, type ShareResult } from './share-result.js';

/** Any session that can be exchanged for a receipt: a QR share, or a sandbox token. */
export interface ReceiptData {
  sdkId: string;
  shared?: ShareResult;
  exchangedAt?: number;
}

export const receiptKey = (connectToken: string) => `yoti.receipt:${connectToken}`;

export type ExchangeOutcome =
  | { ok: true; sessionId: string; body: Record<string, unknown> }
  | { ok: false; sessionId?: string; code: 'TOKEN_NOT_FOUND' | 'TOKEN_ALREADY_USED'; message: string };

/**
 * URL-safe base64 with its `=` padding, as Yoti's tokens are: Python's urlsafe_b64decode and Go's
 * base64.URLEncoding refuse them unpadded; Node, Java, PHP and .NET take either.
 */
export const paddedBase64Url = (bytes: Buffer) =>
  bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');

/**
 * Tokens and receipts of one simulator. The token the user's app hands over (from the share
 * websocket, createShareUrl's flow or the sandbox) is paddedBase64Url(RSA-PKCS#1-v1.5(app public
 * key, connect token)); the connect token is URL-safe, because the SDK puts the decrypted value
 * into the path unencoded.
 */
export class Receipts {
  readonly ca: AnchorAuthority;

  constructor(
    private readonly ctx: YotiContext,
    private readonly apps: YotiAppRegistry,
  ) {
    this.ca = new AnchorAuthority((n) => ctx.random().bytes(n), ctx.clock.now());
  }

  /** The COMPLETED token of a QR share: decides what is shared, then encrypts a fresh connect token. */
  readonly minter: TokenMinter = async (session: ShareSession) => {
    const { outcome, policy, profile, sdkId } = session.data;
    const shared = await resolveShare(this.ctx, sdkId, {
      wanted: policy.wanted,
      supplied: profile ?? {},
      ...(outcome.type === 'complete'
        ? { sharingOutcome: outcome.sharingOutcome, errorDetails: outcome.errorDetails }
        : {}),
    });
    await this.ctx.store.update<ReceiptData>(session.id, (s) => ({ ...s, data: { ...s.data, shared } }));
    return this.issueToken(sdkId, session.id);
  };

  /** Links a new connect token to the session and returns it encrypted for the app. */
  async issueToken(sdkId: string, sessionId: string): Promise<string> {
    const app = this.apps.find(sdkId);
    if (!app) throw new Error(`Yoti app ${sdkId} is no longer in the scenario`);
    const key = await this.apps.key(app);
    const connectToken = this.ctx.random().token(32);
    await this.ctx.store.link(receiptKey(connectToken), sessionId);
    return paddedBase64Url(
      publicEncrypt({ key: key.publicKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(connectToken)),
    );
  }

  /** GET /profile/{token}: the receipt, once; a second use or an unknown token fails. */
  async exchange(connectToken: string, app: YotiApp): Promise<ExchangeOutcome> {
    const id = await this.ctx.store.resolve(receiptKey(connectToken));
    const session = id ? await this.ctx.store.get<ReceiptData>(id) : undefined;
    if (!id || !session?.data.shared || session.data.sdkId !== app.sdkId) {
      return {
        ok: false,
        code: 'TOKEN_NOT_FOUND',
        message: `No completed share of app ${app.sdkId} has this token; tokens come from a COMPLETED share, createShareUrl's flow or the sandbox token API, decrypted with the app key`,
      };
    }
    let claimed = false;
    const now = this.ctx.clock.now();
    await this.ctx.store.update<ReceiptData>(id, (s) => {
      if (s.data.exchangedAt !== undefined) return s;
      claimed = true;
      const next = recordEvent(s, now, 'receipt-exchanged', { receiptId: s.data.shared?.receiptId });
      return { ...next, data: { ...next.data, exchangedAt: now } };
    });
    if (!claimed) {
      return {
        ok: false,
        sessionId: id,
        code: 'TOKEN_ALREADY_USED',
        message: `This token was exchanged at ${new Date(session.data.exchangedAt ?? now).toISOString()}; a token is good once`,
      };
    }
    return { ok: true, sessionId: id, body: await this.#body(session, app) };
  }

  async #body(session: SessionRecord<ReceiptData>, app: YotiApp): Promise<Record<string, unknown>> {
    const shared = session.data.shared as ShareResult;
    const key = await this.apps.key(app);
    const receipt = await buildReceipt(shared, {
      appPublicKey: key.publicKey,
      ca: this.ca,
      random: this.ctx.random(),
      application: { name: app.name, url: this.ctx.baseUrl(), receiptBgColor: app.receiptBgColor },
    });
    return {
      session_data: session.id,
      receipt,
      ...(shared.errorDetails ? { error_details: shared.errorDetails } : {}),
    };
  }
}
