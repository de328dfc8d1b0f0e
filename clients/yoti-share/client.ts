import { EventEmitter } from 'node:events';
import { type AttemptFailure, RestartLimitError, type ShareStep, SocketError } from './errors.js';
import { type RetryPolicy, sleep } from './http.js';
import type { ShareMessage } from './messages.js';
import type { DecodedQrCode } from './qr-code.js';
import { watchSession } from './socket.js';
import { type CallbackResult, forwardToken, requestQrCode, resolveRef, type ShareMetadata } from './steps.js';

export interface StepTimeouts {
  /** Step 1: the QR request (each try). */
  qr: number;
  /** Step 2: resolving the ref (each try). */
  refs: number;
  /** Step 3: opening the websocket until ACCEPTED or REJECTED. */
  connect: number;
  /** Step 4: from ACCEPTED to the outcome; the user has this long to share. */
  outcome: number;
  /** Step 5: the callback request. */
  callback: number;
}

export interface YotiShareClientOptions {
  /** Host root of the share API: `https://api.yoti.com`, or the simulator's `http://127.0.0.1:8080/yoti`. */
  baseUrl: string;
  sdkId: string;
  scenarioId: string;
  /** Extra query parameters for the callback, e.g. `{ lane: '2', location: 'WC2N4JH' }`. */
  callbackParams?: Record<string, string>;
  /** Sends the token here instead of the `callback_endpoint` of the QR metadata. */
  callbackEndpoint?: string;
  /** false: stop at the token without calling the backend. Default true. */
  forwardToken?: boolean;
  /** Prefix of QR URLs searched for in a non-JSON answer. Default `https://code.yoti.com/`. */
  qrBase?: string;
  timeouts?: Partial<StepTimeouts>;
  /** New QR codes after REJECTED, FAILED, TIMED_OUT (or a dropped socket). Default 3. */
  maxRestarts?: number;
  /** Pause before each restart. Default 1000 ms. */
  restartDelayMs?: number;
  /** A socket that closes before an outcome restarts the flow (true, default) or throws SocketError. */
  restartOnSocketError?: boolean;
  /** Retries of the QR and refs requests on 5xx, 429 or no answer. Default 2 retries, 250 ms back-off. */
  retry?: Partial<RetryPolicy>;
}

export const DEFAULT_TIMEOUTS: StepTimeouts = {
  qr: 10_000,
  refs: 10_000,
  connect: 10_000,
  outcome: 330_000,
  callback: 15_000,
};

export type ShareClientState =
  | 'requesting-qr'
  | 'resolving-ref'
  | 'connecting'
  | 'waiting-for-user'
  | 'forwarding-token'
  | 'restarting'
  | 'done'
  | 'failed';

/** What a kiosk UI listens to: show `qr.url`, follow `state`, explain `restart` and `retry`. */
export interface YotiShareEvents {
  state: [state: ShareClientState, attempt: number];
  qr: [qr: DecodedQrCode & { attempt: number }];
  metadata: [metadata: ShareMetadata];
  message: [message: ShareMessage];
  retry: [retry: { step: ShareStep; attempt: number; why: string }];
  restart: [failure: AttemptFailure];
  failed: [error: Error];
}

export interface ShareResult {
  token: string;
  sessionData: string;
  /** 1 when the first QR code worked. */
  attempts: number;
  metadata: ShareMetadata;
  /** Absent when forwardToken is false. */
  callback?: CallbackResult;
}

/** The kiosk flow of Yoti's non-browser client guide, with restarts, retries and a timeout per step. */
export class YotiShareClient extends EventEmitter<YotiShareEvents> {
  readonly timeouts: StepTimeouts;
  /** The attempt under way (1 = first QR code), for events. */
  #attempt = 0;

  constructor(readonly options: YotiShareClientOptions) {
    super();
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  }

  /** Runs until a token is forwarded, or throws one of the typed errors of errors.ts. */
  async run(signal?: AbortSignal): Promise<ShareResult> {
    try {
      return await this.#run(signal);
    } catch (error) {
      this.emit('state', 'failed', this.#attempt);
      this.emit('failed', error as Error);
      throw error;
    }
  }

  async #run(signal?: AbortSignal): Promise<ShareResult> {
    const { options, timeouts } = this;
    const maxRestarts = options.maxRestarts ?? 3;
    const retry: RetryPolicy = { retries: 2, backoffMs: 250, ...options.retry };
    const failures: AttemptFailure[] = [];

    for (let attempt = 1; attempt <= maxRestarts + 1; attempt++) {
      this.#attempt = attempt;
      if (attempt > 1) {
        this.emit('state', 'restarting', attempt);
        await sleep(options.restartDelayMs ?? 1_000, signal);
      }
      const onRetry = (step: ShareStep) => (n: number, why: string) =>
        this.emit('retry', { step, attempt: n, why });

      this.emit('state', 'requesting-qr', attempt);
      const qr = await requestQrCode(options.baseUrl, options.sdkId, options.scenarioId, {
        timeoutMs: timeouts.qr,
        signal,
        retry,
        qrBase: options.qrBase,
        onRetry: onRetry('qr'),
      });
      this.emit('qr', { ...qr, attempt });

      this.emit('state', 'resolving-ref', attempt);
      const metadata = await resolveRef(options.baseUrl, qr.refId, {
        timeoutMs: timeouts.refs,
        signal,
        retry,
        onRetry: onRetry('refs'),
      });
      this.emit('metadata', metadata);

      this.emit('state', 'connecting', attempt);
      let failure: AttemptFailure;
      try {
        const final = await watchSession(options.baseUrl, metadata.sessionData, {
          connectTimeoutMs: timeouts.connect,
          outcomeTimeoutMs: timeouts.outcome,
          signal,
          onMessage: (message) => {
            this.emit('message', message);
            if (message.kind === 'accepted') this.emit('state', 'waiting-for-user', attempt);
          },
        });
        if (final.kind === 'completed') {
          const result: ShareResult = {
            token: final.token,
            sessionData: metadata.sessionData,
            attempts: attempt,
            metadata,
          };
          if (options.forwardToken !== false) {
            this.emit('state', 'forwarding-token', attempt);
            const endpoint = options.callbackEndpoint ?? metadata.callbackEndpoint;
            result.callback = await forwardToken(endpoint, final.token, options.callbackParams ?? {}, {
              timeoutMs: timeouts.callback,
              signal,
            });
          }
          this.emit('state', 'done', attempt);
          return result;
        }
        failure = {
          attempt,
          reason: final.kind === 'timed-out' ? 'TIMED_OUT' : final.kind === 'failed' ? 'FAILED' : 'REJECTED',
        };
      } catch (error) {
        if (!(error instanceof SocketError) || options.restartOnSocketError === false) throw error;
        failure = { attempt, reason: 'SOCKET', error };
      }
      failures.push(failure);
      this.emit('restart', failure);
    }
    throw new RestartLimitError(failures);
  }
}
