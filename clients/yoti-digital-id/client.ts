import { signRequest } from '../yoti-idv/signing.js';
import { decryptAttributes, unwrapReceiptKey } from './decrypt.js';
import { YotiDigitalIdError } from './errors.js';
import type {
  CreatedSession,
  EncryptedReceipt,
  QrCode,
  SharedAttribute,
  ShareReceipt,
  ShareSession,
  ShareSessionConfig,
  WrappedItemKey,
} from './types.js';

export interface YotiDigitalIdClientOptions {
  /** e.g. https://api.yoti.com/share, or the simulator's http://127.0.0.1:8080/yoti/share */
  baseUrl: string;
  sdkId: string;
  privateKeyPem: string;
  fetch?: typeof fetch;
}

/**
 * The relying party's backend side of Yoti Digital ID (share v2): create a share session (and a
 * QR code for non-browser flows), follow it, and resolve its receipt into the shared profile.
 * Every call is signed and names the app in X-Yoti-Auth-Id.
 */
export class YotiDigitalIdClient {
  readonly #options: YotiDigitalIdClientOptions;
  readonly #fetch: typeof fetch;

  constructor(options: YotiDigitalIdClientOptions) {
    this.#options = { ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') };
    this.#fetch = options.fetch ?? fetch;
  }

  createSession(config: ShareSessionConfig): Promise<CreatedSession> {
    return this.#json('POST', '/v2/sessions', config);
  }

  getSession(sessionId: string): Promise<ShareSession> {
    return this.#json('GET', `/v2/sessions/${encodeURIComponent(sessionId)}`);
  }

  createQrCode(sessionId: string): Promise<QrCode> {
    return this.#json('POST', `/v2/sessions/${encodeURIComponent(sessionId)}/qr-codes`, {});
  }

  /** The receipt as sent; `receiptId` as Yoti hands it out (standard base64), sent URL-safe. */
  fetchReceipt(receiptId: string): Promise<EncryptedReceipt> {
    return this.#json('GET', `/v2/receipts/${Buffer.from(receiptId, 'base64').toString('base64url')}`);
  }

  fetchItemKey(itemKeyId: string): Promise<WrappedItemKey> {
    return this.#json('GET', `/v2/wrapped-item-keys/${encodeURIComponent(itemKeyId)}`);
  }

  /** The receipt decrypted: the user's profile and the app's own attributes, or the failure. */
  async resolveReceipt(receiptId: string): Promise<ShareReceipt> {
    const receipt = await this.fetchReceipt(receiptId);
    const { content, otherPartyContent, wrappedItemKeyId, wrappedKey: _w, ...rest } = receipt;
    if (!wrappedItemKeyId) return { ...rest, profile: {}, application: {} };
    const key = unwrapReceiptKey(
      receipt,
      await this.fetchItemKey(wrappedItemKeyId),
      this.#options.privateKeyPem,
    );
    return {
      ...rest,
      profile: byName(decryptAttributes(otherPartyContent?.profile, key)),
      application: byName(decryptAttributes(content?.profile, key)),
    };
  }

  async #json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const bytes = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const signed = signRequest({ method, path, body: bytes, privateKeyPem: this.#options.privateKeyPem });
    const res = await this.#fetch(`${this.#options.baseUrl}${signed.pathWithQuery}`, {
      method,
      headers: {
        ...signed.headers,
        'X-Yoti-SDK': 'kyc-sim-yoti-digital-id',
        'X-Yoti-Auth-Id': this.#options.sdkId,
        ...(bytes ? { 'Content-Type': 'application/json' } : {}),
      },
      body: bytes,
    });
    if (!res.ok) throw await YotiDigitalIdError.from(res);
    return (await res.json()) as T;
  }
}

const byName = (attributes: SharedAttribute[]) => {
  const out: Record<string, SharedAttribute> = {};
  for (const a of attributes) out[a.name] ??= a;
  return out;
};
