import { z } from 'zod';
import { builtOnFirstUse } from '../../../engine/lazy-schema.js';
import { emptyAbsent, nullsAbsent } from '../absent.js';
import { type AnchorSpec, ageCheck, type SharedAttribute, toAttribute } from '../receipt/attributes.js';
import type { ExtraDataEntry } from '../receipt/share-result.js';

/**
 * The body the sandbox clients post to /sandbox/v1/apps/{sdkId}/tokens: @getyoti/sdk-sandbox's
 * TokenRequest.toJSON; Python's sends `"derivation": ""` (or null) and `"anchors": null`, Go's
 * `"derivation": ""`, `"optional": ""` and `"remember_me_id": ""` — all meaning absent. Built
 * when the first one comes (engine/lazy-schema.ts).
 */
export const tokenRequestSchema = builtOnFirstUse(tokenRequestObject);

function tokenRequestObject() {
  const anchorSchema = z
    .object({
      type: z.enum(['SOURCE', 'VERIFIER']),
      value: z.string(),
      sub_type: z.string().default(''),
      timestamp: z.number().optional().describe('microseconds since the epoch'),
    })
    .passthrough();

  const attributeSchema = z
    .object({
      name: z.string().min(1),
      value: z.string(),
      derivation: emptyAbsent(z.string().optional()),
      // Go's sandbox sends a string ("" when unset); the sandbox shares every posted attribute anyway.
      optional: emptyAbsent(z.union([z.boolean(), z.enum(['true', 'false'])]).optional()),
      anchors: z.array(anchorSchema).optional(),
    })
    .passthrough();

  const dataEntrySchema = z
    .object({
      type: z.string(),
      value: z
        .object({
          issuance_token: z.string().min(1),
          issuing_attributes: z
            .object({
              expiry_date: z.string().default(''),
              definitions: z.array(z.object({ name: z.string() }).passthrough()).default([]),
            })
            .passthrough()
            .prefault({}),
        })
        .passthrough(),
    })
    .passthrough();

  return nullsAbsent(
    z
      .object({
        remember_me_id: z.string().optional(),
        profile_attributes: z.array(attributeSchema).default([]),
        extra_data: z
          .object({ data_entry: z.array(dataEntrySchema).default([]) })
          .passthrough()
          .optional(),
      })
      .passthrough(),
  );
}

export type TokenRequest = z.output<typeof tokenRequestSchema>;

/**
 * Exactly the posted attributes, as Yoti's sandbox shares them: an age derivation is named by
 * its derivation and valued true/false from the posted date of birth; anchors only when posted.
 */
export function sandboxAttributes(request: TokenRequest, today: Date): SharedAttribute[] {
  return request.profile_attributes.map((a) => {
    const anchors: AnchorSpec[] = (a.anchors ?? []).map((x) => ({
      type: x.type,
      value: x.value,
      subType: x.sub_type,
      ...(x.timestamp !== undefined ? { timestampMs: Math.floor(x.timestamp / 1000) } : {}),
    }));
    const age = a.derivation && /^age_(over|under):(\d+)$/.exec(a.derivation);
    if (a.derivation && age) {
      const value = /^(true|false)$/.test(a.value)
        ? a.value
        : String(ageCheck(age[1], Number(age[2]), a.value, today));
      return toAttribute(a.derivation, value, anchors);
    }
    return toAttribute(a.derivation ?? a.name, a.value, anchors);
  });
}

export function sandboxExtraData(request: TokenRequest): ExtraDataEntry[] {
  return (request.extra_data?.data_entry ?? [])
    .filter((e) => e.type === 'THIRD_PARTY_ATTRIBUTE')
    .map((e) => ({
      type: 'THIRD_PARTY_ATTRIBUTE' as const,
      issuanceToken: /^[A-Za-z0-9+/]+=*$/.test(e.value.issuance_token)
        ? e.value.issuance_token
        : Buffer.from(e.value.issuance_token).toString('base64'),
      expiryDate: e.value.issuing_attributes.expiry_date,
      definitions: e.value.issuing_attributes.definitions.map((d) => d.name),
    }));
}
