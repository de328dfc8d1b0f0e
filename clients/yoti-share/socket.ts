import WebSocket from 'ws';
import { ShareAbortedError, SocketError, StepTimeoutError } from './errors.js';
import { readShareMessage, type ShareMessage } from './messages.js';

export type FinalMessage = Extract<ShareMessage, { kind: 'completed' | 'rejected' | 'failed' | 'timed-out' }>;

export interface WatchOptions {
  /** Open the socket and hear ACCEPTED (or REJECTED) within this time. */
  connectTimeoutMs: number;
  /** After ACCEPTED, hear the outcome within this time. */
  outcomeTimeoutMs: number;
  signal?: AbortSignal;
  /** Every message as read, for events and logs. */
  onMessage?: (message: ShareMessage) => void;
}

/** `http(s)://host/prefix` → `ws(s)://host/prefix/api/v1.1/connect-sessions/<session_data>`. */
export function connectSessionsUrl(baseUrl: string, sessionData: string): string {
  const url = new URL(
    `${baseUrl.replace(/\/+$/, '')}/api/v1.1/connect-sessions/${encodeURIComponent(sessionData)}`,
  );
  url.protocol = url.protocol === 'https:' ? 'wss:' : url.protocol === 'http:' ? 'ws:' : url.protocol;
  return url.toString();
}

/**
 * Steps 3 and 4: opens the channel, announces the subscription like Yoti's example client, and
 * resolves with the first final message (COMPLETED, REJECTED, FAILED or TIMED_OUT). A socket that
 * closes or errors before that rejects with SocketError; a slow step with StepTimeoutError.
 */
export function watchSession(
  baseUrl: string,
  sessionData: string,
  options: WatchOptions,
): Promise<FinalMessage> {
  const ws = new WebSocket(connectSessionsUrl(baseUrl, sessionData));
  return new Promise<FinalMessage>((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = (step: 'connect' | 'outcome', ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(new StepTimeoutError(step, ms)), ms);
    };
    const onAbort = () => finish(new ShareAbortedError('aborted while waiting on the websocket'));
    const finish = (result: FinalMessage | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (ws.readyState === WebSocket.OPEN) ws.close(1000);
      else if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };

    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    arm('connect', options.connectTimeoutMs);

    ws.on('open', () => ws.send(JSON.stringify({ subscription: sessionData })));
    ws.on('message', (data, isBinary) => {
      const message = isBinary
        ? { kind: 'ignored' as const, reason: 'binary frame' }
        : readShareMessage(data.toString(), sessionData);
      options.onMessage?.(message);
      if (message.kind === 'accepted') arm('outcome', options.outcomeTimeoutMs);
      else if (message.kind !== 'ignored') finish(message);
    });
    ws.on('unexpected-response', (_req, res) =>
      finish(new SocketError(undefined, `websocket upgrade refused with HTTP ${res.statusCode}`)),
    );
    ws.on('error', (error) =>
      finish(new SocketError(undefined, `websocket error: ${error.message}`, { cause: error })),
    );
    ws.on('close', (code, reason) => {
      const why =
        reason.length > 0
          ? ` (${reason.toString()})`
          : code === 1006
            ? ' (dropped without a close frame)'
            : '';
      finish(new SocketError(code, `websocket closed with ${code}${why} before an outcome`));
    });
  });
}
