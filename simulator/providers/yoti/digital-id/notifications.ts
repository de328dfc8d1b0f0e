import type { YotiContext } from '../schema.js';
import type { DigitalIdSession } from './sessions.js';

/** The body of a share session notification, as Yoti's Digital ID guide shows it. */
export function sessionNotification(session: DigitalIdSession): Record<string, unknown> {
  const { receipt } = session.data;
  return {
    id: session.id,
    status: session.state,
    created: new Date(session.createdAt).toISOString(),
    updated: new Date(session.updatedAt).toISOString(),
    ...(receipt ? { receipt: { id: receipt.id, ...(receipt.error ? { error: receipt.error } : {}) } } : {}),
  };
}

/**
 * Sends the session's notification to the endpoint of its `notification` config, with its
 * method (POST unless told) and headers. Retries and back-off are the engine's, on the simulator
 * clock (the app's digitalId.notifications); every attempt is journaled.
 */
export function shareSessionNotifier(ctx: YotiContext) {
  return (session: DigitalIdSession): void => {
    const config = session.data.request.notification;
    if (!config) return;
    ctx.webhooks.send({
      provider: 'yoti',
      url: config.url,
      method: config.method ?? 'POST',
      body: sessionNotification(session),
      headers: config.headers ?? {},
      sessionId: session.id,
      maxAttempts: session.data.retries.maxAttempts,
      backoffMs: session.data.retries.backoffMs,
    });
  };
}
