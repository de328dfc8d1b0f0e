/**
 * The messages of `connect-sessions/<session_data>` (step 3 and 4 of Yoti's guide), read into a
 * typed value. This is the client's whole interpretation of a frame, usable without a socket, so
 * the Pact message tests feed it the very frames of the contract.
 */
export type ShareMessage =
  | { kind: 'accepted'; subscription: string }
  | { kind: 'rejected'; subscription: string }
  | { kind: 'completed'; subscription: string; token: string }
  | { kind: 'failed'; subscription: string }
  | { kind: 'timed-out'; subscription: string }
  /** Not a message the flow acts on (non-JSON, unknown status, another subscription). */
  | { kind: 'ignored'; reason: string };

const KIND_BY_STATUS = {
  ACCEPTED: 'accepted',
  REJECTED: 'rejected',
  FAILED: 'failed',
  TIMED_OUT: 'timed-out',
} as const;

/**
 * Reads one frame (text, or JSON already parsed). With `expectedSubscription`, a message for
 * another session is ignored. COMPLETED without a non-empty string token is ignored: there is
 * nothing to forward.
 */
export function readShareMessage(frame: unknown, expectedSubscription?: string): ShareMessage {
  let message: unknown = frame;
  if (typeof frame === 'string' || Buffer.isBuffer(frame)) {
    try {
      message = JSON.parse(frame.toString());
    } catch {
      return { kind: 'ignored', reason: 'not JSON' };
    }
  }
  if (!message || typeof message !== 'object' || Array.isArray(message)) {
    return { kind: 'ignored', reason: 'not a JSON object' };
  }
  const { status, subscription, token } = message as Record<string, unknown>;
  if (typeof subscription !== 'string') return { kind: 'ignored', reason: 'no subscription' };
  if (expectedSubscription !== undefined && subscription !== expectedSubscription) {
    return { kind: 'ignored', reason: `message for another subscription ${subscription}` };
  }
  if (status === 'COMPLETED') {
    if (typeof token !== 'string' || token === '') {
      return { kind: 'ignored', reason: 'COMPLETED without a token' };
    }
    return { kind: 'completed', subscription, token };
  }
  if (typeof status === 'string' && Object.hasOwn(KIND_BY_STATUS, status)) {
    return { kind: KIND_BY_STATUS[status as keyof typeof KIND_BY_STATUS], subscription };
  }
  return { kind: 'ignored', reason: `unknown status ${JSON.stringify(status)}` };
}

/** The outcomes that end an attempt without a token; Yoti's guide says to restart with a new QR. */
export const isRestartOutcome = (m: ShareMessage) =>
  m.kind === 'rejected' || m.kind === 'failed' || m.kind === 'timed-out';
