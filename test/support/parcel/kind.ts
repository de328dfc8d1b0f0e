import { z } from 'zod';
import type { KindRunner } from '../../../simulator/engine/session-kinds.js';
import type { SessionRecord } from '../../../simulator/engine/store.js';
import type { SessionKindDefinition } from '../../../simulator/providers/provider.js';
import type { ParcelContext, ParcelOutcome } from './schema.js';

export type ParcelData = { depot: string };
export type Parcel = SessionRecord<ParcelData>;

/** A parcel: SENT → DELIVERED | LOST, by the scenario's outcome step or an admin action. */
export function parcelKind(ctx: ParcelContext, runner: () => KindRunner<ParcelData, ParcelOutcome>) {
  const end = (id: string, state: 'DELIVERED' | 'LOST', by: string) =>
    ctx.store.update<ParcelData>(id, (s) =>
      runner().isEnded(s) ? s : runner().transition(s, ctx.clock.now(), state, { by }),
    );
  const definition: SessionKindDefinition<ParcelData, ParcelOutcome> = {
    kind: 'parcel',
    states: ['SENT', 'DELIVERED', 'LOST'],
    initial: 'SENT',
    ended: { DELIVERED: 'success', LOST: 'failure' },
    outcomes: {
      deliver: {
        explain: (o) => `delivered ${o.afterMs / 1000} s after sending`,
        run: (p) => end(p.id, 'DELIVERED', 'scenario'),
      },
      lose: {
        explain: (o) => `lost ${o.afterMs / 1000} s after sending`,
        run: (p) => end(p.id, 'LOST', 'scenario'),
      },
      manual: { explain: () => 'waits for an admin action (deliver)' },
    },
    actions: {
      deliver: {
        description: 'The courier delivers the parcel now: DELIVERED',
        params: z.object({}).strict(),
        run: async (p) => {
          await end(p.id, 'DELIVERED', 'admin action');
        },
      },
    },
  };
  return definition;
}
