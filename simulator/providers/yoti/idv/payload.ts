import { z } from 'zod';
import { builtOnFirstUse } from '../../../engine/lazy-schema.js';
import {
  advancedIdentityProfileRequirementsSchema,
  identityProfileRequirementsSchema,
  subjectSchema,
} from './identity-profile/requirements.js';
import {
  CHECK_TYPES,
  ID_DOCUMENT_TYPES,
  MANUAL_CHECK_VALUES,
  NOTIFICATION_TOPICS,
  OBJECTIVE_TYPES,
  SUPPLEMENTARY_DOCUMENT_TYPES,
  TASK_TYPES,
} from './vocabulary.js';

/**
 * The create-session payload as Yoti documents it. Every rule reports with the payload's own
 * property path, so one 400 names every problem at once (zod collects all issues).
 */

const oneOf = (values: readonly string[], what: string) =>
  z.string({ error: `must be a string, one of ${values.join(', ')}` }).refine((v) => values.includes(v), {
    error: (issue) => `unknown ${what} ${JSON.stringify(issue.input)}; expected one of ${values.join(', ')}`,
  });

const nonEmpty = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).min(1, { error: `must list at least one ${what}` });

function validCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The body of POST /sessions. Built when the first one comes (engine/lazy-schema.ts). */
export const createSessionSchema = builtOnFirstUse(createSessionObject);

