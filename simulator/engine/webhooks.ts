import type { Logger } from 'pino';
import type { Clock } from './clock.js';
import type { Journal } from './journal.js';

/**
 * Outgoing webhooks and notifications: POSTed as JSON, retried with exponential back-off on the
 * simulator's clock (so a test can drive retries with the manual clock), every attempt journaled.
 */
export interface WebhookRequest {
  provider: string;
  url: string;
  /** POST unless told; a GET or DELETE carries no body. */
  method?: string;
  body: unknown;
  headers?: Record<string, string>;
  sessionId?: string;
  /** Attempts in all, the first included. */
  maxAttempts?: number;
  /** Delay before the first retry; doubles each time. */
  backoffMs?: number;
  /** Called once with the final outcome (delivered or given up). */
  onSettled?: (outcome: WebhookOutcome) => void;
}

export interface WebhookOutcome {
  delivered: boolean;
  attempts: number;
  lastStatus?: number;
  lastError?: string;
}

export interface WebhookOptions {
  maxAttempts: number;
  backoffMs: number;
  timeoutMs: number;
}

export class WebhookSender {
  #inFlight = new Set<AbortController>();

  constructor(
    private readonly clock: Clock,
    private readonly journal: Journal,
    private readonly log: Pick<Logger, 'error'>,
    private readonly options: WebhookOptions = { maxAttempts: 5, backoffMs: 1_000, timeoutMs: 5_000 },
  ) {}

  /** Fire and forget: whatever goes wrong is journaled or logged, never thrown at the caller's loop. */
  send(request: WebhookRequest): void {
    this.#attempt(request, 1).catch((error) => this.#failed(request, error));
  }

  #failed(request: WebhookRequest, error: unknown): void {
    this.log.error({ err: error, url: request.url }, 'webhook delivery failed');
    try {
      request.onSettled?.({ delivered: false, attempts: 0, lastError: String(error) });
    } catch (settleError) {
      this.log.error({ err: settleError, url: request.url }, 'webhook onSettled failed');
    }
  }

  /** Aborts requests in flight; pending retries die with the clock's timers. */
  close(): void {
    for (const controller of this.#inFlight) controller.abort();
    this.#inFlight.clear();
  }

  async #attempt(request: WebhookRequest, attempt: number): Promise<void> {
    const maxAttempts = request.maxAttempts ?? this.options.maxAttempts;
    const method = request.method ?? 'POST';
    const withBody = method !== 'GET' && method !== 'DELETE';
    let text: string;
    try {
      text = JSON.stringify(request.body);
    } catch (error) {
      // e.g. a body nested deeper than the stack: nothing can be sent, so give up at once.
      const reason = `not sent: the body cannot be written as JSON (${(error as Error).message})`;
      this.journal.record({
        kind: 'webhook',
        provider: request.provider,
        method,
        path: request.url,
        sessionId: request.sessionId,
        note: reason,
      });
      request.onSettled?.({ delivered: false, attempts: attempt, lastError: reason });
      return;
    }
    const controller = new AbortController();
    this.#inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), this.options.timeoutMs);
    const started = Date.now();
    let status: number | undefined;
    let error: string | undefined;
    let responseBody: string | undefined;
    try {
      const response = await fetch(request.url, {
        method,
        headers: { ...(withBody ? { 'content-type': 'application/json' } : {}), ...request.headers },
        body: withBody ? text : undefined,
        signal: controller.signal,
      });
      status = response.status;
      responseBody = await response.text();
    } catch (e) {
      error = (e as Error).name === 'AbortError' ? 'timed out or aborted' : String((e as Error).cause ?? e);
    } finally {
      clearTimeout(timeout);
      this.#inFlight.delete(controller);
    }
    const delivered = status !== undefined && status >= 200 && status < 300;
    this.journal.record({
      kind: 'webhook',
      provider: request.provider,
      method,
      path: request.url,
      status,
      durationMs: Date.now() - started,
      requestBody: withBody ? text : undefined,
      responseBody,
      sessionId: request.sessionId,
      note: `attempt ${attempt}/${maxAttempts}${error ? `: ${error}` : ''}`,
    });
    if (delivered || attempt >= maxAttempts) {
      request.onSettled?.({ delivered, attempts: attempt, lastStatus: status, lastError: error });
      return;
    }
    const delay = (request.backoffMs ?? this.options.backoffMs) * 2 ** (attempt - 1);
    this.clock.schedule(
      delay,
      () => {
        this.#attempt(request, attempt + 1).catch((error) => this.#failed(request, error));
      },
      `webhook retry ${request.url}`,
    );
  }
}
