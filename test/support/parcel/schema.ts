import { z } from 'zod';
import type { SimContext } from '../../../simulator/providers/provider.js';

/** The `parcel:` section of a scenario file; `{}` is valid, as a scenario may leave it out. */
export const parcelOutcomeSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('deliver'), afterMs: z.number().int().nonnegative().default(2_000) }).strict(),
    z.object({ type: z.literal('lose'), afterMs: z.number().int().nonnegative().default(2_000) }).strict(),
    z.object({ type: z.literal('manual') }).strict(),
  ])
  .describe('what happens to a parcel once it is sent');

export const parcelScenarioSchema = z
  .object({
    depots: z.array(z.string().min(1)).default(['ALA']).describe('depots a parcel may be sent from'),
    outcome: parcelOutcomeSchema.prefault({ type: 'deliver' }),
  })
  .strict();

export type ParcelOutcome = z.output<typeof parcelOutcomeSchema>;
export type ParcelContext = SimContext<z.output<typeof parcelScenarioSchema>>;
