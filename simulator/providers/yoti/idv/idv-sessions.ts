import type { TimerHandle } from '../../../engine/clock.js';
import type { SimContext } from '../../provider.js';
import type { YotiApp } from '../schema.js';
import { buildSession } from './build-session.js';
import { completeData } from './complete.js';
import { IDV_ENDED, type IdvData, type IdvSession, type IdvState } from './model.js';
import { type NotificationExtra, notify } from './notifications.js';
import {
  type OutcomePlan,
  planFromResponseConfig,
  planFromScenario,
  type ResponseConfig,
} from './outcome.js';
import { type CheckOutcome, type IdvAppConfig, idvAppSchema } from './schema.js';
import type { ValidSession } from './validate.js';
import type { NotificationTopic } from './vocabulary.js';

/**
 * IDV/IBV sessions of one simulator: ONGOING → COMPLETED (the scenario's script, an admin action
 * or the branch review), or EXPIRED when the deadline passes first. Resources (and so the
 * session) are deleted once resources_ttl runs out. Every timer runs on the simulator clock.
 */
export class IdvSessions {
  #timers = new Map<string, { label: string; handle: TimerHandle }[]>();
  /** Sandbox response-config set per app (PUT /sandbox/idverify/v1/apps/{sdkId}/response-config). */
  #appResponseConfigs = new Map<string, ResponseConfig>();

  constructor(readonly ctx: SimContext) {}

  configOf(sdkId: string): IdvAppConfig {
    const app = this.ctx.scenario().yoti.apps.find((a) => a.sdkId === sdkId) as YotiApp | undefined;
    return app?.idv ?? idvAppSchema.parse({});
  }

