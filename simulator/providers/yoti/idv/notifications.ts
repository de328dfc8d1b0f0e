import type { YotiContext } from '../schema.js';
import type { IdvSession } from './model.js';
import type { IdvAppConfig } from './schema.js';
import type { NotificationTopic } from './vocabulary.js';

/** The ids a notification carries besides the session, by topic. */
export interface NotificationExtra {
  task_id?: string;
  resource_id?: string;
  check_id?: string;
}

/**
 * POSTs `{session_id, topic, ...}` to `notifications.endpoint` when the session subscribed to the
 * topic (no topic list: every topic). Topics go out in lower case, as Yoti's example shows.
 * auth_token becomes `Authorization: Basic base64(token)` (the default) or `Bearer token`.
 * Retries and back-off are the engine's, on the simulator clock; every attempt is journaled.
 */
export function notify(
  ctx: YotiContext,
  session: IdvSession,
  topic: NotificationTopic,
  app: IdvAppConfig,
  extra: NotificationExtra = {},
): boolean {
  const config = session.data.request.notifications;
  if (!config) return false;
  if (config.topics && !config.topics.includes(topic)) return false;
  const headers: Record<string, string> = {};
  if (config.auth_token) {
    headers.authorization =
      config.auth_type === 'BEARER'
        ? `Bearer ${config.auth_token}`
        : `Basic ${Buffer.from(config.auth_token).toString('base64')}`;
  }
  ctx.webhooks.send({
    provider: 'yoti',
    url: config.endpoint,
    body: { session_id: session.id, topic: topic.toLowerCase(), ...extra },
    headers,
    sessionId: session.id,
    maxAttempts: app.notifications.maxAttempts,
    backoffMs: app.notifications.backoffMs,
  });
  return true;
}
