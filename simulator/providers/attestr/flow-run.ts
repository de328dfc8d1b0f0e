import { attestrFailure, type Language } from './errors.js';
import { fillInput, fillOutput } from './fill.js';
import type { FlowxErrorData, Handshake, HandshakeState, Handshakes } from './handshakes.js';
import { flowxErrorData, flowxEvent, resultOf, type StageDecision, webhookHeaders } from './outcomes.js';
import type { AttestrContext, Flow } from './schema.js';
import { signResult } from './signature.js';

export interface LaunchOptions {
  clientKey: string;
  lc: Language;
  qr: Record<string, unknown>;
  retry: boolean;
}

/** Runs a handshake's flow, stage by stage, and ends it with a result, an error or a skip. */
export class FlowRuns {
  /** One change at a time per handshake, so a timer and a click cannot both decide a stage. */
  #queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly ctx: AttestrContext,
    private readonly handshakes: Handshakes,
  ) {}

  flowOf(hs: Handshake): Flow | undefined {
    return this.ctx.section().flows.find((f) => f.id === hs.data.flowId);
  }

  /** flowx.js `launch()`: starts the run, resumes it, or reruns failed stages when `retry`. */
  launch(id: string, options: LaunchOptions): Promise<Handshake> {
    return this.#serial(id, () => this.#launch(id, options));
  }

  /** Decides the running stage (`stageId` must be it when given). */
  decide(id: string, stageId: string | undefined, decision: StageDecision, by: string): Promise<Handshake> {
    return this.#serial(id, () => this.#decide(id, stageId, decision, by));
  }

  #serial<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.#queues.set(id, next);
    void next
      .finally(() => {
        if (this.#queues.get(id) === next) this.#queues.delete(id);
      })
      .catch(() => undefined);
    return next;
  }

  async #launch(id: string, options: LaunchOptions): Promise<Handshake> {
    const hs = await this.handshakes.get(id);
    if (!hs) throw attestrFailure(4001, `Handshake ${id} does not exist`);
    if (hs.data.clientKey !== options.clientKey) {
      throw attestrFailure(4016, `Client key does not match handshake ${id}`);
    }
    if (hs.state === 'EXPIRED' || hs.data.expiresAt <= this.ctx.clock.now()) {
      throw attestrFailure(4081, `Handshake ${id} has expired`);
    }
    if (hs.data.archived !== null) throw attestrFailure(4001, `Handshake ${id} is archived`);
    const flow = this.flowOf(hs);
    if (!flow) throw attestrFailure(4002, `Flow ${hs.data.flowId} does not exist`);
    if (!flow.active) throw attestrFailure(40034, `Flow ${flow.id} is inactive`);
    const state = hs.state as HandshakeState;
    if (state === 'RUNNING' || (state === 'COMPLETED' && options.retry)) return hs;
    if (state !== 'CREATED' && !options.retry) {
      throw attestrFailure(
        4001,
        `Handshake ${id} has already run (${state}); launch with retry: true to rerun it`,
      );
    }
    // Only variables the flow declares are taken from qr; the rest are ignored.
    const declared = Object.keys(flow.variables);
    const qr = Object.fromEntries(Object.entries(options.qr).filter(([k]) => declared.includes(k)));
    await this.handshakes.update(
      id,
      state === 'CREATED' ? 'launched' : 'retried',
      (d) => {
        const variables = state === 'CREATED' ? { ...d.variables, ...qr } : d.variables;
        return {
          ...d,
          consumed: true,
          lc: options.lc,
          variables,
          error: undefined,
          skippedAt: undefined,
          stages: d.stages.map((s, i) =>
            s.status === 'success'
              ? s
              : { ...s, status: 'pending', input: fillInput(flow.stages[i]?.input ?? s.input, variables) },
          ),
        };
      },
      {
        lc: options.lc,
        retry: options.retry,
        ignoredVariables: Object.keys(options.qr).filter((k) => !declared.includes(k)),
      },
      'RUNNING',
    );
    return this.#startNext(id);
  }

  async #decide(
    id: string,
    stageId: string | undefined,
    decision: StageDecision,
    by: string,
  ): Promise<Handshake> {
    const hs = await this.handshakes.get(id);
    if (!hs) throw attestrFailure(4001, `Handshake ${id} does not exist`);
    const running = hs.data.stages.find((s) => s.status === 'running');
    if (hs.state !== 'RUNNING' || !running) {
      throw attestrFailure(4001, `Handshake ${id} has no running stage (${hs.state})`);
    }
    if (stageId !== undefined && stageId !== running.id) {
      throw attestrFailure(4001, `Stage ${stageId} is not running; ${running.id} is`);
    }
    await this.handshakes.kind.cancel(id, 'stage');
    if (decision.type === 'success') {
      const flowStage = this.flowOf(hs)?.stages.find((s) => s.id === running.id);
      const output = await fillOutput(flowStage?.output ?? {}, () => this.ctx.faker());
      await this.handshakes.update(
        id,
        'stage-success',
        (d) => ({
          ...d,
          stages: d.stages.map((s) => (s.id === running.id ? { ...s, status: 'success', output } : s)),
        }),
        { stage: running.id, by },
      );
      return this.#startNext(id);
    }
    if (decision.type === 'skip') return this.#end(id, 'SKIPPED', running.id, { stage: running.id, by });
    const error = flowxErrorData(decision, hs.data.lc, running.id);
    return this.#end(id, 'ERRORED', running.id, { stage: running.id, code: decision.code, by }, error);
  }

  async #startNext(id: string): Promise<Handshake> {
    const hs = (await this.handshakes.get(id)) as Handshake;
    const next = hs.data.stages.find((s) => s.status === 'pending');
    if (!next) return this.#end(id, 'COMPLETED', null, {});
    const now = this.ctx.clock.now();
    const updated = (await this.handshakes.update(
      id,
      'stage-started',
      (d) => ({
        ...d,
        stages: d.stages.map((s) => (s.id === next.id ? { ...s, status: 'running', startedAt: now } : s)),
      }),
      { stage: next.id },
    )) as Handshake;
    const outcome = this.flowOf(hs)?.stages.find((s) => s.id === next.id)?.outcome;
    if (outcome) await this.handshakes.kind.outcome(id, now, { ...outcome, stage: next.id }, 'stage');
    return updated;
  }

  async #end(
    id: string,
    state: 'COMPLETED' | 'ERRORED' | 'SKIPPED',
    stage: string | null,
    detail: Record<string, unknown>,
    error?: FlowxErrorData,
  ): Promise<Handshake> {
    const client = await this.#clientOf(id);
    const ended = (await this.handshakes.update(
      id,
      state,
      (d) => {
        const stages = d.stages.map((s) =>
          s.id === stage
            ? { ...s, status: state === 'SKIPPED' ? ('skipped' as const) : ('error' as const) }
            : s,
        );
        const text = resultOf({ ...d, stages });
        return {
          ...d,
          stages,
          error,
          skippedAt: state === 'SKIPPED' ? stage : undefined,
          resultText: text,
          resultSignature: text === null || !client ? null : signResult(client.secret, text),
          endedAt: this.ctx.clock.now(),
        };
      },
      detail,
      state,
    )) as Handshake;
    await this.handshakes.kind.cancel(id, 'expiry');
    await this.handshakes.scheduleArchive(id, client?.archiveAfterMs);
    if (ended.data.webhook && client?.webhookUrl) {
      this.ctx.webhooks.send({
        provider: 'attestr',
        url: client.webhookUrl,
        sessionId: id,
        headers: webhookHeaders(client),
        body: flowxEvent(ended),
      });
    }
    return ended;
  }

  async #clientOf(id: string) {
    const hs = await this.handshakes.get(id);
    return this.ctx.section().clients.find((c) => c.clientKey === hs?.data.clientKey);
  }
}