  async create(sdkId: string, valid: ValidSession): Promise<IdvSession> {
    const { ctx } = this;
    const now = ctx.clock.now();
    const session = buildSession(sdkId, valid, ctx.random(), now);
    // Loads faker now, so a completion fired by the manual clock finishes within the advance call.
    await ctx.faker();
    await ctx.store.put(session);
    const id = session.id;
    this.#arm(id, valid.deadline - now, 'deadline', () => this.expire(id, 'the session deadline passed'));
    this.#arm(id, valid.resourcesTtlS * 1000, 'resources ttl', () =>
      this.delete(id, 'resources_ttl ran out'),
    );
    const { outcome } = this.configOf(sdkId);
    if (outcome.type === 'complete') {
      this.#arm(id, outcome.afterMs, 'outcome', () => this.complete(id, 'completed by scenario'));
    }
    return session;
  }

  /** The session if it exists and belongs to the app; deleted and foreign sessions look absent. */
  async get(id: string, sdkId?: string): Promise<IdvSession | undefined> {
    const session = await this.ctx.store.get<IdvData>(id);
    if (session?.kind !== 'idv') return undefined;
    if (sdkId !== undefined && session.data.sdkId !== sdkId) return undefined;
    return session;
  }

  async delete(id: string, reason: string): Promise<boolean> {
    this.#disarm(id);
    const existed = await this.ctx.store.delete(id);
    if (existed) this.ctx.log.debug({ id, reason }, 'idv session deleted');
    return existed;
  }

  async update(id: string, change: (s: IdvSession) => IdvSession): Promise<IdvSession | undefined> {
    return this.ctx.store.update<IdvData>(id, change);
  }

  /** Every check reports, every requirement is met; SESSION_COMPLETION and friends go out. */
  async complete(id: string, reason: string, override?: Record<string, CheckOutcome>): Promise<boolean> {
    const before = await this.get(id);
    if (!before || IDV_ENDED.includes(before.state as IdvState)) return false;
    const plan = this.#plan(before, override);
    const faker = await this.ctx.faker();
    const now = this.ctx.clock.now();
    let changed = false;
    const after = await this.update(id, (s) => {
      if (IDV_ENDED.includes(s.state as IdvState)) return s;
      changed = true;
      const data = completeData(s.data, plan, this.ctx.random(), faker, now);
      return this.#transition({ ...s, data }, 'COMPLETED', reason);
    });
    if (!changed || !after) return false;
    this.#disarmExcept(id, 'resources ttl');
    this.#completionNotifications(after);
    return true;
  }

  async expire(id: string, reason: string): Promise<boolean> {
    let changed = false;
    await this.update(id, (s) => {
      if (IDV_ENDED.includes(s.state as IdvState)) return s;
      changed = true;
      return this.#transition(s, 'EXPIRED', reason);
    });
    if (changed) this.#disarmExcept(id, 'resources ttl');
    return changed;
  }

  /** Sends one topic's notification and notes it on the timeline. */
  async notify(session: IdvSession, topic: NotificationTopic, extra?: NotificationExtra): Promise<boolean> {
    const sent = notify(this.ctx, session, topic, this.configOf(session.data.sdkId), extra);
    const at = this.ctx.clock.now();
    await this.update(session.id, (s) => ({
      ...s,
      timeline: [...s.timeline, { at, event: `notification ${topic}`, detail: { sent, ...extra } }],
      data: { ...s.data, notifications: [...s.data.notifications, { topic, at }] },
    }));
    return sent;
  }

  setSessionResponseConfig(id: string, config: ResponseConfig): Promise<IdvSession | undefined> {
    const plan = planFromResponseConfig(config);
    if (plan.delayMs !== undefined) {
      // async_report_delay: the reports arrive that long after the outcome is configured.
      this.#disarmLabel(id, 'outcome');
      this.#arm(id, plan.delayMs, 'outcome', () => this.complete(id, 'sandbox response-config'));
    }
    return this.update(id, (s) => ({ ...s, data: { ...s.data, responseConfig: config } }));
  }

  setAppResponseConfig(sdkId: string, config: ResponseConfig): void {
    this.#appResponseConfigs.set(sdkId, config);
  }

  clearTimers(): void {
    for (const timers of this.#timers.values()) for (const t of timers) this.ctx.clock.cancel(t.handle);
    this.#timers.clear();
    this.#appResponseConfigs.clear();
  }

  #plan(session: IdvSession, override?: Record<string, CheckOutcome>): OutcomePlan {
    const sandbox = (session.data.responseConfig ?? this.#appResponseConfigs.get(session.data.sdkId)) as
      | ResponseConfig
      | undefined;
    if (sandbox && !override) return planFromResponseConfig(sandbox);
    return planFromScenario(this.configOf(session.data.sdkId).outcome, override);
  }

  #completionNotifications(session: IdvSession): void {
    void (async () => {
      for (const resource of [
        ...(session.data.resources.id_documents ?? []),
        ...(session.data.resources.supplementary_documents ?? []),
      ]) {
        await this.notify(session, 'RESOURCE_UPDATE', { resource_id: resource.id as string });
        for (const task of (resource.tasks as { id: string }[]) ?? []) {
          await this.notify(session, 'TASK_COMPLETION', { task_id: task.id });
        }
      }
      for (const check of session.data.checks)
        await this.notify(session, 'CHECK_COMPLETION', { check_id: check.id });
      await this.notify(session, 'SESSION_COMPLETION');
    })().catch((error) => this.ctx.log.error({ err: error, id: session.id }, 'idv notifications failed'));
  }

  #transition(s: IdvSession, state: IdvState, reason: string): IdvSession {
    const at = this.ctx.clock.now();
    return {
      ...s,
      state,
      updatedAt: at,
      timeline: [...s.timeline, { at, event: state, detail: { reason } }],
    };
  }

  #arm(id: string, delayMs: number, label: string, fire: () => Promise<unknown>): void {
    const handle = this.ctx.clock.schedule(delayMs, () => void fire(), `yoti idv ${id} ${label}`);
    this.#timers.set(id, [...(this.#timers.get(id) ?? []), { label, handle }]);
  }

  #disarm(id: string): void {
    this.#disarmWhere(id, () => true);
    this.#timers.delete(id);
  }

  #disarmLabel(id: string, label: string): void {
    this.#disarmWhere(id, (l) => l === label);
  }

  #disarmExcept(id: string, label: string): void {
    this.#disarmWhere(id, (l) => l !== label);
  }

  #disarmWhere(id: string, cancel: (label: string) => boolean): void {
    const kept = (this.#timers.get(id) ?? []).filter((t) => {
      if (cancel(t.label)) this.ctx.clock.cancel(t.handle);
      return !cancel(t.label);
    });
    this.#timers.set(id, kept);
  }
}
