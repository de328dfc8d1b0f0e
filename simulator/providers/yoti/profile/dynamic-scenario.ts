import { z } from 'zod';
import { builtOnFirstUse } from '../../../engine/lazy-schema.js';
import { emptyAbsent, nullsAbsent } from '../absent.js';
import type { SharePolicy } from '../schema.js';

/**
 * The body of the SDKs' createShareUrl (Node DynamicScenario.toJSON; Java's Jackson sends unset
 * fields as null, e.g. `"derivation": null`); unknown keys pass through. Built when the first
 * one comes (engine/lazy-schema.ts).
 */
export const dynamicScenarioSchema = builtOnFirstUse(dynamicScenarioObject);

function dynamicScenarioObject() {
  const wantedSchema = z
    .object({
      name: z.string().min(1),
      derivation: emptyAbsent(z.string().optional()),
      optional: z.boolean().default(false),
    })
    .passthrough();

  return nullsAbsent(
    z
      .object({
        callback_endpoint: z.string().default(''),
        policy: z
          .object({
            wanted: z.array(wantedSchema).default([]),
            wanted_auth_types: z.array(z.number().int()).default([]),
            wanted_remember_me: z.boolean().default(false),
          })
          .passthrough(),
        extensions: z.array(z.unknown()).default([]),
        subject: z.unknown().optional(),
      })
      .passthrough(),
  );
}

export type DynamicScenario = z.output<typeof dynamicScenarioSchema>;

export function toSharePolicy(policy: DynamicScenario['policy']): SharePolicy {
  return {
    ...policy,
    wanted: policy.wanted.map((w) => ({
      name: w.name,
      optional: w.optional,
      ...(w.derivation ? { derivation: w.derivation } : {}),
    })),
  };
}
