import { isResultComplete } from './result.js';
import {
  BiometricApiError,
  type CreatedSession,
  type FlowLocale,
  type SessionMetadata,
  type SessionResult,
} from './types.js';
import { finishedUrl, flowUrl, isFinishedUrl } from './webview.js';

export interface BiometricClientOptions {
  /** The flow's API KEY from the personal cabinet. */
  apiKey: string;
  /** https://kyc.biometric.kz, or the simulator's http://127.0.0.1:8080/biometric/kyc */
  apiUrl?: string;
  /** https://remote.biometric.kz, or the simulator's http://127.0.0.1:8080/biometric/remote */
  remoteUrl?: string;
  fetch?: typeof fetch;
}

/** Reference client of the Biometric.kz Flow WebView integration; switch hosts by base URL. */
export class BiometricClient {
  readonly apiUrl: string;
  readonly remoteUrl: string;
  readonly #apiKey: string;
  readonly #fetch: typeof fetch;

  constructor(options: BiometricClientOptions) {
    this.#apiKey = options.apiKey;
    this.apiUrl = (options.apiUrl ?? 'https://kyc.biometric.kz').replace(/\/+$/, '');
    this.remoteUrl = (options.remoteUrl ?? 'https://remote.biometric.kz').replace(/\/+$/, '');
    this.#fetch = options.fetch ?? fetch;
  }

  /** Step 2/3 of the doc: a one-time session, optionally with metadata. */
  async createSession(metadata?: SessionMetadata): Promise<CreatedSession> {
    const body: Record<string, unknown> = { api_key: this.#apiKey };
    if (metadata) body.metadata = metadata;
    return this.#request<CreatedSession>(`${this.apiUrl}/api/v1/flows/session/create/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** The outcome: status PROGRESS until the flow ends, then FINISHED with flow_session_result. */
  async getResult(sessionId: string): Promise<SessionResult> {
    const query = new URLSearchParams({ session_id: sessionId, flow_api_key: this.#apiKey });
    return this.#request<SessionResult>(`${this.apiUrl}/api/v1/flows/session/result/?${query}`, {
      headers: { accept: 'application/json' },
    });
  }

  /**
   * The final result: polls until the flow has finished and the result of every technology that
   * ran has filled in (the service leaves them `{}` for a short while after the flow finishes).
   * Gives the last answer when `timeoutMs` runs out.
   */
  async waitForResult(
    sessionId: string,
    { intervalMs = 1_000, timeoutMs = 30_000 }: { intervalMs?: number; timeoutMs?: number } = {},
  ): Promise<SessionResult> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await this.getResult(sessionId);
      if (isResultComplete(result) || Date.now() + intervalMs > deadline) return result;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  flowUrl(sessionId: string, options: { webView?: boolean; locale?: FlowLocale } = {}): string {
    return flowUrl(this.remoteUrl, sessionId, options);
  }

  get finishedUrl(): string {
    return finishedUrl(this.remoteUrl);
  }

  /** Call from the WebView's page-started callback; true when the flow has finished. */
  isFinishedUrl(url: string): boolean {
    return isFinishedUrl(this.remoteUrl, url);
  }

  async #request<T>(url: string, init: RequestInit): Promise<T> {
    const response = await this.#fetch(url, init);
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    if (!response.ok) {
      const detail =
        typeof body === 'object' && body !== null && 'detail' in body
          ? String(body.detail)
          : text || response.statusText;
      throw new BiometricApiError(response.status, detail, body);
    }
    return body as T;
  }
}
