import type { KindRunner } from '../../engine/session-kinds.js';
import { recordEvent } from '../../engine/store.js';
import { flowKind, type ScheduledOutcome } from './flow-kind.js';
import type { SessionMetadata } from './metadata.js';
import {
  currentTechnology,
  FLOW_SESSION_KIND,
  type FlowSession,
  type FlowSessionData,
  type FlowState,
  failureReason,
  hasEnded,
  pendingChoice,
  type Verdict,
} from './progress.js';
import type { BiometricContext, Flow, TechnologyCode } from './schema.js';
import { fakeSubject } from './subject.js';
import { TechnologyNotifier } from './webhook-events.js';

type Change = (s: FlowSession) => FlowSession | undefined;

/** Flow sessions in the shared store; every change is one atomic update plus its webhooks. */
export class FlowSessions {
  /** The flow session kind on the engine: each session's 'lifetime' timer and timed 'outcome'. */
  readonly kind: KindRunner<FlowSessionData, ScheduledOutcome>;

  #notifier: TechnologyNotifier;

  constructor(readonly ctx: BiometricContext) {
    this.kind = ctx.defineKind(flowKind(this));
    this.#notifier = new TechnologyNotifier(ctx);
  }

  async create(flow: Flow, rawMetadata: Record<string, unknown>, metadata: SessionMetadata) {
    const { ctx } = this;
    const now = ctx.clock.now();
    const id = ctx.random().uuid();
    const { edocument } = metadata;
    const session: FlowSession = {
      id,
      provider: 'biometric',
      kind: FLOW_SESSION_KIND,
      state: 'CREATED' satisfies FlowState,
      createdAt: now,
      updatedAt: now,
      data: {
        apiKey: flow.apiKey,
        flowName: flow.name,
        technologies: [...flow.technologies],
        rawMetadata,
        metadata,
        outcomes: flow.outcomes,
        otpCode: flow.otpCode,
        camera: flow.camera,
        subResultDelayMs: flow.subResultDelayMs,
        clientIps: [],
        webhook: flow.webhook,
        expiresAt: now + flow.sessionLifetimeMs,
        subject: fakeSubject(await ctx.faker()),
        progress: {},
        edocument: edocument.skipInput
          ? { stage: 'otp', iin: edocument.iin.value, phone: edocument.phone.value }
          : { stage: 'input' },
        failureReasons: [],
      },
      timeline: [{ at: now, event: 'created', detail: { flow: flow.name, technologies: flow.technologies } }],
    };
    await ctx.store.put(session);
    await this.kind.at(id, 'lifetime', now + flow.sessionLifetimeMs);
    return session;
  }

  get(id: string): Promise<FlowSession | undefined> {
    return this.ctx.store.get<FlowSessionData>(id);
  }

