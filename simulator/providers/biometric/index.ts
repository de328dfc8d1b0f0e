import { Hono } from 'hono';
import { z } from 'zod';
import { KiB, MiB } from '../../engine/body.js';
import { ActionError, type ProviderDefinition, type SessionAction, type SimEnv } from '../provider.js';
import { apiRoutes } from './api-routes.js';
import { biometricErrorResponse } from './errors.js';
import {
  currentTechnology,
  FLOW_SESSION_KIND,
  type FlowSessionData,
  hasEnded,
  pendingChoice,
} from './progress.js';
import { failureTypeSchema, technologyCodeSchema } from './schema.js';
import { FlowSessions } from './sessions.js';
import { legacyRoutes } from './web/legacy-routes.js';
import { webRoutes } from './web/routes.js';

/**
 * Biometric.kz Flow: https://kyc.biometric.kz at /biometric/kyc, https://remote.biometric.kz at
 * /biometric/remote, and the legacy https://test.biometric.kz of the Android SDK at /biometric/test.
 */
export const biometricProvider: ProviderDefinition = {
  name: 'biometric',
  prefix: '/biometric',
  clientHints: (base) => [
    `BIOMETRIC_API_URL=${base}/biometric/kyc   (session create and result)`,
    `BIOMETRIC_REMOTE_URL=${base}/biometric/remote   (flow pages; finished at ${base}/biometric/remote/finished)`,
    `Android SDK BASE_URL=${base}/biometric/test/short?   (legacy flow; session at ${base}/biometric/test/v1/main/session/<id>/)`,
  ],
  // metadata.face2face.photo1 is a base64 photo (phone cameras: megabytes); the rest is small JSON.
  bodyLimit: (_method, path) => (path.endsWith('/flows/session/create/') ? 16 * MiB : 64 * KiB),
  errorResponse: biometricErrorResponse,
  create(ctx) {
    const sessions = new FlowSessions(ctx);
    const app = new Hono<SimEnv>();
    app.route('/kyc', apiRoutes(ctx, sessions));
    app.route('/remote', webRoutes(sessions));
    app.route('/test', legacyRoutes(ctx, sessions));

    const technologyParam = technologyCodeSchema
      .optional()
      .describe('the current technology; checked when given');
    /** An action on the current technology; refuses ended sessions and a stale `technology`. */
    const onCurrent = <P extends z.ZodObject<{ technology: typeof technologyParam }>>(
      description: string,
      params: P,
      run: (id: string, code: z.output<typeof technologyCodeSchema>, params: z.output<P>) => Promise<boolean>,
    ): SessionAction<P> => ({
      description,
      params,
      async run(session, input) {
        const data = session.data as unknown as FlowSessionData;
        if (hasEnded(session)) throw new ActionError(`session ${session.id} has ended (${session.state})`);
        const choices = pendingChoice(data);
        if (choices) throw new ActionError(`choose one of ${choices.join(', ')} first (action "choose")`);
        const code = currentTechnology(data);
        if (!code || (input.technology && input.technology !== code))
          throw new ActionError(`the current technology is ${code ?? 'none'}, not ${input.technology}`);
        await run(session.id, code, input);
      },
    });

    return {
      app,
      actions: {
        [FLOW_SESSION_KIND]: {
          pass: onCurrent(
            'The current technology passes',
            z.object({ technology: technologyParam }).strict(),
            (id, code) => sessions.complete(id, code, { result: 'pass', decidedBy: 'admin' }),
          ),
          fail: onCurrent(
            'The current technology fails with a reason type; the flow ends',
            z
              .object({
                technology: technologyParam,
                reason: failureTypeSchema.default('CALC_RESULT'),
                message: z
                  .string()
                  .optional()
                  .describe("the failure reason's detail; the guide's default when absent"),
              })
              .strict(),
            (id, code, p) =>
              sessions.complete(id, code, {
                result: 'fail',
                reason: p.reason,
                message: p.message,
                decidedBy: 'admin',
              }),
          ),
          choose: defineAction({
            description: 'Picks one of the interchangeable technologies; the others are skipped',
            params: z.object({ technology: technologyCodeSchema }).strict(),
            async run(session, p) {
              if (!(await sessions.choose(session.id, p.technology)))
                throw new ActionError(
                  `no choice including ${p.technology} is pending in session ${session.id}`,
                );
            },
          }),
          expire: defineAction({
            description: 'The session lifetime runs out now: TIMEOUT',
            params: z.object({}).strict(),
            async run(session) {
              if (!(await sessions.expire(session.id)))
                throw new ActionError(`session ${session.id} has ended (${session.state})`);
            },
          }),
        },
      },
      onScenarioLoaded: async () => sessions.clearTimers(),
      close: () => sessions.clearTimers(),
    };
  },
};

/** Keeps the params type of an action written inline. */
const defineAction = <P extends z.ZodType>(action: SessionAction<P>): SessionAction<P> => action;
