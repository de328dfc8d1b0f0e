import { z } from 'zod';
import { builtOnFirstUse } from '../../engine/lazy-schema.js';
import { type KindAction, type SessionKindDefinition, SimError } from '../provider.js';
import type { FlowRuns } from './flow-run.js';
import type { HandshakeData, Handshakes } from './handshakes.js';
import { decisionOf, type StageDecision } from './outcomes.js';
import type { StageOutcome } from './schema.js';

/** A stage's scenario outcome, scheduled when the stage starts: the step plus the stage it decides. */
export type StageStep = StageOutcome & { stage: string };

const errorParams = () =>
  z
    .object({
      code: z.number().int().default(5001),
      httpStatusCode: z.number().int().min(400).max(599).optional(),
      original: z
        .object({
          code: z.number().int(),
          httpStatusCode: z.number().int().optional(),
          message: z.string().optional(),
        })
        .optional(),
    })
    .strict();

const after = (step: { afterMs: number; stage: string }) =>
  `${step.afterMs / 1000} s after stage ${step.stage} starts`;

/**
 * One FlowX handshake (device session): CREATED → RUNNING (flowx.js launched it) → COMPLETED |
 * ERRORED | SKIPPED; EXPIRED when `expiry` passes before it ends. A retry (flowx.js `launch` with
 * retry: true) moves ERRORED or SKIPPED back to RUNNING. Each stage's scenario outcome is a step.
 */
export function handshakeKind(
  handshakes: Handshakes,
  runs: FlowRuns,
): SessionKindDefinition<HandshakeData, StageStep> {
  const decideByScenario = (id: string, step: StageStep) =>
    step.type === 'manual'
      ? Promise.resolve()
      : runs.decide(id, step.stage, decisionOf(step), 'scenario').catch(() => undefined);

  /** Decides the running stage; a handshake nobody launched yet is launched first (in English). */
  const stageAction = <P extends z.ZodType>(
    description: string,
    params: () => P,
    decision: (p: z.output<P>) => StageDecision,
  ): KindAction<HandshakeData, z.ZodLazy<P>> => ({
    description,
    params: builtOnFirstUse(params),
    async run(hs, input) {
      try {
        if (hs.state === 'CREATED') {
          await runs.launch(hs.id, { clientKey: hs.data.clientKey, lc: 'en', qr: {}, retry: false });
        }
        await runs.decide(hs.id, undefined, decision(input), 'admin action');
      } catch (error) {
        // A refusal is Attestr's (4001 and friends) on the device API; to the admin it is a conflict.
        if (error instanceof SimError) throw new SimError(409, String(error.details ?? error.message));
        throw error;
      }
    },
  });

  return {
    kind: 'flowx-handshake',
    states: ['CREATED', 'RUNNING', 'COMPLETED', 'ERRORED', 'SKIPPED', 'EXPIRED'],
    initial: 'CREATED',
    ended: { COMPLETED: 'success', ERRORED: 'failure', SKIPPED: 'failure', EXPIRED: 'failure' },
    outcomes: {
      success: {
        explain: (s) => `stage ${s.stage} succeeds ${after(s)}`,
        run: (hs, s) => decideByScenario(hs.id, s),
      },
      error: {
        explain: (s) => `stage ${s.stage} fails with code ${s.code} ${after(s)}: ERRORED`,
        run: (hs, s) => decideByScenario(hs.id, s),
      },
      skip: {
        explain: (s) => `the user interrupts the flow at stage ${s.stage} ${after(s)}: SKIPPED`,
        run: (hs, s) => decideByScenario(hs.id, s),
      },
      manual: { explain: (s) => `stage ${s.stage} waits for the tester’s click or an admin action` },
    },
    steps: {
      expiry: {
        explain: () => 'the handshake’s expiry passes: EXPIRED',
        run: (hs) => handshakes.expire(hs.id),
      },
      archive: {
        explain: () => 'the client’s archiveAfterMs elapses: archived, result and signature turn null',
        run: (hs) => handshakes.archive(hs.id, 'archiveAfterMs elapsed'),
      },
    },
    actions: {
      'succeed-stage': stageAction(
        'The running stage succeeds',
        () => z.object({}).strict(),
        () => ({
          type: 'success',
        }),
      ),
      'fail-stage': stageAction(
        'The running stage fails with a code (default 5001), optionally with an original cause',
        errorParams,
        (p) => ({ type: 'error', ...p }),
      ),
      'skip-stage': stageAction(
        'The user interrupts the flow at the running stage',
        () => z.object({}).strict(),
        () => ({
          type: 'skip',
        }),
      ),
      archive: {
        description: 'Archive the handshake: result and signature turn null',
        params: builtOnFirstUse(() => z.object({}).strict()),
        onEnded: true,
        run: (hs) => handshakes.archive(hs.id, 'admin action'),
      },
    },
  };
}