  /** The flow page was opened (from `ip`): the session is in progress and its current technology starts. */
  async open(id: string, ip?: string): Promise<FlowSession | undefined> {
    await this.#change(id, (s) => {
      const next = s.state === 'CREATED' ? this.#log(s, 'opened', { ip }, 'IN_PROGRESS') : s;
      if (!ip || next.data.clientIps.some((known) => known.ip === ip)) return next;
      const clientIps = [...next.data.clientIps, { ip, at: this.ctx.clock.now() }];
      return { ...next, data: { ...next.data, clientIps } };
    });
    return this.startCurrent(id);
  }

  /** Starts the current technology (technology.start) unless started or waiting for a choice. */
  async startCurrent(id: string): Promise<FlowSession | undefined> {
    let started: TechnologyCode | undefined;
    const session = await this.#change(id, (s) => {
      const code = currentTechnology(s.data);
      if (hasEnded(s) || !code || s.data.progress[code] || pendingChoice(s.data)) return s;
      started = code;
      const at = this.ctx.clock.now();
      const next = this.#log(s, 'technology.start', { technology: code }, 'IN_PROGRESS');
      return {
        ...next,
        data: {
          ...next.data,
          progress: { ...next.data.progress, [code]: { status: 'started', startedAt: at } },
        },
      };
    });
    if (session && started) {
      this.#notifier.notify(session, 'technology.start', started, true);
      const planned = session.data.outcomes[started];
      if (planned?.afterMs !== undefined)
        await this.kind.outcome(id, this.ctx.clock.now(), { ...planned, technology: started });
    }
    return session;
  }

  /** The user picked one of the interchangeable technologies; the others are skipped. */
  async choose(id: string, chosen: TechnologyCode): Promise<boolean> {
    let changed = false;
    await this.#change(id, (s) => {
      const choices = pendingChoice(s.data);
      if (hasEnded(s) || !choices?.includes(chosen)) return s;
      changed = true;
      const progress = { ...s.data.progress };
      for (const code of choices) if (code !== chosen) progress[code] = { status: 'skipped' };
      const next = this.#log(s, 'chosen', {
        technology: chosen,
        skipped: choices.filter((c) => c !== chosen),
      });
      return { ...next, data: { ...next.data, progress } };
    });
    if (changed) await this.startCurrent(id);
    return changed;
  }

  /** E-Document data entry done: the OTP step comes next. */
  async enterEdocumentData(id: string, iin: string, phone: string): Promise<void> {
    await this.#change(id, (s) =>
      hasEnded(s) || currentTechnology(s.data) !== 'ED'
        ? s
        : {
            ...this.#log(s, 'edocument.input', { iin, phone }),
            data: { ...s.data, edocument: { stage: 'otp', iin, phone } },
          },
    );
  }

  /** Ends technology `code` if it is the current one; returns false when it was not. */
  async complete(id: string, code: TechnologyCode, verdict: Verdict): Promise<boolean> {
    await this.startCurrent(id);
    let changed = false;
    const session = await this.#change(id, (s) => {
      if (hasEnded(s) || currentTechnology(s.data) !== code || pendingChoice(s.data)) return s;
      changed = true;
      const at = this.ctx.clock.now();
      const passed = verdict.result === 'pass';
      const failure = passed
        ? undefined
        : failureReason(verdict.reason ?? 'CALC_RESULT', code, verdict.message);
      const progress = {
        ...s.data.progress,
        [code]: {
          ...s.data.progress[code],
          status: passed ? 'passed' : 'failed',
          endedAt: at,
          failure,
          decidedBy: verdict.decidedBy,
        },
      } as FlowSessionData['progress'];
      let next: FlowSession = { ...s, data: { ...s.data, progress } };
      next = this.#log(next, 'technology.end', {
        technology: code,
        success: passed,
        by: verdict.decidedBy,
        failure,
        ...(verdict.note ? { note: verdict.note } : {}),
      });
      const finished = !passed || !currentTechnology(next.data);
      if (!finished) return next;
      next = this.#log(next, 'finished', { passed }, 'FINISHED');
      return {
        ...next,
        data: { ...next.data, finishedAt: at, passed, failureReasons: failure ? [failure] : [] },
      };
    });
    if (!changed || !session) return false;
    const progress = session.data.progress[code];
    this.#notifier.notify(session, 'technology.end', code, progress?.status === 'passed');
    // Whoever ended the technology, its timed outcome (if any) has nothing left to do.
    await this.kind.cancel(id, ...(hasEnded(session) ? [] : ['outcome']));
    return true;
  }

  /** The lifetime ran out: the session ends unfinished with a TIMEOUT failure. */
  async expire(id: string): Promise<boolean> {
    let interrupted: TechnologyCode | undefined;
    let changed = false;
    const session = await this.#change(id, (s) => {
      if (hasEnded(s)) return undefined;
      changed = true;
      const at = this.ctx.clock.now();
      const code = currentTechnology(s.data);
      const failure = failureReason('TIMEOUT', code ?? null);
      const progress = { ...s.data.progress };
      if (code && progress[code]) {
        interrupted = code;
        progress[code] = { ...progress[code], status: 'failed', endedAt: at, failure, decidedBy: 'clock' };
      }
      const next = this.#log(s, 'expired', { technology: code ?? null }, 'EXPIRED');
      return {
        ...next,
        data: { ...next.data, progress, finishedAt: at, passed: false, failureReasons: [failure] },
      };
    });
    await this.kind.cancel(id);
    if (!changed || !session) return false;
    if (interrupted) this.#notifier.notify(session, 'technology.end', interrupted, false);
    return true;
  }

  /** After a scenario load or reset: webhook queues belong to the old sessions. */
  clearQueues(): void {
    this.#notifier.clear();
  }

  async #change(id: string, change: Change): Promise<FlowSession | undefined> {
    const updated = await this.ctx.store.update<FlowSessionData>(id, change);
    return updated ?? this.get(id);
  }

  #log(s: FlowSession, event: string, detail: Record<string, unknown>, state?: FlowState): FlowSession {
    return recordEvent(s, this.ctx.clock.now(), event, detail, state);
  }
}
