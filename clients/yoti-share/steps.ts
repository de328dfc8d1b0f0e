import { CallbackError, QrRequestError, RefResolveError } from './errors.js';
import {
  type HttpAnswer,
  httpGet,
  httpGetWithRetries,
  NetworkError,
  type RetryPolicy,
  type StepLimits,
} from './http.js';
import { type DecodedQrCode, decodeQrUrl, findQrUrl } from './qr-code.js';

/** The steps of Yoti's non-browser client guide as plain functions; client.ts strings them together. */

export interface StepContext extends StepLimits {
  retry: RetryPolicy;
  onRetry?: (attempt: number, why: string) => void;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** Yoti's error body is `{code, message}`; other bodies have no code. */
function errorCode(answer: HttpAnswer): string | undefined {
  try {
    const { code } = JSON.parse(answer.body) as { code?: unknown };
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

const excerpt = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

/** Step 1 and the decoding half of step 2: GET the QR code and read its ref_id. */
export async function requestQrCode(
  baseUrl: string,
  sdkId: string,
  scenarioId: string,
  ctx: StepContext & { qrBase?: string },
): Promise<DecodedQrCode> {
  const url = `${trimSlash(baseUrl)}/api/v1.1/sessions/apps/${encodeURIComponent(sdkId)}/scenarios/${encodeURIComponent(scenarioId)}`;
  let answer: HttpAnswer;
  try {
    answer = await httpGetWithRetries(url, 'qr', ctx, ctx.retry, ctx.onRetry);
  } catch (error) {
    if (error instanceof NetworkError)
      throw new QrRequestError(0, undefined, error.message, { cause: error });
    throw error;
  }
  if (answer.status !== 200) {
    const code = errorCode(answer);
    throw new QrRequestError(
      answer.status,
      code,
      `GET ${url} answered ${answer.status}${code ? ` ${code}` : ''}: ${excerpt(answer.body)}`,
    );
  }
  return decodeQrUrl(findQrUrl(answer.body, ctx.qrBase));
}

/** What `qrcodes/refs/<ref_id>` tells the client; other fields are kept in `raw`. */
export interface ShareMetadata {
  sessionData: string;
  callbackEndpoint: string;
  applicationName?: string;
  raw: Record<string, unknown>;
}

/** The resolving half of step 2: GET the QR metadata for a ref_id. */
export async function resolveRef(baseUrl: string, refId: string, ctx: StepContext): Promise<ShareMetadata> {
  const url = `${trimSlash(baseUrl)}/api/v1.1/qrcodes/refs/${encodeURIComponent(refId)}`;
  let answer: HttpAnswer;
  try {
    answer = await httpGetWithRetries(url, 'refs', ctx, ctx.retry, ctx.onRetry);
  } catch (error) {
    if (error instanceof NetworkError) throw new RefResolveError(0, refId, error.message, { cause: error });
    throw error;
  }
  if (answer.status !== 200) {
    throw new RefResolveError(
      answer.status,
      refId,
      `GET ${url} answered ${answer.status}: ${excerpt(answer.body)}`,
    );
  }
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(answer.body) as Record<string, unknown>;
  } catch {
    throw new RefResolveError(200, refId, `GET ${url} answered non-JSON: ${excerpt(answer.body)}`);
  }
  const { session_data: sessionData, callback_endpoint: callbackEndpoint, application_name } = raw ?? {};
  if (typeof sessionData !== 'string' || sessionData === '') {
    throw new RefResolveError(200, refId, `GET ${url} answered metadata without session_data`);
  }
  return {
    sessionData,
    callbackEndpoint: typeof callbackEndpoint === 'string' ? callbackEndpoint : '',
    applicationName: typeof application_name === 'string' ? application_name : undefined,
    raw,
  };
}

/** `callback_endpoint?token=...&lane=...`, keeping any query the endpoint already has. */
export function callbackUrl(endpoint: string, token: string, params: Record<string, string> = {}): string {
  const url = new URL(endpoint);
  url.searchParams.set('token', token);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

export interface CallbackResult {
  url: string;
  status: number;
  body: string;
}

/**
 * Step 5: GET the backend's callback with the token. Not retried: the backend exchanges the token
 * once, and a retry after a lost answer could present it twice.
 */
export async function forwardToken(
  endpoint: string,
  token: string,
  params: Record<string, string>,
  limits: StepLimits,
): Promise<CallbackResult> {
  let url: string;
  try {
    url = callbackUrl(endpoint, token, params);
  } catch (error) {
    throw new CallbackError(0, endpoint, '', `callback_endpoint ${JSON.stringify(endpoint)} is not a URL`, {
      cause: error,
    });
  }
  let answer: HttpAnswer;
  try {
    answer = await httpGet(url, 'callback', limits);
  } catch (error) {
    if (error instanceof NetworkError) throw new CallbackError(0, url, '', error.message, { cause: error });
    throw error;
  }
  if (answer.status < 200 || answer.status >= 300) {
    throw new CallbackError(answer.status, url, answer.body, `callback ${url} answered ${answer.status}`);
  }
  return { url, status: answer.status, body: answer.body };
}
