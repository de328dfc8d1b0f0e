import { z } from 'zod';
import { faultSchema } from './engine/faults.js';
import { providers } from './providers/index.js';
import type { ProviderDefinition } from './providers/provider.js';

/** The engine's part of every scenario file; each provider adds its section under its name. */
const engineShape = {
  $schema: z.string().optional().describe('path of the JSON Schema, for editors'),
  name: z.string().default('unnamed'),
  description: z.string().optional(),
  seed: z.number().int().optional().describe('makes ids, tokens and fake data reproducible'),
  faults: z.array(faultSchema).default([]).describe('latency, error statuses and dropped websockets'),
};

type Sections<P extends readonly ProviderDefinition[]> = {
  [D in P[number] as D['name']]: z.ZodPrefault<D['scenario']>;
};

/**
 * A whole scenario file: engine settings plus one section per provider, each optional (its
 * defaults apply). Unknown top-level keys are errors, so a typo in a section name fails at load
 * instead of being silently ignored.
 */
export function composeScenarioSchema<const P extends readonly ProviderDefinition[]>(list: P) {
  const sections: Record<string, z.ZodType> = {};
  for (const provider of list) {
    if (provider.name in engineShape || provider.name in sections)
      throw new Error(
        `kyc-sim: provider name ${provider.name} is taken; scenario sections need unique names`,
      );
    sections[provider.name] = provider.scenario.prefault({});
  }
  return z.object({ ...engineShape, ...(sections as Sections<P>) }).strict();
}

/** The scenario schema of the providers kyc-sim ships. */
export const scenarioSchema = composeScenarioSchema(providers);

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

type DeepPartial<T> = T extends readonly (infer E)[]
  ? DeepPartial<E>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * Part of a scenario, merged over the one in force by `sim.use()` and `POST
 * /__admin/scenario/overrides` (engine/scenario-merge.ts: objects by key, arrays of objects by
 * their id, sdkId, apiKey… ; the rest replaced).
 */
export type ScenarioOverride = DeepPartial<ScenarioInput>;
/** Any simulator's scenario, whatever its providers: the engine's settings and untyped sections. */
export type AnyScenario = z.output<z.ZodObject<typeof engineShape>> & Record<string, unknown>;
