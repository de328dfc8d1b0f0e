import type { SimContext } from '../provider.js';
import type { FlowSession } from './progress.js';
import type { TechnologyCode } from './schema.js';

export type TechnologyEvent = 'technology.start' | 'technology.end';

/**
 * technology.start / technology.end to the flow's receiver, when the scenario names one, in the
 * shape of provider-facts: `{id, event, session_id, created, success, flow_name, metadata, data}`.
 * Delivery, retries and journaling are the engine's (ctx.webhooks).
 */
export function notifyTechnology(
  ctx: SimContext,
  session: FlowSession,
  event: TechnologyEvent,
  code: TechnologyCode,
  success: boolean,
  data: Record<string, unknown>,
): void {
  const receiver = session.data.webhook;
  if (!receiver) return;
  ctx.webhooks.send({
    provider: 'biometric',
    url: receiver.url,
    headers: receiver.headers,
    maxAttempts: receiver.maxAttempts,
    backoffMs: receiver.backoffMs,
    sessionId: session.id,
    body: {
      id: ctx.random().uuid(),
      event,
      session_id: session.id,
      created: new Date(ctx.clock.now()).toISOString(),
      success,
      flow_name: session.data.flowName,
      metadata: session.data.rawMetadata,
      data: { technology: code, ...data },
    },
  });
}
