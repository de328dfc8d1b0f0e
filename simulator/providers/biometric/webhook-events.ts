import type { SimContext } from '../provider.js';
import type { FlowSession } from './progress.js';
import type { TechnologyCode } from './schema.js';

export type TechnologyEvent = 'technology.start' | 'technology.end';

/**
 * technology.start / technology.end to the flow's receiver, when the scenario names one, in the
 * shape of provider-facts: `{id, event, session_id, created, success, flow_name, metadata, data}`.
 * Delivery, retries and journaling are the engine's (ctx.webhooks). Events of one session go out
 * one after another, so a receiver never sees a technology end before it started, even when an
 * admin action starts and ends it at once or a delivery is being retried.
 */
export class TechnologyNotifier {
  /** Per session: settles when its last queued event has been delivered or given up. */
  #queues = new Map<string, Promise<void>>();

  constructor(private readonly ctx: SimContext) {}

  notify(
    session: FlowSession,
    event: TechnologyEvent,
    code: TechnologyCode,
    success: boolean,
    data: Record<string, unknown>,
  ): void {
    const receiver = session.data.webhook;
    if (!receiver) return;
    const { ctx } = this;
    // Built now, so `created` is when it happened rather than when it was sent.
    const body = {
      id: ctx.random().uuid(),
      event,
      session_id: session.id,
      created: new Date(ctx.clock.now()).toISOString(),
      success,
      flow_name: session.data.flowName,
      metadata: session.data.rawMetadata,
      data: { technology: code, ...data },
    };
    const previous = this.#queues.get(session.id) ?? Promise.resolve();
    const sent = previous.then(
      () =>
        new Promise<void>((settled) =>
          ctx.webhooks.send({
            provider: 'biometric',
            url: receiver.url,
            headers: receiver.headers,
            maxAttempts: receiver.maxAttempts,
            backoffMs: receiver.backoffMs,
            sessionId: session.id,
            body,
            onSettled: () => settled(),
          }),
        ),
    );
    this.#queues.set(session.id, sent);
    void sent.then(() => {
      if (this.#queues.get(session.id) === sent) this.#queues.delete(session.id);
    });
  }

  /** Forgets the queues (scenario reload, shutdown); pending retries die with the clock's timers. */
  clear(): void {
    this.#queues.clear();
  }
}
