import { Hono } from 'hono';
import { KiB } from '../../engine/body.js';
import { defineProvider, type SimEnv } from '../provider.js';
import { attestrApi } from './api.js';
import { type ApiState, apiRoutes } from './api-routes.js';
import { deviceRoutes } from './device-routes.js';
import { attestrErrorResponse } from './errors.js';
import { FlowRuns } from './flow-run.js';
import { handshakeKind } from './handshake-kind.js';
import { Handshakes } from './handshakes.js';
import { RateLimiter } from './rate-limits.js';
import { attestrScenarioSchema } from './schema.js';

/** Attestr FlowX: https://api.attestr.com (and cdn.attestr.com/flowx.js) mounted at /attestr. */
export const attestrProvider = defineProvider({
  name: 'attestr',
  scenario: attestrScenarioSchema,
  prefix: '/attestr',
  clientHints: (base) => [
    `ATTESTR_API_URL=${base}/attestr   (api/v2/public/flowx/handshake)`,
    `ATTESTR_FLOWX_JS=${base}/attestr/flowx.js`,
  ],
  // Handshakes and device-run calls are small JSON documents.
  bodyLimit: () => 64 * KiB,
  errorResponse: attestrErrorResponse,
  api: attestrApi,
  create(ctx) {
    const handshakes = new Handshakes(ctx);
    const runs = new FlowRuns(ctx, handshakes);
    // The kind's steps call back into handshakes and runs, which schedule and transition through it.
    handshakes.kind = ctx.defineKind(handshakeKind(handshakes, runs));
    const state: ApiState = { handshakes, limiter: new RateLimiter(ctx.clock), spent: new Map() };
    const app = new Hono<SimEnv>();
    app.route('/', apiRoutes(ctx, state));
    app.route('/', deviceRoutes(handshakes, runs));
    return {
      app,
      onScenarioLoaded: async () => {
        state.limiter.clear();
        state.spent.clear();
      },
    };
  },
});
