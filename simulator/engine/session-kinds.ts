import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Clock, TimerHandle } from './clock.js';
import { SimError } from './errors.js';
import {
  recordEvent,
  type SessionRecord,
  type SessionStore,
  type TimerFilter,
  type TimerRecord,
} from './store.js';

/** How an ended state reads in the console: a success, a failure, or neither (a result to look at). */
export type EndTone = 'success' | 'failure' | 'neutral';

/** A session action run from the admin API or the console, e.g. Yoti's `complete`. Throws SimError to refuse. */
export interface KindAction<D = unknown, P extends z.ZodType = z.ZodType> {
  description: string;
  params: P;
  /** The engine refuses actions on ended sessions (409) unless the action is meant for them (archive). */
  onEnded?: boolean;
  run(session: SessionRecord<D>, params: z.output<P>): Promise<void>;
}

/** A step run when its timer falls due. `explain` says what it does in one sentence. */
export interface TimedStep<D = unknown, P = never> {
  explain(params: P): string;
  run(session: SessionRecord<D>, params: P): Promise<unknown>;
}

/** What a scenario's tagged outcome does: `run` when it falls due (`afterMs` later); none for `manual`. */
export interface OutcomeStep<D = unknown, O = unknown> {
  explain(step: O): string;
  run?(session: SessionRecord<D>, step: O): Promise<unknown>;
}

type Tagged = { type: string; afterMs?: number };

/**
 * One kind of session a provider has, as data the engine runs: its states (the initial one and
 * the ended ones), its outcome steps (the scenario's `type` → handler), its other timed steps
 * (lifetimes, archiving…) and its actions.
 */
export interface SessionKindDefinition<D = unknown, O extends Tagged = Tagged> {
  kind: string;
  states: readonly string[];
  initial: string;
  ended: Readonly<Record<string, EndTone>>;
  /**
   * An ended session its client is still sure to come back for (a share whose token is not yet
   * exchanged): past its limit of ended sessions, the in-memory store forgets the others first.
   */
  awaited?(session: SessionRecord<D>): boolean;
  outcomes?: { [T in O['type']]: OutcomeStep<D, O & { type: T }> };
  steps?: Record<string, TimedStep<D, never>>;
  actions: Record<string, KindAction<D>>;
}

/** Steps and outcomes live in one timer namespace each: `step:<name>` or `outcome:<type>`. */
type Handler = { table: 'steps' | 'outcome'; key: string };
const handlerId = ({ table, key }: Handler) => `${table}:${key}`;
const parseHandler = (id: string): Handler => {
  const [table, ...key] = id.split(':');
  return { table: table as Handler['table'], key: key.join(':') };
};

/** A kind as the admin API describes it: what the console reads instead of guessing from names. */
export interface KindDescription {
  provider: string;
  kind: string;
  states: readonly string[];
  initial: string;
  ended: Readonly<Record<string, EndTone>>;
  outcomes: string[];
  steps: string[];
  actions: { name: string; description: string; onEnded: boolean }[];
}

/**
 * The engine's side of session kinds. Timers are records in the store ({sessionId, kind, step,
 * dueAt, params}), never closures: the clock only holds a wake-up that carries the record's id,
 * and firing claims the record from the store, then looks its handler up by provider, kind and
 * step. A networked store can hold the records and hand each to one replica.
 */
export class SessionKinds {
  #kinds = new Map<string, SessionKindDefinition>();
  #providers = new Map<string, string>();
  #wakeups = new Map<string, TimerHandle>();

  constructor(
    private readonly clock: Clock,
    private readonly store: SessionStore,
    private readonly log: Logger,
  ) {
    // A session the store forgets takes its timers along; their wake-ups must not stay armed.
    store.onEvicted?.((_id, timers) => {
      for (const timer of timers) this.#disarm(timer.id);
    });
  }

