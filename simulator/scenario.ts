import { z } from 'zod';
import { faultSchema } from './engine/faults.js';
import { attestrScenarioSchema } from './providers/attestr/schema.js';
import { biometricScenarioSchema } from './providers/biometric/schema.js';
import { yotiScenarioSchema } from './providers/yoti/schema.js';

/**
 * A whole scenario file: engine settings plus one section per provider. Unknown top-level keys
 * are errors, so a typo in a section name fails at load instead of being silently ignored.
 */
export const scenarioSchema = z
  .object({
    $schema: z.string().optional().describe('path of the JSON Schema, for editors'),
    name: z.string().default('unnamed'),
    description: z.string().optional(),
    seed: z.number().int().optional().describe('makes ids, tokens and fake data reproducible'),
    faults: z.array(faultSchema).default([]).describe('latency, error statuses and dropped websockets'),
    yoti: yotiScenarioSchema.prefault({}),
    attestr: attestrScenarioSchema.prefault({}),
    biometric: biometricScenarioSchema.prefault({}),
  })
  .strict();

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
