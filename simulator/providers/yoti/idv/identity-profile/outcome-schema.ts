import { z } from 'zod';
import { builtOnFirstUse } from '../../../../engine/lazy-schema.js';

/**
 * How an identity-profile session turns out (scenario `idv.outcome.identityProfile`, or the
 * `identityProfile` of the admin action `complete`). Absent: derived from the checks' reports.
 * Built when a scenario or an action first gives one (engine/lazy-schema.ts).
 */

export const requirementNotMetDetailSchema = builtOnFirstUse(() =>
  z
    .object({
      failure_type: z.string().min(1).describe('e.g. ID_DOCUMENT_AUTHENTICITY, LIVENESS'),
      document_type: z.string().optional().describe('e.g. PASSPORT'),
      document_country_iso_code: z.string().optional().describe('e.g. GBR'),
      audit_id: z.string().optional(),
      details: z.string().optional().describe('e.g. INCORRECT_DOCUMENT_TYPE'),
    })
    .strict(),
);

export const schemeOutcomeSchema = builtOnFirstUse(() =>
  z
    .object({
      requirementsMet: z.boolean().default(true),
      requirementsNotMetInfo: z.string().optional().describe('shown to the relying party when not met'),
    })
    .strict(),
);

export const identityProfileOutcomeSchema = builtOnFirstUse(() =>
  z
    .object({
      result: z
        .enum(['DONE', 'ABORTED'])
        .default('DONE')
        .describe('DONE: a profile (and report) is returned; ABORTED: a dead end, only the failure reason'),
      reasonCode: z
        .string()
        .min(1)
        .optional()
        .describe(
          'failure_reason.reason_code, e.g. MANDATORY_DOCUMENT_NOT_PROVIDED, FRAUD_DETECTED, MISSING_LIVENESS; default MANDATORY_DOCUMENT_NOT_PROVIDED when ABORTED or a scheme is not met',
        ),
      requirementsNotMetDetails: z.array(requirementNotMetDetailSchema).default([]),
      schemes: z
        .record(z.string(), schemeOutcomeSchema)
        .default({})
        .describe('compliance by scheme label, scheme type or "*"; default requirements met'),
    })
    .strict(),
);

export type IdentityProfileOutcome = z.output<typeof identityProfileOutcomeSchema>;
export type RequirementNotMetDetail = z.output<typeof requirementNotMetDetailSchema>;
