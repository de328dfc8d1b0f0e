import type { KindRunner } from '../../../engine/session-kinds.js';
import type { YotiApp, YotiContext } from '../schema.js';
import { buildSession } from './build-session.js';
import { completeData } from './complete.js';
import type { IdentityProfileOutcome } from './identity-profile/outcome-schema.js';
import { idvKind } from './idv-kind.js';
import { type IdvData, type IdvSession, type IdvState, idvEnded } from './model.js';
import { type NotificationExtra, notify } from './notifications.js';
import {
  type OutcomePlan,
  planFromResponseConfig,
  planFromScenario,
  type ResponseConfig,
} from './outcome.js';
import { type CheckOutcome, type IdvAppConfig, type IdvOutcome, idvAppSchema } from './schema.js';
import type { ValidSession } from './validate.js';
import type { NotificationTopic } from './vocabulary.js';

/** IDV/IBV sessions of one simulator; their kind (states, steps, actions) is ./idv-kind.ts. */
export class IdvSessions {
  /** The kind on the engine: each session's 'deadline', 'resources ttl' and 'outcome' timers. */
  readonly kind: KindRunner<IdvData, IdvOutcome>;
  /** Sandbox response-config set per app (PUT /sandbox/idverify/v1/apps/{sdkId}/response-config). */
  #appResponseConfigs = new Map<string, ResponseConfig>();

  constructor(readonly ctx: YotiContext) {
    this.kind = ctx.defineKind(idvKind(this));
  }

  configOf(sdkId: string): IdvAppConfig {
    const app = this.ctx.section().apps.find((a) => a.sdkId === sdkId) as YotiApp | undefined;
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
    await this.kind.at(id, 'deadline', Math.max(now, valid.deadline));
    await this.kind.at(id, 'resources ttl', now + valid.resourcesTtlS * 1000);
    await this.kind.outcome(id, now, this.configOf(sdkId).outcome);
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
    await this.kind.cancel(id);
    const existed = await this.ctx.store.delete(id);
    if (existed) this.ctx.log.debug({ id, reason }, 'idv session deleted');
    return existed;
  }

  async update(id: string, change: (s: IdvSession) => IdvSession): Promise<IdvSession | undefined> {
    return this.ctx.store.update<IdvData>(id, change);
  }

  /** Every check reports, every requirement is met; SESSION_COMPLETION and friends go out. */
  async complete(
    id: string,
    reason: string,
    override?: Record<string, CheckOutcome>,
    identityProfile?: IdentityProfileOutcome,
  ): Promise<boolean> {
    const before = await this.get(id);
    if (!before || idvEnded(before)) return false;
    const plan = this.#plan(before, override, identityProfile);
    const faker = await this.ctx.faker();
    const now = this.ctx.clock.now();
    let changed = false;
    const after = await this.update(id, (s) => {
      if (idvEnded(s)) return s;
      changed = true;
      const data = completeData(s.data, plan, this.ctx.random(), faker, now);
      return this.#transition({ ...s, data }, 'COMPLETED', reason);
    });
    if (!changed || !after) return false;
    await this.kind.cancelAllExcept(id, 'resources ttl');
    this.#completionNotifications(after);
    return true;
  }

  async expire(id: string, reason: string): Promise<boolean> {
    let changed = false;
    await this.update(id, (s) => {
      if (idvEnded(s)) return s;
      changed = true;
      return this.#transition(s, 'EXPIRED', reason);
    });
    if (changed) await this.kind.cancelAllExcept(id, 'resources ttl');
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

  async setSessionResponseConfig(id: string, config: ResponseConfig): Promise<IdvSession | undefined> {
    const plan = planFromResponseConfig(config);
    if (plan.delayMs !== undefined) {
      // async_report_delay: the reports arrive that long after the outcome is configured,
      // replacing any scripted outcome still pending (the same 'outcome' slot).
      await this.kind.at(id, 'sandbox reports', this.ctx.clock.now() + plan.delayMs, undefined, 'outcome');
    }
    return this.update(id, (s) => ({ ...s, data: { ...s.data, responseConfig: config } }));
  }

  setAppResponseConfig(sdkId: string, config: ResponseConfig): void {
    this.#appResponseConfigs.set(sdkId, config);
  }

  /** After a scenario load or reset: per-app sandbox configs belong to the old one. */
  clearAppResponseConfigs(): void {
    this.#appResponseConfigs.clear();
  }

  #plan(
    session: IdvSession,
    override?: Record<string, CheckOutcome>,
    identityProfile?: IdentityProfileOutcome,
  ): OutcomePlan {
    const sandbox = (session.data.responseConfig ?? this.#appResponseConfigs.get(session.data.sdkId)) as
      | ResponseConfig
      | undefined;
    if (sandbox && !override && !identityProfile) return planFromResponseConfig(sandbox);
    const { outcome } = this.configOf(session.data.sdkId);
    return planFromScenario(outcome, override, identityProfile ?? outcome.identityProfile);
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
    return this.kind.transition(s, this.ctx.clock.now(), state, { reason });
  }
}