  /** Registers `definition` for `provider`; returns the handle its code schedules and transitions with. */
  define<D, O extends Tagged>(provider: string, definition: SessionKindDefinition<D, O>): KindRunner<D, O> {
    const key = `${provider}/${definition.kind}`;
    if (this.#kinds.has(key)) throw new Error(`kyc-sim: session kind ${key} is defined twice`);
    for (const state of [definition.initial, ...Object.keys(definition.ended)]) {
      if (!definition.states.includes(state))
        throw new Error(`kyc-sim: ${key} names state ${state} that is not among its states`);
    }
    this.#kinds.set(key, definition as unknown as SessionKindDefinition);
    this.#providers.set(key, provider);
    return new KindRunner(this, provider, definition);
  }

  get(provider: string, kind: string): SessionKindDefinition | undefined {
    return this.#kinds.get(`${provider}/${kind}`);
  }

  describe(): KindDescription[] {
    return [...this.#kinds.entries()].map(([key, def]) => ({
      provider: this.#providers.get(key) as string,
      kind: def.kind,
      states: def.states,
      initial: def.initial,
      ended: def.ended,
      outcomes: Object.keys(def.outcomes ?? {}),
      steps: Object.keys(def.steps ?? {}),
      actions: Object.entries(def.actions).map(([name, a]) => ({
        name,
        description: a.description,
        onEnded: a.onEnded === true,
      })),
    }));
  }

  isEnded(session: SessionRecord<unknown>): boolean {
    return this.get(session.provider, session.kind)?.ended[session.state] !== undefined;
  }

  /** Ended, but its client is sure to come back for it (its kind's `awaited`). */
  isAwaited(session: SessionRecord<unknown>): boolean {
    const kind = this.get(session.provider, session.kind);
    return kind?.ended[session.state] !== undefined && kind.awaited?.(session) === true;
  }

  /** Runs a named action of the session's kind; the one guard against acting on an ended session. */
  async runAction(session: SessionRecord, name: string, params: unknown): Promise<void> {
    const action = this.get(session.provider, session.kind)?.actions[name];
    if (!action) throw new SimError(400, `unknown action ${name}`);
    if (!action.onEnded && this.isEnded(session)) {
      throw new SimError(
        409,
        `${session.provider} ${session.kind} session ${session.id} has already ended (${session.state})`,
      );
    }
    await action.run(session, params);
  }

  /** Stores the timer (replacing the session's timer of the same name) and arms its wake-up. */
  async schedule(timer: TimerRecord): Promise<void> {
    this.#disarm(timer.id);
    await this.store.putTimer(timer);
    this.#arm(timer);
  }

  async cancel(sessionId: string, filter?: TimerFilter): Promise<void> {
    for (const timer of await this.store.deleteTimers(sessionId, filter)) this.#disarm(timer.id);
  }

  async pending(sessionId: string): Promise<(TimerRecord & { explanation: string })[]> {
    const timers = await this.store.timers(sessionId);
    return timers.map((t) => ({ ...t, explanation: this.explain(t) }));
  }

  /** The sentence a timer's step gives for itself. */
  explain(timer: TimerRecord): string {
    const step = this.#handlerOf(timer);
    return step ? step.explain(timer.params as never) : `${timer.step} (no longer defined)`;
  }

  /** Forgets every wake-up (reset, scenario load, shutdown); the store's timers go with store.clear(). */
  clear(): void {
    for (const handle of this.#wakeups.values()) this.clock.cancel(handle);
    this.#wakeups.clear();
  }

  #arm(timer: TimerRecord): void {
    const label = () => `${timer.provider} ${timer.kind} ${parseHandler(timer.step).key} ${timer.sessionId}`;
    const handle = this.clock.scheduleAt(timer.dueAt, () => void this.#fire(timer.id), label);
    this.#wakeups.set(timer.id, handle);
  }

  #disarm(id: string): void {
    this.clock.cancel(this.#wakeups.get(id));
    this.#wakeups.delete(id);
  }

  /**
   * Claims and runs every timer due at `now`, earliest first, whichever replica scheduled it: how
   * replicas sharing a store pick up the timers of one that stopped, and how an advance of a shared
   * manual clock runs what fell due. `before` is called with each timer first (to move a clock).
   */
  async runDue(now: number, before?: (timer: TimerRecord) => void): Promise<number> {
    let ran = 0;
    for (;;) {
      const due = await this.store.claimDueTimers(now);
      if (due.length === 0) return ran;
      for (const timer of due) {
        this.#disarm(timer.id);
        before?.(timer);
        await this.#run(timer);
        ran++;
      }
    }
  }

  async #fire(id: string): Promise<void> {
    this.#wakeups.delete(id);
    const timer = await this.store.claimTimer(id, this.clock.now());
    if (!timer) return; // cancelled, rescheduled later, or claimed by another replica
    await this.#run(timer);
  }

  async #run(timer: TimerRecord): Promise<void> {
    const session = await this.store.get(timer.sessionId);
    const step = this.#handlerOf(timer);
    if (!session || !step?.run) return;
    try {
      await step.run(session, timer.params as never);
    } catch (error) {
      this.log.error({ err: error, timer }, 'a timed step failed');
    }
  }

  #handlerOf(timer: TimerRecord): (OutcomeStep<unknown, unknown> | TimedStep<unknown, unknown>) | undefined {
    const def = this.get(timer.provider, timer.kind);
    const { table, key } = parseHandler(timer.step);
    if (table === 'outcome') return (def?.outcomes as Record<string, OutcomeStep> | undefined)?.[key];
    return def?.steps?.[key] as TimedStep<unknown, unknown> | undefined;
  }
}

