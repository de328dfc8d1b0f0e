import { z } from 'zod';
import { builtOnFirstUse } from '../../../engine/lazy-schema.js';

/** The `aml:` key of the `yoti:` section: who is on which list, for Client.performAmlCheck. */
export const amlListNames = ['pep', 'fraud', 'watch'] as const;

export const amlEntrySchema = builtOnFirstUse(() =>
  z
    .object({
      familyName: z.string().min(1),
      givenNames: z.string().min(1).optional().describe('any given names when absent'),
      country: z.string().length(3).optional().describe('ISO 3166-1 alpha-3; any country when absent'),
      ssn: z.string().min(1).optional().describe('matches only a check with this SSN'),
      lists: z.array(z.enum(amlListNames)).min(1).describe('on_pep_list, on_fraud_list, on_watch_list'),
    })
    .strict(),
);

export const amlScenarioSchema = z
  .object({
    entries: z
      .array(amlEntrySchema)
      .default([])
      .describe('people on the lists; names compare case-insensitively, anyone else is on none'),
  })
  .strict();

export type AmlEntry = z.output<typeof amlEntrySchema>;
export type AmlScenario = z.output<typeof amlScenarioSchema>;