function createSessionObject() {
  const countryCode = z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'must be an ISO 3166-1 alpha-3 country code, e.g. GBR' });
  const isoDate = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && validCalendarDate(v), {
    error: 'must be a date in the form yyyy-mm-dd, e.g. 1988-11-02',
  });

  /** Yoti accepts the ttl as a number or a numeric string (the doc's example sends "1209600"). */
  const seconds = z
    .union([z.number(), z.string().regex(/^\d+$/)], { error: 'must be a whole number of seconds' })
    .transform(Number)
    .pipe(
      z.number().int({ error: 'must be a whole number of seconds' }).positive({ error: 'must be positive' }),
    );

  const manualCheck = oneOf(MANUAL_CHECK_VALUES, 'manual_check');

  const requestedCheck = z
    .object({
      type: oneOf(CHECK_TYPES, 'check type'),
      config: z
        .object({ manual_check: manualCheck.optional(), scheme: z.string().min(1).optional() })
        .passthrough()
        .optional(),
    })
    .superRefine((check, ctx) => {
      if (check.type === 'DOCUMENT_SCHEME_VALIDITY_CHECK' && !check.config?.scheme) {
        ctx.addIssue({
          code: 'custom',
          path: ['config', 'scheme'],
          message: 'is required for DOCUMENT_SCHEME_VALIDITY_CHECK, e.g. UK_DBS',
        });
      }
    });

  const requestedTask = z.object({
    type: oneOf(TASK_TYPES, 'task type'),
    config: z.object({ manual_check: manualCheck.optional() }).passthrough().optional(),
  });

  const inclusion = oneOf(['WHITELIST', 'BLACKLIST'], 'inclusion');
  const documentRestriction = z
    .object({
      country_codes: z.array(countryCode).optional(),
      document_types: z.array(oneOf(ID_DOCUMENT_TYPES, 'document type')).optional(),
    })
    .refine((d) => (d.country_codes?.length ?? 0) + (d.document_types?.length ?? 0) > 0, {
      error: 'must restrict country_codes or document_types',
    });

  const documentFilter = z.discriminatedUnion(
    'type',
    [
      z.object({
        type: z.literal('DOCUMENT_RESTRICTIONS'),
        inclusion,
        documents: nonEmpty(documentRestriction, 'document restriction'),
        allow_expired_documents: z.boolean().optional(),
        allow_non_latin_documents: z.boolean().optional(),
      }),
      z.object({
        type: z.literal('ORTHOGONAL_RESTRICTIONS'),
        country_restriction: z
          .object({ inclusion, country_codes: nonEmpty(countryCode, 'country code') })
          .optional(),
        type_restriction: z
          .object({
            inclusion,
            document_types: nonEmpty(oneOf(ID_DOCUMENT_TYPES, 'document type'), 'document type'),
          })
          .optional(),
        allow_expired_documents: z.boolean().optional(),
        allow_non_latin_documents: z.boolean().optional(),
      }),
    ],
    { error: 'unknown filter type; expected DOCUMENT_RESTRICTIONS or ORTHOGONAL_RESTRICTIONS' },
  );

  const requiredDocument = z.discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('ID_DOCUMENT'), filter: documentFilter.optional() }),
      z.object({
        type: z.literal('SUPPLEMENTARY_DOCUMENT'),
        // Optional: Yoti's own doc-scan examples send only an objective (PROOF_OF_ADDRESS).
        document_types: z
          .array(oneOf(SUPPLEMENTARY_DOCUMENT_TYPES, 'supplementary document type'))
          .optional(),
        country_codes: z.array(countryCode).optional(),
        objective: z.object({ type: oneOf(OBJECTIVE_TYPES, 'objective type') }).passthrough(),
        filter: documentFilter.optional(),
      }),
    ],
    { error: 'unknown required document type; expected ID_DOCUMENT or SUPPLEMENTARY_DOCUMENT' },
  );

  const structuredPostalAddress = z
    .object({
      address_format: z.number().int().positive(),
      building_number: z.string().optional(),
      address_line1: z.string().min(1, { error: 'is required' }),
      address_line2: z.string().optional(),
      town_city: z.string().optional(),
      postal_code: z.string().optional(),
      country_iso: countryCode,
      country: z.string().optional(),
      formatted_address: z.string().optional(),
    })
    .passthrough();

  const applicantProfile = z
    .object({
      full_name: z.string().min(1).optional(),
      date_of_birth: isoDate.optional(),
      given_names: z.string().optional(),
      first_name: z.string().optional(),
      middle_name: z.string().optional(),
      family_name: z.string().optional(),
      structured_postal_address: structuredPostalAddress.optional(),
    })
    .strict();

  const notifications = z
    .object({
      endpoint: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
      topics: z.array(oneOf(NOTIFICATION_TOPICS, 'notification topic')).optional(),
      auth_token: z.string().optional(),
      auth_type: oneOf(['BASIC', 'BEARER'], 'auth_type').optional(),
    })
    .refine((n) => !n.auth_type || n.auth_token, {
      path: ['auth_token'],
      error: 'is required when auth_type is set',
    });

  return z
    .object({
      session_deadline: z
        .string()
        .refine((v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)), {
          error: 'must be an ISO 8601 date-time, e.g. 2024-09-03T23:59:59.000000+00:00',
        })
        .optional(),
      client_session_token_ttl: seconds.optional(),
      resources_ttl: seconds.optional(),
      user_tracking_id: z.string().max(255).optional(),
      ibv_options: z
        .object({ support: oneOf(['MANDATORY', 'NOT_ALLOWED'], 'ibv support') })
        .passthrough()
        .optional(),
      notifications: notifications.optional(),
      requested_checks: z.array(requestedCheck).default([]),
      requested_tasks: z.array(requestedTask).default([]),
      required_documents: z.array(requiredDocument).default([]),
      sdk_config: z.record(z.string(), z.unknown()).optional(),
      resources: z.object({ applicant_profile: applicantProfile.optional() }).passthrough().optional(),
      block_biometric_consent: z.boolean().optional(),
      identity_profile_requirements: identityProfileRequirementsSchema.optional(),
      advanced_identity_profile_requirements:
        advancedIdentityProfileRequirementsSchema(documentFilter).optional(),
      subject: subjectSchema.optional(),
      create_identity_profile_preview: z.boolean().optional(),
    })
    .passthrough();
}

export type CreateSessionPayload = z.output<typeof createSessionSchema>;
export type RequiredDocumentSpec = CreateSessionPayload['required_documents'][number];
export type RequestedCheckSpec = CreateSessionPayload['requested_checks'][number];
export type ApplicantProfile = NonNullable<
  NonNullable<CreateSessionPayload['resources']>['applicant_profile']
>;
