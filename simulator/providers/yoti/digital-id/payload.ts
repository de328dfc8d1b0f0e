import { z } from 'zod';
import { builtOnFirstUse } from '../../../engine/lazy-schema.js';

/** Java sends unset fields as null, Go and Python as ""; all mean absent. */
const absent = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v === null || v === '' ? undefined : v), schema.optional());

/**
 * The body of POST /v2/sessions: the SDK's ShareSessionConfiguration.toJSON(). Built when the
 * first one comes (engine/lazy-schema.ts).
 */
export const shareSessionRequestSchema = builtOnFirstUse(shareSessionRequestObject);

function shareSessionRequestObject() {
  const wantedSchema = z
    .object({
      name: z.string().min(1),
      derivation: absent(z.string()),
      optional: absent(z.boolean()),
      accept_self_asserted: absent(z.boolean()),
      constraints: absent(z.unknown()),
      alternative_names: absent(z.array(z.string())),
    })
    .passthrough();

  const policySchema = z
    .object({
      wanted: z.array(wantedSchema).default([]),
      wanted_auth_types: absent(z.array(z.number().int())),
      wanted_remember_me: absent(z.boolean()),
      wanted_remember_me_optional: absent(z.boolean()),
      identity_profile_requirements: absent(z.record(z.string(), z.unknown())),
      advanced_identity_profile_requirements: absent(
        z
          .object({
            profiles: z.array(
              z
                .object({
                  trust_framework: z.string().min(1),
                  schemes: z.array(z.object({ type: z.string().min(1) }).passthrough()).min(1),
                })
                .passthrough(),
            ),
          })
          .passthrough(),
      ),
    })
    .passthrough();

  const notificationSchema = z
    .object({
      url: z.string().url(),
      method: absent(z.enum(['POST', 'PUT', 'PATCH', 'GET', 'DELETE'])),
      headers: absent(z.record(z.string(), z.string())),
      verifyTls: absent(z.boolean()),
    })
    .passthrough();

  return z
    .object({
      policy: policySchema,
      extensions: absent(z.array(z.object({ type: z.string().min(1), content: z.unknown() }).passthrough())),
      subject: absent(z.record(z.string(), z.unknown())),
      redirectUri: z.string().min(1),
      notification: absent(notificationSchema),
    })
    .passthrough();
}

export type ShareSessionRequest = z.output<typeof shareSessionRequestSchema>;
export type ShareSessionPolicy = ShareSessionRequest['policy'];

/** The attributes the receipt carries: wanted names (or derivations), as the v1 receipt builder takes them. */
export const wantedOf = (policy: ShareSessionPolicy) =>
  policy.wanted.map((w) => ({ name: w.name, ...(w.derivation ? { derivation: w.derivation } : {}) }));

/** Identity-profile policies: the simple requirement, or the advanced one's profiles. */
export const hasIdentityProfile = (policy: ShareSessionPolicy) =>
  Boolean(policy.identity_profile_requirements || policy.advanced_identity_profile_requirements);
