import { z } from 'zod';
import { builtOnFirstUse } from '../../engine/lazy-schema.js';
import { type KindAction, type SessionKindDefinition, SimError } from '../provider.js';
import {
  currentTechnology,
  FLOW_SESSION_KIND,
  type FlowSessionData,
  flowStates,
  pendingChoice,
  verdictOf,
} from './progress.js';
import {
  failureTypeSchema,
  type TechnologyCode,
  type TechnologyOutcome,
  technologyCodeSchema,
} from './schema.js';
import type { FlowSessions } from './sessions.js';

const technologyParam = technologyCodeSchema
  .optional()
  .describe('the current technology; checked when given');

/** A technology's scenario outcome as the engine schedules it: which technology it ends. */
export type ScheduledOutcome = TechnologyOutcome & { technology: TechnologyCode };

const when = (o: ScheduledOutcome) =>
  o.afterMs === undefined ? 'when the user completes it' : `${o.afterMs / 1000} s after it starts`;

/**
 * The Biometric.kz flow session kind. Technologies end by the tester's page, the scenario's
 * per-technology outcome (applied when the page submits, or by itself `afterMs` after the
 * technology starts) or the actions below; the engine runs the lifetime and the timed outcomes,
 * and refuses actions once the session has ended.
 */
export function flowKind(sessions: FlowSessions): SessionKindDefinition<FlowSessionData, ScheduledOutcome> {
  /** A timed outcome: the simulated user completes the technology and goes on to the next. */
  const decide = async (id: string, o: ScheduledOutcome) => {
    if (await sessions.complete(id, o.technology, verdictOf(o, 'scenario'))) await sessions.startCurrent(id);
  };
  /** An action on the current technology; refuses a pending choice and a stale `technology`. */
  const onCurrent = <P extends z.ZodObject<{ technology: typeof technologyParam }>>(
    description: string,
    params: () => P,
    run: (id: string, code: TechnologyCode, params: z.output<P>) => Promise<boolean>,
  ): KindAction<FlowSessionData, z.ZodLazy<P>> => ({
    description,
    params: builtOnFirstUse(params),
    async run(session, input) {
      const choices = pendingChoice(session.data);
      if (choices) throw new SimError(409, `choose one of ${choices.join(', ')} first (action "choose")`);
      const code = currentTechnology(session.data);
      if (!code || (input.technology && input.technology !== code))
        throw new SimError(409, `the current technology is ${code ?? 'none'}, not ${input.technology}`);
      await run(session.id, code, input);
    },
  });

  return {
    kind: FLOW_SESSION_KIND,
    ...flowStates,
    outcomes: {
      pass: { explain: (o) => `${o.technology} passes ${when(o)}`, run: (s, o) => decide(s.id, o) },
      fail: {
        explain: (o) => `${o.technology} fails (${o.reason}) ${when(o)}; the flow ends`,
        run: (s, o) => decide(s.id, o),
      },
    },
    steps: {
      lifetime: {
        explain: () => 'the session lifetime runs out: EXPIRED with a TIMEOUT failure',
        run: (s) => sessions.expire(s.id),
      },
    },
    actions: {
      pass: onCurrent(
        'The current technology passes',
        () => z.object({ technology: technologyParam }).strict(),
        (id, code) => sessions.complete(id, code, { result: 'pass', decidedBy: 'admin' }),
      ),
      fail: onCurrent(
        'The current technology fails with a reason type; the flow ends',
        () =>
          z
            .object({
              technology: technologyParam,
              reason: failureTypeSchema.default('CALC_RESULT'),
              message: z
                .string()
                .optional()
                .describe("the failure reason's detail; the guide's default when absent"),
            })
            .strict(),
        (id, code, p) =>
          sessions.complete(id, code, {
            result: 'fail',
            reason: p.reason,
            message: p.message,
            decidedBy: 'admin',
          }),
      ),
      choose: {
        description: 'Picks one of the interchangeable technologies; the others are skipped',
        params: builtOnFirstUse(() => z.object({ technology: technologyCodeSchema }).strict()),
        async run(session, p: { technology: TechnologyCode }) {
          if (!(await sessions.choose(session.id, p.technology)))
            throw new SimError(
              409,
              `no choice including ${p.technology} is pending in session ${session.id}`,
            );
        },
      },
      expire: {
        description: 'The session lifetime runs out now: TIMEOUT',
        params: builtOnFirstUse(() => z.object({}).strict()),
        async run(session) {
          if (!(await sessions.expire(session.id)))
            throw new SimError(409, `session ${session.id} has ended (${session.state})`);
        },
      },
    },
  };
}
