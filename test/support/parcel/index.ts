import { join } from 'node:path';
import { Hono } from 'hono';
import type { KindRunner } from '../../../simulator/engine/session-kinds.js';
import { defineProvider } from '../../../simulator/providers/provider.js';
import { parcelApi } from './api.js';
import { parcelErrorResponse } from './errors.js';
import { type ParcelData, parcelKind } from './kind.js';
import { parcelRoutes } from './routes.js';
import { type ParcelOutcome, parcelScenarioSchema } from './schema.js';

/** A throwaway provider made by following docs/adding-a-provider.md: a parcel service at /parcel. */
export const parcelProvider = defineProvider({
  name: 'parcel',
  prefix: '/parcel',
  scenario: parcelScenarioSchema,
  clientHints: (base) => [`PARCEL_API_URL=${base}/parcel/api`],
  errorResponse: parcelErrorResponse,
  api: parcelApi,
  console: {
    id: 'parcel-desk',
    title: 'Parcel desk',
    html: '<div class="pane"><h2>Parcel desk</h2><p id="parcel-count">…</p></div>',
    assets: [join(import.meta.dirname, 'assets', 'parcel-desk.js')],
    opens: { kinds: ['parcel'], label: 'Open at the parcel desk →' },
  },
  create(ctx) {
    // The kind's steps transition through the runner the engine hands back.
    const kind: KindRunner<ParcelData, ParcelOutcome> = ctx.defineKind(parcelKind(ctx, () => kind));
    const consoleApp = new Hono();
    consoleApp.get('/count', async (c) =>
      c.json({ parcels: (await ctx.store.list({ provider: 'parcel' })).length }),
    );
    return { app: parcelRoutes(ctx, kind), consoleApp };
  },
});
