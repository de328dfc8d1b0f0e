import { z } from 'zod';

/** The `digitalId:` key of a Yoti app in a scenario file: how its Digital ID (share v2) sessions turn out. */

const afterMs = z
  .number()
  .int()
  .nonnegative()
  .default(3_000)
  .describe('from the moment the Yoti app scans the QR code');

/** One scheme's verdict in an identity profile report, by scheme type (RTW, DBS, IDENTITY, ...). */
export const identityProfileSchema = z
  .object({
    requirementsMet: z.boolean().default(true).describe('schemes_compliance[].requirements_met'),
    requirementsNotMetInfo: z
      .string()
      .default('')
      .describe('schemes_compliance[].requirements_not_met_info when not met'),
  })
  .strict();

export const failureReasonSchema = z
  .object({
    requirements_not_met_details: z.array(z.record(z.string(), z.unknown())).optional(),
  })
  .passthrough();

export const digitalIdOutcomeSchema = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('share'),
        afterMs,
        profile: z
          .record(z.string(), z.unknown())
          .default({})
          .describe(
            'attribute values by name (a value may be {value, anchors}); absent ones are generated from the seed; also remember_me_id, parent_remember_me_id',
          ),
        identityProfile: identityProfileSchema
          .prefault({})
          .describe('the identity profile report of identity-profile policies'),
      })
      .strict()
      .describe('the user shares: COMPLETED with a receipt'),
    z
      .object({
        type: z.literal('fail'),
        afterMs,
        error: z
          .string()
          .min(1)
          .default('MANDATORY_DOCUMENT_NOT_PROVIDED')
          .describe('the receipt error, e.g. MANDATORY_DOCUMENT_NOT_PROVIDED, FRAUD_DETECTED'),
        errorReason: failureReasonSchema.optional().describe('the receipt errorReason'),
      })
      .strict()
      .describe('the share fails: FAILED with a failure receipt (error and error reason)'),
    z
      .object({ type: z.literal('decline'), afterMs })
      .strict()
      .describe('the user declines in the Yoti app: CANCELLED, no receipt'),
    z
      .object({ type: z.literal('expire') })
      .strict()
      .describe('nothing happens until the session expires: EXPIRED'),
    z
      .object({ type: z.literal('manual') })
      .strict()
      .describe('waits for an admin action'),
  ])
  .describe('what the simulated user does once the QR code is scanned');

export const digitalIdAppSchema = z
  .object({
    outcome: digitalIdOutcomeSchema.prefault({ type: 'share' }),
    lifetimeMs: z
      .number()
      .int()
      .positive()
      .default(600_000)
      .describe('from session creation; EXPIRED when it runs out without an outcome'),
    notifications: z
      .object({
        maxAttempts: z.number().int().positive().default(5),
        backoffMs: z.number().int().positive().default(1_000),
      })
      .strict()
      .prefault({})
      .describe('retries of share session notifications, on the simulator clock'),
  })
  .strict();

export type DigitalIdAppConfig = z.output<typeof digitalIdAppSchema>;
export type DigitalIdOutcome = z.output<typeof digitalIdOutcomeSchema>;
export type IdentityProfileOutcome = z.output<typeof identityProfileSchema>;
