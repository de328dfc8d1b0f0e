import { z } from 'zod';
import { scenarioSchema } from '../scenario.js';

/** The JSON Schema of scenario files, for editors (the input side: defaults are optional). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }),
    $id: 'https://kyc-sim.dev/scenario.schema.json',
    title: 'kyc-sim scenario',
  };
}

export const schemaText = () => `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
