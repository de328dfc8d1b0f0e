import { hmacHex, rawMember, signaturesMatch } from './signature.js';

/**
 * Server-side reference client of Attestr FlowX (steps 2, 7 and 8 of the web integration): create
 * a handshake, fetch its execution result and verify the result signature. Works against
 * https://api.attestr.com or the simulator's /attestr prefix, by base URL alone.
 */
export interface AttestrClientOptions {
  /** e.g. https://api.attestr.com or http://127.0.0.1:8080/attestr */
  baseUrl: string;
  /** Sent as `Authorization: Basic <authToken>`. */
  authToken: string;
  /** Keys the HMAC of the result; never leaves the server. */
  clientSecret: string;
  version?: 'v1' | 'v2';
  fetch?: typeof fetch;
}

export interface CreateHandshakeRequest {
  flow: string;
  /** The id (a String) of a published snapshot of the flow, or null to run the draft. */
  snapshot: string | null;
  tag: string;
  webhook?: boolean;
  /** Milliseconds since the epoch; Attestr's default is 24 h. */
  expiry?: number;
}

export interface Handshake {
  /** e.g. DS02zfeuv6n4gkq51hvw6 */
  _id: string;
  /** Human-readable, e.g. "3804-324489-8469". */
  number: string;
  digest: string;
}

export type StageResult = { input: Record<string, unknown>; output: Record<string, unknown> };

export interface ExecutionResult {
  _id: string;
  number: string;
  tag: string;
  requestId: string;
  /** True once the handshake was used to run the flow on a device. */
  consumed: boolean;
  /** When the handshake was archived (ms epoch); null while it is not. */
  archived: number | null;
  result: Record<string, StageResult> | null;
  resultSignature: string | null;
}

/** Attestr's error body, thrown for any non-2xx answer. */
export class AttestrApiError extends Error {
  constructor(
    readonly httpStatusCode: number,
    readonly code: number | undefined,
    message: string,
    readonly details?: unknown,
  ) {
    super(`Attestr ${httpStatusCode}${code ? `/${code}` : ''}: ${message}`);
    this.name = 'AttestrApiError';
  }
}

export type VerificationFailure = 'no-result' | 'archived' | 'browser-signature-mismatch' | 'hmac-mismatch';

export class SignatureVerificationError extends Error {
  constructor(
    readonly reason: VerificationFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SignatureVerificationError';
  }
}

export class AttestrClient {
  readonly #options: Required<Omit<AttestrClientOptions, 'fetch'>> & { fetch: typeof fetch };

  constructor(options: AttestrClientOptions) {
    this.#options = {
      ...options,
      version: options.version ?? 'v2',
      // An explicit `fetch: undefined` must not replace the global one.
      fetch: options.fetch ?? globalThis.fetch,
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
    };
  }

  createHandshake(request: CreateHandshakeRequest): Promise<Handshake> {
    return this.#call('POST', '/public/flowx/handshake', request).then(
      ({ text }) => JSON.parse(text) as Handshake,
    );
  }

  /** The execution result, with `resultText`: the exact JSON text of `result` as received. */
  async executionResult(handshakeId: string): Promise<ExecutionResult & { resultText: string | null }> {
    const { text } = await this.#call('GET', `/public/flowx/handshake/${encodeURIComponent(handshakeId)}`);
    const body = JSON.parse(text) as ExecutionResult;
    const raw = rawMember(text, 'result');
    return { ...body, resultText: raw === undefined || raw === 'null' ? null : raw };
  }

  /**
   * Step 8: fetches the result and checks that its signature equals the one the browser's
   * onFlowxSuccess reported, and equals the HMAC-SHA256 of the result text keyed with the client
   * secret. Both comparisons take constant time. Throws SignatureVerificationError otherwise.
   */
  async verifiedResult(handshakeId: string, browserSignature: string): Promise<ExecutionResult> {
    const result = await this.executionResult(handshakeId);
    if (result.archived !== null && result.archived !== undefined)
      throw new SignatureVerificationError('archived', `handshake ${handshakeId} is archived`);
    if (result.resultText === null || !result.resultSignature) {
      throw new SignatureVerificationError('no-result', `handshake ${handshakeId} has no signed result yet`);
    }
    if (!signaturesMatch(result.resultSignature, browserSignature)) {
      throw new SignatureVerificationError(
        'browser-signature-mismatch',
        'the signature reported by the browser differs from the one in the execution result',
      );
    }
    const expected = hmacHex(this.#options.clientSecret, result.resultText);
    if (!signaturesMatch(expected, result.resultSignature)) {
      throw new SignatureVerificationError(
        'hmac-mismatch',
        'the result does not match its signature: it was altered, or the client secret is wrong',
      );
    }
    const { resultText: _text, ...body } = result;
    return body;
  }

  async #call(method: string, path: string, body?: unknown): Promise<{ text: string }> {
    const { baseUrl, version, authToken } = this.#options;
    const response = await this.#options.fetch(`${baseUrl}/api/${version}${path}`, {
      method,
      headers: {
        authorization: `Basic ${authToken}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      let error: { code?: number; message?: string; details?: unknown } = {};
      try {
        error = JSON.parse(text);
      } catch {
        error = { message: text.slice(0, 200) || response.statusText };
      }
      throw new AttestrApiError(
        response.status,
        error.code,
        error.message ?? response.statusText,
        error.details,
      );
    }
    return { text };
  }
}