/** A provider's handle on one of its kinds: transitions, timers and outcome steps, all on the engine. */
export class KindRunner<D, O extends Tagged> {
  constructor(
    private readonly kinds: SessionKinds,
    readonly provider: string,
    readonly definition: SessionKindDefinition<D, O>,
  ) {}

  get kind(): string {
    return this.definition.kind;
  }

  isEnded(session: { state: string }): boolean {
    return this.definition.ended[session.state] !== undefined;
  }

  /** The session moved to `state`, noted on its timeline as `event` (the state's name by default). */
  transition<S extends SessionRecord<D>>(
    session: S,
    at: number,
    state: string,
    detail?: Record<string, unknown>,
    event = state,
  ): S {
    if (!this.definition.states.includes(state))
      throw new Error(`kyc-sim: ${this.provider} ${this.kind} has no state ${state}`);
    return recordEvent(session, at, event, detail, state);
  }

  /** Runs step `name` (one of `steps`) at `dueAt`, replacing the session's timer of the same slot. */
  at(sessionId: string, name: string, dueAt: number, params?: unknown, slot = name): Promise<void> {
    if (!this.definition.steps?.[name]) throw new Error(`kyc-sim: ${this.kind} has no step ${name}`);
    return this.#schedule(sessionId, slot, handlerId({ table: 'steps', key: name }), dueAt, params);
  }

  /**
   * Schedules the scenario's outcome step by its `type`, `afterMs` from `now` (at once without it),
   * in the timer slot `slot`. Steps with no handler (`manual`) schedule nothing. Returns the sentence.
   */
  async outcome(sessionId: string, now: number, step: O, slot = 'outcome'): Promise<string> {
    const handler = (this.definition.outcomes as Record<string, OutcomeStep<D, O>> | undefined)?.[step.type];
    if (!handler) throw new Error(`kyc-sim: ${this.kind} has no outcome step ${step.type}`);
    if (handler.run) {
      const dueAt = now + Math.max(0, step.afterMs ?? 0);
      await this.#schedule(sessionId, slot, handlerId({ table: 'outcome', key: step.type }), dueAt, step);
    }
    return handler.explain(step as never);
  }

  explainOutcome(step: O): string {
    const handler = (this.definition.outcomes as Record<string, OutcomeStep<D, O>> | undefined)?.[step.type];
    return handler?.explain(step as never) ?? `unknown step ${step.type}`;
  }

  /** Cancels the session's timers in `slots`, or all of them. */
  cancel(sessionId: string, ...slots: string[]): Promise<void> {
    return this.kinds.cancel(sessionId, slots.length > 0 ? { slots } : undefined);
  }

  /** Cancels every timer of the session but those in `kept` (e.g. a clean-up timer). */
  cancelAllExcept(sessionId: string, ...kept: string[]): Promise<void> {
    return this.kinds.cancel(sessionId, { except: kept });
  }

  #schedule(sessionId: string, slot: string, step: string, dueAt: number, params: unknown): Promise<void> {
    return this.kinds.schedule({
      id: `${sessionId}/${slot}`,
      sessionId,
      provider: this.provider,
      kind: this.kind,
      slot,
      step,
      dueAt,
      ...(params === undefined ? {} : { params }),
    });
  }
}
