import { Hono } from 'hono';
import type { KindRunner } from '../../../simulator/engine/session-kinds.js';
import { type SimEnv, SimError } from '../../../simulator/providers/provider.js';
import { sendParcelBody } from './api.js';
import type { Parcel, ParcelData } from './kind.js';
import type { ParcelContext, ParcelOutcome } from './schema.js';

/** The parcel service's API, below its prefix: send a parcel, track it. */
export function parcelRoutes(ctx: ParcelContext, kind: KindRunner<ParcelData, ParcelOutcome>): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  app.post('/api/parcels', async (c) => {
    const body = sendParcelBody.safeParse(await c.req.json().catch(() => undefined));
    const { depots, outcome } = ctx.section();
    const depot = body.data?.depot ?? '';
    if (!depots.includes(depot))
      throw new SimError(422, `no depot ${JSON.stringify(depot)}`, {
        code: 'DEPOT',
        known: { what: 'depots', values: depots },
      });
    const now = ctx.clock.now();
    const parcel: Parcel = {
      id: ctx.random().uuid(),
      provider: 'parcel',
      kind: kind.kind,
      state: kind.definition.initial,
      createdAt: now,
      updatedAt: now,
      data: { depot },
      timeline: [{ at: now, event: 'SENT' }],
    };
    await ctx.store.put(parcel);
    c.set('sessionId', parcel.id);
    await kind.outcome(parcel.id, now, outcome);
    return c.json({ id: parcel.id, status: parcel.state }, 201);
  });
  app.get('/api/parcels/:id', async (c) => {
    const parcel = await ctx.store.get<ParcelData>(c.req.param('id'));
    if (parcel?.kind !== kind.kind)
      throw new SimError(404, `no parcel ${c.req.param('id')}`, { code: 'UNKNOWN' });
    return c.json({ id: parcel.id, status: parcel.state });
  });
  return app;
}
