import { Hono } from 'hono';
import { z } from 'zod';
import { KiB } from '../../engine/body.js';
import { SessionTimers } from '../../engine/session-timers.js';
import { ActionError, type ProviderDefinition, type SessionAction, type SimEnv } from '../provider.js';
import { type ApiState, apiRoutes } from './api-routes.js';
import { deviceRoutes } from './device-routes.js';
import { attestrErrorResponse } from './errors.js';
import { FlowRuns, FlowxRefusal } from './flow-run.js';
import { type Handshake, Handshakes, KIND } from './handshakes.js';
import type { StageDecision } from './outcomes.js';
import { RateLimiter } from './rate-limits.js';

const errorParams = z
  .object({
    code: z.number().int().default(5001),
    httpStatusCode: z.number().int().min(400).max(599).optional(),
    original: z
      .object({
        code: z.number().int(),
        httpStatusCode: z.number().int().optional(),
        message: z.string().optional(),
      })
      .optional(),
  })
  .strict();

/** Attestr FlowX: https://api.attestr.com (and cdn.attestr.com/flowx.js) mounted at /attestr. */
export const attestrProvider: ProviderDefinition = {
  name: 'attestr',
  prefix: '/attestr',
  clientHints: (base) => [
    `ATTESTR_API_URL=${base}/attestr   (api/v2/public/flowx/handshake)`,
    `ATTESTR_FLOWX_JS=${base}/attestr/flowx.js`,
  ],
  // Handshakes and device-run calls are small JSON documents.
  bodyLimit: () => 64 * KiB,
  errorResponse: attestrErrorResponse,
  create(ctx) {
    const timers = new SessionTimers(ctx.clock, 'attestr', ctx.store);
    const handshakes = new Handshakes(ctx, timers);
    const runs = new FlowRuns(ctx, handshakes);
    const state: ApiState = { handshakes, limiter: new RateLimiter(ctx.clock), spent: new Map() };
    const app = new Hono<SimEnv>();
    app.route('/', apiRoutes(ctx, state));
    app.route('/', deviceRoutes(handshakes, runs));

    /** Decides the running stage; a handshake nobody launched yet is launched first (in English). */
    const stageAction = <P extends z.ZodType>(
      description: string,
      params: P,
      decision: (p: z.output<P>) => StageDecision,
    ): SessionAction<P> => ({
      description,
      params,
      async run(session, input) {
        const hs = session as unknown as Handshake;
        try {
          if (hs.state === 'CREATED') {
            await runs.launch(hs.id, { clientKey: hs.data.clientKey, lc: 'en', qr: {}, retry: false });
          }
          await runs.decide(hs.id, undefined, decision(input), 'admin action');
        } catch (error) {
          if (error instanceof FlowxRefusal) throw new ActionError(error.message, 409);
          throw error;
        }
      },
    });

    return {
      app,
      actions: {
        [KIND]: {
          'succeed-stage': stageAction('The running stage succeeds', z.object({}).strict(), () => ({
            type: 'success',
          })),
          'fail-stage': stageAction(
            'The running stage fails with a code (default 5001), optionally with an original cause',
            errorParams,
            (p) => ({ type: 'error', ...p }),
          ),
          'skip-stage': stageAction(
            'The user interrupts the flow at the running stage',
            z.object({}).strict(),
            () => ({
              type: 'skip',
            }),
          ),
          archive: {
            description: 'Archive the handshake: result and signature turn null',
            params: z.object({}).strict(),
            run: (session) => handshakes.archive(session.id, 'admin action'),
          },
        },
      },
      onScenarioLoaded: async () => {
        timers.clear();
        state.limiter.clear();
        state.spent.clear();
      },
      close: () => timers.clear(),
    };
  },
};
