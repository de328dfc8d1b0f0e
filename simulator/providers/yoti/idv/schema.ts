import { z } from 'zod';
import { builtOnFirstUse } from '../../../engine/lazy-schema.js';
import { identityProfileOutcomeSchema } from './identity-profile/outcome-schema.js';

/** The `idv:` key of a Yoti app in a scenario file: how its IDV/IBV sessions turn out. */

export const recommendationValues = ['APPROVE', 'REJECT', 'NOT_AVAILABLE'] as const;

export const breakdownSchema = builtOnFirstUse(() =>
  z
    .object({
      sub_check: z.string().min(1),
      result: z.string().min(1).describe('PASS, FAIL, ...'),
      process: z.string().optional().describe('AUTOMATED, EXPERT_REVIEW, ...'),
      details: z.array(z.object({ name: z.string(), value: z.string() }).strict()).default([]),
    })
    .strict(),
);

/** One check's report. Shape of Yoti's `report`, flattened a little for hand-written scenarios. */
export const checkOutcomeSchema = builtOnFirstUse(() =>
  z
    .object({
      recommendation: z.enum(recommendationValues).default('APPROVE'),
      reason: z.string().optional().describe('e.g. DOCUMENT_NOT_SUPPORTED, when not APPROVE'),
      recovery_suggestion: z.string().optional(),
      breakdown: z.array(breakdownSchema).default([]),
    })
    .strict(),
);

export const idvOutcomeSchema = z
  .object({
    type: z
      .enum(['complete', 'manual', 'expire'])
      .default('complete')
      .describe('complete after afterMs; manual waits for an admin action; expire lets the deadline pass'),
    afterMs: z.number().int().nonnegative().default(5_000).describe('from session creation'),
    checks: z
      .record(z.string(), checkOutcomeSchema)
      .default({})
      .describe(
        'by check type (IBV_VISUAL_REVIEW_CHECK, ID_DOCUMENT_AUTHENTICITY, ...) or "*" for all others',
      ),
    documentFields: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('text-extraction result; generated from the applicant profile and the seed when absent'),
    identityProfile: identityProfileOutcomeSchema
      .optional()
      .describe(
        'identity-profile sessions (identity_profile_requirements / advanced_identity_profile_requirements): the profile result; derived from the checks when absent',
      ),
  })
  .strict();

export const idvAppSchema = z
  .object({
    outcome: idvOutcomeSchema.prefault({}),
    sdkConfig: z
      .record(z.string(), z.unknown())
      .default({})
      .describe('defaults for the configuration sdk_config, overridden by the session request'),
    attemptsRemaining: z
      .record(z.string(), z.number().int().nonnegative())
      .default({ RECLASSIFICATION: 2, GENERIC: 2 }),
    notifications: z
      .object({
        maxAttempts: z.number().int().positive().default(5),
        backoffMs: z.number().int().positive().default(1_000),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type IdvAppConfig = z.output<typeof idvAppSchema>;
export type IdvOutcome = z.output<typeof idvOutcomeSchema>;
export type CheckOutcome = z.output<typeof checkOutcomeSchema>;
