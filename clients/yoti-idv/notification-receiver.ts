import { timingSafeEqual } from 'node:crypto';
import type { SessionNotification } from './types.js';

export interface NotificationReceiverOptions {
  /** The auth_token given in the session's notifications config; checked when set. */
  authToken?: string;
  authType?: 'BASIC' | 'BEARER';
  /** Runs for every accepted notification; a throw answers 500 so Yoti retries. */
  onNotification?: (notification: SessionNotification) => void | Promise<void>;
}

export interface NotificationReceiver {
  /** A fetch-style handler: mount it in Hono (`app.post(path, (c) => r.fetch(c.req.raw))`), node:http or a worker. */
  fetch(request: Request): Promise<Response>;
  /** Resolves with the first notification (past or future) for the session and topic. */
  waitFor(sessionId: string, topic: string, timeoutMs?: number): Promise<SessionNotification>;
  readonly received: readonly SessionNotification[];
}

/**
 * The endpoint a backend exposes as `notifications.endpoint`. Checks the Authorization header
 * Yoti sends (Basic base64(auth_token), or Bearer auth_token), parses the body and hands it on.
 */
export function createNotificationReceiver(options: NotificationReceiverOptions = {}): NotificationReceiver {
  const received: SessionNotification[] = [];
  const waiters: { match: (n: SessionNotification) => boolean; resolve: (n: SessionNotification) => void }[] =
    [];
  const expected = options.authToken
    ? options.authType === 'BEARER'
      ? `Bearer ${options.authToken}`
      : `Basic ${Buffer.from(options.authToken).toString('base64')}`
    : undefined;

  const matcher = (sessionId: string, topic: string) => (n: SessionNotification) =>
    n.session_id === sessionId && n.topic.toUpperCase() === topic.toUpperCase();

  return {
    received,
    async fetch(request) {
      if (request.method !== 'POST') return new Response('POST only', { status: 405 });
      if (expected && !sameText(request.headers.get('authorization') ?? '', expected)) {
        return new Response('unauthorised', { status: 401 });
      }
      let notification: SessionNotification;
      try {
        notification = (await request.json()) as SessionNotification;
      } catch {
        return new Response('body is not JSON', { status: 400 });
      }
      if (typeof notification?.session_id !== 'string' || typeof notification.topic !== 'string') {
        return new Response('expected {session_id, topic}', { status: 400 });
      }
      try {
        await options.onNotification?.(notification);
      } catch {
        return new Response('handler failed', { status: 500 });
      }
      received.push(notification);
      for (const waiter of [...waiters]) {
        if (waiter.match(notification)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(notification);
        }
      }
      return new Response(null, { status: 204 });
    },
    waitFor(sessionId, topic, timeoutMs = 30_000) {
      const match = matcher(sessionId, topic);
      const seen = received.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (n: SessionNotification) => {
            clearTimeout(timer);
            resolve(n);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no ${topic} notification for session ${sessionId} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
  };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
