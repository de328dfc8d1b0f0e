import { z } from 'zod';
import { scenarioSchema } from '../scenario.js';

/**
 * The JSON Schema of scenario files, for editors (the input side: defaults are optional); the
 * root composed from every provider's section, or `schema` (a simulator's own providers).
 */
export function scenarioJsonSchema(schema: z.ZodType = scenarioSchema): Record<string, unknown> {
  return {
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }),
    $id: 'https://kyc-sim.dev/scenario.schema.json',
    title: 'kyc-sim scenario',
  };
}

export const schemaText = () => `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
