import { z } from 'zod';
import { builtOnFirstUse } from '../../engine/lazy-schema.js';
import type { SimContext } from '../provider.js';

/** Technology codes of Biometric.kz flows, in the provider's own spelling. */
export const TECHNOLOGY_CODES = ['LD', 'LDHP', 'F2F', 'ED', 'DR'] as const;
export const technologyCodeSchema = z.enum(TECHNOLOGY_CODES);
export type TechnologyCode = z.output<typeof technologyCodeSchema>;

export const FAILURE_TYPES = [
  'SERVICE_ERROR',
  'REQUEST_ERROR',
  'CLIENT',
  'CALC_RESULT',
  'OTHER',
  'NO_CAM',
  'TIMEOUT',
] as const;
export const failureTypeSchema = z.enum(FAILURE_TYPES);
export type FailureType = z.output<typeof failureTypeSchema>;

/**
 * What happens to one technology. Built, with the flows that hold it, when a scenario first lists
 * a flow (engine/lazy-schema.ts).
 */
export const technologyOutcomeSchema = builtOnFirstUse(technologyOutcomeUnion);

function technologyOutcomeUnion() {
  const failureFields = {
    reason: failureTypeSchema.default('CALC_RESULT').describe('failure reason type'),
    message: z
      .string()
      .optional()
      .describe(
        "the failure reason's detail; the guide's default for the type when absent (null for NO_CAM, TIMEOUT…)",
      ),
  };

  const afterMs = z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe(
      'on the simulator clock: the technology ends this long after it starts, without the user; absent: when the user completes it on the flow page',
    );

  /** Tagged like every provider's outcome steps: `type` names the flow kind's step (flow-kind.ts). */
  const taggedOutcomeSchema = z.discriminatedUnion('type', [
    z.object({ type: z.literal('pass'), afterMs }).strict(),
    z.object({ type: z.literal('fail'), ...failureFields, afterMs }).strict(),
  ]);

  /** The first spelling, still read: `{result: pass | fail, reason?, message?}`, `{}` a pass. */
  const resultOutcomeSchema = z
    .object({ result: z.enum(['pass', 'fail']).default('pass'), ...failureFields })
    .strict()
    .transform(
      ({ result, reason, message }): z.output<typeof taggedOutcomeSchema> =>
        result === 'pass' ? { type: 'pass' } : { type: 'fail', reason, message },
    );

  return z
    .union([taggedOutcomeSchema, resultOutcomeSchema])
    .describe(
      'what happens to this technology, unless the tester chooses otherwise: {type: pass} or {type: fail, reason, message}; with afterMs it ends by itself',
    );
}

/** One flow of the section. Built when a scenario first lists one (engine/lazy-schema.ts). */
export const flowSchema = builtOnFirstUse(flowObject);

function flowObject() {
  const webhookReceiverSchema = z
    .object({
      url: z.string().url().describe('receives technology.start and technology.end'),
      headers: z.record(z.string(), z.string()).default({}),
      maxAttempts: z.number().int().positive().default(5).describe('attempts in all, the first included'),
      backoffMs: z.number().int().positive().default(1_000).describe('delay before the first retry; doubles'),
    })
    .strict();

  return z
    .object({
      apiKey: z.string().min(1).describe('the API KEY of the flow, as in the personal cabinet'),
      name: z.string().default('kyc-sim flow'),
      technologies: z.array(technologyCodeSchema).min(1).describe('ordered, e.g. [LD, F2F]'),
      outcomes: z
        .partialRecord(technologyCodeSchema, technologyOutcomeSchema)
        .default({})
        .describe('per technology; pass when absent'),
      active: z.boolean().default(true).describe('an inactive flow refuses new sessions with 403'),
      webhook: webhookReceiverSchema.optional(),
      sessionLifetimeMs: z
        .number()
        .int()
        .positive()
        .default(1_800_000)
        .describe('from creation; an unfinished session then ends with a TIMEOUT failure'),
      camera: z
        .enum(['ask', 'skip'])
        .default('ask')
        .describe(
          'ask: camera steps call getUserMedia as the real pages do, and a refusal or no camera ends the flow with NO_CAM; skip: they never ask (browsers without a camera or fake media devices)',
        ),
      subResultDelayMs: z
        .number()
        .int()
        .nonnegative()
        .default(3_000)
        .describe(
          'on the simulator clock: the per-technology results (liveness_result, …) read {} until this long after the flow ended, as the real service fills them in shortly after',
        ),
      otpCode: z
        .string()
        .regex(/^\d{4,8}$/)
        .default('123456')
        .describe('the code "sent from 1414" that the E-Document step accepts'),
    })
    .strict();
}

export const biometricScenarioSchema = z
  .object({ flows: z.array(flowSchema).default([]) })
  .strict()
  .superRefine((section, ctx) => {
    const keys = new Set<string>();
    section.flows.forEach((flow, i) => {
      if (keys.has(flow.apiKey))
        ctx.addIssue({ code: 'custom', path: ['flows', i, 'apiKey'], message: 'duplicate apiKey' });
      keys.add(flow.apiKey);
      if (new Set(flow.technologies).size !== flow.technologies.length)
        ctx.addIssue({
          code: 'custom',
          path: ['flows', i, 'technologies'],
          message: 'a technology appears twice',
        });
      for (const code of Object.keys(flow.outcomes)) {
        if (!flow.technologies.includes(code as TechnologyCode))
          ctx.addIssue({
            code: 'custom',
            path: ['flows', i, 'outcomes', code],
            message: `outcome for ${code}, which is not among the flow's technologies (${flow.technologies.join(', ')})`,
          });
      }
    });
  });

export type BiometricScenario = z.output<typeof biometricScenarioSchema>;
export type Flow = z.output<typeof flowSchema>;
export type TechnologyOutcome = z.output<typeof technologyOutcomeSchema>;

/** What this provider's code gets from the simulator: the engine and the biometric section. */
export type BiometricContext = SimContext<BiometricScenario>;
