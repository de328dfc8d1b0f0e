/**
 * One error class per way the kiosk flow can fail, so a kiosk UI (or a test) can tell a Yoti
 * outage from a bad QR code, a dropped socket or a slow step with `instanceof`.
 */
export type ShareStep = 'qr' | 'refs' | 'connect' | 'outcome' | 'callback' | 'restart-delay';

export class YotiShareError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Step 1 failed: the QR endpoint answered an error status (or could not be reached: status 0). */
export class QrRequestError extends YotiShareError {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Step 2a failed: the answer had no QR URL, or its payload is not a QrCodeMsg with a ref_id. */
export class QrDecodeError extends YotiShareError {}

/** Step 2b failed: `qrcodes/refs/<ref_id>` answered an error or metadata without session_data. */
export class RefResolveError extends YotiShareError {
  constructor(
    readonly status: number,
    readonly refId: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Steps 3–4 failed: the websocket could not open, or closed before an outcome (1006 = dropped). */
export class SocketError extends YotiShareError {
  constructor(
    readonly closeCode: number | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A step took longer than its configured timeout. */
export class StepTimeoutError extends YotiShareError {
  constructor(
    readonly step: ShareStep,
    readonly timeoutMs: number,
  ) {
    super(`step "${step}" took longer than ${timeoutMs} ms`);
  }
}

/** Why one attempt ended without a token. */
export interface AttemptFailure {
  attempt: number;
  reason: 'REJECTED' | 'FAILED' | 'TIMED_OUT' | 'SOCKET';
  error?: Error;
}

/** Every attempt ended in REJECTED, FAILED, TIMED_OUT (or a dropped socket) and the bound is reached. */
export class RestartLimitError extends YotiShareError {
  constructor(readonly attempts: AttemptFailure[]) {
    const reasons = attempts.map((a) => a.reason).join(', ');
    super(`gave up after ${attempts.length} attempt(s) without a token (${reasons})`, {
      cause: attempts.at(-1)?.error,
    });
  }
}

/** Step 5 failed: the backend at callback_endpoint answered an error status or was unreachable (0). */
export class CallbackError extends YotiShareError {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly body: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The caller aborted the flow (its AbortSignal fired). */
export class ShareAbortedError extends YotiShareError {}
