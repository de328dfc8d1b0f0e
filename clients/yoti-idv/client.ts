import { YotiIdvError } from './errors.js';
import { signRequest } from './signing.js';
import type {
  CreateSessionRequest,
  CreateSessionResult,
  SessionConfiguration,
  SessionResult,
} from './types.js';

export interface YotiIdvClientOptions {
  /** e.g. https://api.yoti.com/idverify/v1, or the simulator's http://127.0.0.1:8080/yoti/idverify/v1 */
  baseUrl: string;
  sdkId: string;
  privateKeyPem: string;
  fetch?: typeof fetch;
  /** Fixed nonce/timestamp source, for contract tests. */
  signingValues?: () => { nonce: string; timestamp: number };
}

export interface MediaContent {
  contentType: string;
  bytes: Uint8Array;
}

/** The relying business's side of Yoti IDV: create a session, read its configuration and results. */
export class YotiIdvClient {
  readonly #options: YotiIdvClientOptions;
  readonly #fetch: typeof fetch;

  constructor(options: YotiIdvClientOptions) {
    this.#options = { ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') };
    this.#fetch = options.fetch ?? fetch;
  }

  createSession(request: CreateSessionRequest): Promise<CreateSessionResult> {
    return this.#json('POST', '/sessions', request);
  }

  getSession(sessionId: string): Promise<SessionResult> {
    return this.#json('GET', `/sessions/${encodeURIComponent(sessionId)}`);
  }

  getConfiguration(sessionId: string): Promise<SessionConfiguration> {
    return this.#json('GET', `/sessions/${encodeURIComponent(sessionId)}/configuration`);
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.#send('DELETE', `/sessions/${encodeURIComponent(sessionId)}`);
  }

  /** The media bytes, or null when the content was deleted (204). */
  async getMediaContent(sessionId: string, mediaId: string): Promise<MediaContent | null> {
    const res = await this.#send(
      'GET',
      `/sessions/${encodeURIComponent(sessionId)}/media/${encodeURIComponent(mediaId)}/content`,
    );
    if (res.status === 204) return null;
    return {
      contentType: res.headers.get('content-type') ?? '',
      bytes: new Uint8Array(await res.arrayBuffer()),
    };
  }

  /**
   * Polls until the session leaves ONGOING (or `timeoutMs` passes). A backend with a public
   * endpoint should prefer the SESSION_COMPLETION notification (notification-receiver.ts).
   */
  async waitForResult(
    sessionId: string,
    { intervalMs = 1_000, timeoutMs = 60_000 } = {},
  ): Promise<SessionResult> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const session = await this.getSession(sessionId);
      if (session.state !== 'ONGOING') return session;
      if (Date.now() + intervalMs > deadline) {
        throw new Error(`session ${sessionId} still ONGOING after ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  async #json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.#send(method, path, body);
    return (await res.json()) as T;
  }

  async #send(method: string, path: string, body?: unknown): Promise<Response> {
    const { baseUrl, sdkId, privateKeyPem, signingValues } = this.#options;
    const bytes = body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(body));
    const signed = signRequest({
      method,
      path,
      query: { sdkId },
      body: bytes,
      privateKeyPem,
      ...signingValues?.(),
    });
    const res = await this.#fetch(`${baseUrl}${signed.pathWithQuery}`, {
      method,
      headers: { ...signed.headers, ...(bytes && { 'Content-Type': 'application/json' }) },
      body: bytes,
    });
    if (!res.ok) throw await YotiIdvError.from(res);
    return res;
  }
}
