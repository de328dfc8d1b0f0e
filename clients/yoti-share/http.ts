import { ShareAbortedError, type ShareStep, StepTimeoutError } from './errors.js';

export interface HttpAnswer {
  status: number;
  body: string;
  contentType: string | null;
}

/** A step's limits: its timeout and the caller's AbortSignal. */
export interface StepLimits {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Thrown for a request that never got an answer (refused, reset, DNS): status 0 in typed errors. */
export class NetworkError extends Error {}

/**
 * GET with a timeout covering the whole exchange (headers and body). A timeout becomes
 * StepTimeoutError, the caller's abort ShareAbortedError, anything else NetworkError.
 */
export async function httpGet(url: string, step: ShareStep, limits: StepLimits): Promise<HttpAnswer> {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = limits.signal ? AbortSignal.any([limits.signal, timeout]) : timeout;
  try {
    const res = await fetch(url, { signal, headers: { accept: 'application/json, text/plain, */*' } });
    return { status: res.status, body: await res.text(), contentType: res.headers.get('content-type') };
  } catch (error) {
    if (limits.signal?.aborted)
      throw new ShareAbortedError(`aborted during step "${step}"`, { cause: error });
    if (timeout.aborted) throw new StepTimeoutError(step, limits.timeoutMs);
    const cause = (error as Error & { cause?: Error }).cause;
    throw new NetworkError(`GET ${url} failed: ${cause?.message ?? (error as Error).message}`, {
      cause: error,
    });
  }
}

export interface RetryPolicy {
  /** Extra tries after the first for an answer worth retrying (5xx, 429, no answer). */
  retries: number;
  /** Wait before retry n is backoffMs × 2^(n-1). */
  backoffMs: number;
}

export const isTransientStatus = (status: number) => status === 429 || status >= 500;

/** Resolves after `ms`, or rejects with ShareAbortedError when the caller aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ShareAbortedError('aborted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ShareAbortedError('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * GET, retried while the answer is transient. Returns the last answer (which may still be an
 * error status for the caller to type) or throws the last NetworkError.
 */
export async function httpGetWithRetries(
  url: string,
  step: ShareStep,
  limits: StepLimits,
  policy: RetryPolicy,
  onRetry?: (attempt: number, why: string) => void,
): Promise<HttpAnswer> {
  for (let attempt = 1; ; attempt++) {
    let why: string;
    try {
      const answer = await httpGet(url, step, limits);
      if (!isTransientStatus(answer.status) || attempt > policy.retries) return answer;
      why = `status ${answer.status}`;
    } catch (error) {
      if (!(error instanceof NetworkError) || attempt > policy.retries) throw error;
      why = error.message;
    }
    onRetry?.(attempt, why);
    await sleep(policy.backoffMs * 2 ** (attempt - 1), limits.signal);
  }
}
