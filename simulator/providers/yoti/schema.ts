import { z } from 'zod';
import type { SimContext } from '../provider.js';
import { amlScenarioSchema } from './aml/schema.js';
import { digitalIdAppSchema } from './digital-id/schema.js';
import { idvAppSchema } from './idv/schema.js';

/** The `yoti:` section of a scenario file. */
export const wantedAttributeSchema = z
  .object({
    name: z.string().min(1).describe('attribute name, e.g. given_names, date_of_birth, selfie'),
    derivation: z.string().optional().describe('e.g. age_over:18'),
    optional: z.boolean().default(false),
  })
  .strict();

export const policySchema = z
  .object({
    wanted: z.array(wantedAttributeSchema).default([]),
    wanted_auth_types: z.array(z.number().int()).default([]),
    wanted_remember_me: z.boolean().default(false),
  })
  .passthrough();

export const errorDetailsSchema = z
  .object({
    error_code: z.string().min(1).describe('e.g. FRAUD_DETECTED, MANDATORY_DOCUMENT_NOT_PROVIDED'),
    description: z.string().default(''),
    error_reason: z
      .object({ requirements_not_met_details: z.array(z.record(z.string(), z.unknown())).optional() })
      .passthrough()
      .optional(),
  })
  .passthrough();

export const shareOutcomeSchema = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('complete'),
        afterMs: z
          .number()
          .int()
          .nonnegative()
          .default(3_000)
          .describe('from the first websocket subscriber'),
        profile: z
          .record(z.string(), z.unknown())
          .default({})
          .describe(
            'attribute values by name (a value may be {value, anchors}); absent ones are generated from the seed; also remember_me_id, parent_remember_me_id',
          ),
        sharingOutcome: z
          .string()
          .default('SUCCESS')
          .describe('receipt sharing_outcome; anything but SUCCESS shares no attributes'),
        errorDetails: errorDetailsSchema
          .optional()
          .describe('top-level error_details of the receipt response'),
      })
      .strict(),
    z.object({ type: z.literal('fail'), afterMs: z.number().int().nonnegative().default(3_000) }).strict(),
    z
      .object({ type: z.literal('time-out') })
      .strict()
      .describe('nothing happens until the lifetime runs out'),
    z
      .object({ type: z.literal('manual') })
      .strict()
      .describe('waits for an admin action'),
    z
      .object({ type: z.literal('reject') })
      .strict()
      .describe('the websocket answers REJECTED'),
  ])
  .describe('what the simulated user does once the QR is scanned');

export const shareScenarioSchema = z
  .object({
    id: z.string().min(1).describe('the scenario id of the Yoti Hub application'),
    policy: policySchema.prefault({}),
    outcome: shareOutcomeSchema.prefault({ type: 'complete' }),
    lifetimeMs: z
      .number()
      .int()
      .positive()
      .default(300_000)
      .describe('from QR creation; TIMED_OUT when it runs out'),
  })
  .strict();

export const yotiAppSchema = z
  .object({
    sdkId: z.string().min(1),
    name: z.string().default('kyc-sim app'),
    applicationId: z.string().optional().describe('application_id in QR metadata; the sdkId when absent'),
    callbackEndpoint: z.string().default('http://127.0.0.1:3000/yoti/callback'),
    receiptBgColor: z.string().default('#2D9FFF'),
    scenarios: z.array(shareScenarioSchema).default([]),
    idv: idvAppSchema.prefault({}).describe('how IDV/IBV sessions of this app turn out'),
    digitalId: digitalIdAppSchema
      .prefault({})
      .describe('how Digital ID (share v2) sessions of this app turn out (POST /share/v2/sessions)'),
    publicKey: z
      .string()
      .min(1)
      .optional()
      .describe('the app public key: inline PEM, or a path relative to the scenario file'),
    generateKey: z
      .boolean()
      .default(false)
      .describe('kyc-sim generates the key pair on first start and keeps it in .kyc-sim/'),
    enabled: z.boolean().default(true).describe('a disabled app gets 403 DISABLED_APP on signed calls'),
    dynamicShare: z
      .object({
        outcome: shareOutcomeSchema.prefault({ type: 'complete' }),
        lifetimeMs: z.number().int().positive().default(300_000),
      })
      .strict()
      .prefault({})
      .describe('what happens to QR codes made with createShareUrl (POST /api/v1/qrcodes/apps/{appId})'),
  })
  .passthrough()
  .refine((app) => !(app.publicKey && app.generateKey), {
    message: 'give either publicKey or generateKey: true, not both',
    path: ['generateKey'],
  });

export const signingSchema = z
  .object({
    timestampWindowMs: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(
        'when set, how far a signed request timestamp may be from now, either way; unset (as at Yoti), any integer passes: the Java SDK signs System.nanoTime()/1000',
      ),
    nonceMemoryMs: z
      .number()
      .int()
      .positive()
      .default(86_400_000)
      .describe('how long a used nonce is refused again (NONCE_ALREADY_USED), on the simulator clock'),
    checkAuthKey: z
      .boolean()
      .default(true)
      .describe('the profile call must send X-Yoti-Auth-Key matching the registered key'),
  })
  .strict();

export const yotiScenarioSchema = z
  .object({
    qrBaseUrl: z.string().url().default('https://code.yoti.com/').describe('prefix of QR code URLs'),
    apps: z.array(yotiAppSchema).default([]),
    signing: signingSchema.prefault({}).describe('rules of the X-Yoti-Auth-Digest verifier'),
    aml: amlScenarioSchema.prefault({}).describe('who is on the AML lists (POST /api/v1/aml-check)'),
  })
  .passthrough()
  .superRefine((yoti, ctx) => {
    const seen = new Set<string>();
    yoti.apps.forEach((app, i) => {
      if (seen.has(app.sdkId))
        ctx.addIssue({ code: 'custom', path: ['apps', i, 'sdkId'], message: 'duplicate sdkId' });
      seen.add(app.sdkId);
      const ids = new Set<string>();
      app.scenarios.forEach((s, j) => {
        if (ids.has(s.id))
          ctx.addIssue({
            code: 'custom',
            path: ['apps', i, 'scenarios', j, 'id'],
            message: 'duplicate scenario id',
          });
        ids.add(s.id);
      });
    });
  });

export type YotiScenario = z.output<typeof yotiScenarioSchema>;
export type YotiApp = z.output<typeof yotiAppSchema>;
export type SigningRules = z.output<typeof signingSchema>;
export type ShareScenario = z.output<typeof shareScenarioSchema>;
export type ShareOutcome = z.output<typeof shareOutcomeSchema>;
export type SharePolicy = z.output<typeof policySchema>;

/** What this provider's code gets from the simulator: the engine and the yoti section. */
export type YotiContext = SimContext<YotiScenario>;
