import type { FlowSession } from './progress.js';
import { technologyResult } from './results.js';
import type { BiometricContext, TechnologyCode } from './schema.js';
import { TECHNOLOGY_INFO } from './technologies.js';

export type TechnologyEvent = 'technology.start' | 'technology.end';

/**
 * technology.start / technology.end to the flow's receiver, when the scenario names one, in the
 * shape of the guide's Technology events: `{id, event, session_id, created (epoch seconds),
 * success, flow_name, metadata, data}`; start data `{technology_code, technology_name}`, end data
 * the technology's result under its result field, with its `failure_reason` (null on success).
 * Delivery, retries and journaling are the engine's (ctx.webhooks). Events of one session go out
 * one after another, so a receiver never sees a technology end before it started, even when an
 * admin action starts and ends it at once or a delivery is being retried.
 */
export class TechnologyNotifier {
  /** Per session: settles when its last queued event has been delivered or given up. */
  #queues = new Map<string, Promise<void>>();

  constructor(private readonly ctx: BiometricContext) {}

  notify(session: FlowSession, event: TechnologyEvent, code: TechnologyCode, success: boolean): void {
    const receiver = session.data.webhook;
    if (!receiver) return;
    const { ctx } = this;
    // Built now, so `created` is when it happened rather than when it was sent.
    const body = {
      id: ctx.random().uuid(),
      event,
      session_id: session.id,
      created: Math.floor(ctx.clock.now() / 1000),
      success,
      flow_name: session.data.flowName,
      metadata: session.data.rawMetadata,
      data: event === 'technology.start' ? startData(code) : endData(session, code),
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

const startData = (code: TechnologyCode) => ({
  technology_code: code,
  technology_name: TECHNOLOGY_INFO[code].name,
});

function endData(session: FlowSession, code: TechnologyCode) {
  return {
    [TECHNOLOGY_INFO[code].resultField]: {
      ...technologyResult(session.data, code),
      failure_reason: session.data.progress[code]?.failure ?? null,
    },
  };
}
