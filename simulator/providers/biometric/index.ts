import { Hono } from 'hono';
import { KiB, MiB } from '../../engine/body.js';
import { defineProvider, type SimEnv } from '../provider.js';
import { biometricApi } from './api.js';
import { apiRoutes } from './api-routes.js';
import { biometricErrorResponse } from './errors.js';
import { biometricScenarioSchema } from './schema.js';
import { FlowSessions } from './sessions.js';
import { legacyRoutes } from './web/legacy-routes.js';
import { webRoutes } from './web/routes.js';

/**
 * Biometric.kz Flow: https://kyc.biometric.kz at /biometric/kyc, https://remote.biometric.kz at
 * /biometric/remote, and the legacy https://test.biometric.kz of the Android SDK at /biometric/test.
 */
export const biometricProvider = defineProvider({
  name: 'biometric',
  scenario: biometricScenarioSchema,
  prefix: '/biometric',
  clientHints: (base) => [
    `BIOMETRIC_API_URL=${base}/biometric/kyc   (session create and result)`,
    `BIOMETRIC_REMOTE_URL=${base}/biometric/remote   (flow pages; finished at ${base}/biometric/remote/finished)`,
    `Android SDK BASE_URL=${base}/biometric/test/short?   (legacy flow; session at ${base}/biometric/test/v1/main/session/<id>/)`,
  ],
  // metadata.face2face.photo1 is a base64 photo (phone cameras: megabytes); the rest is small JSON.
  bodyLimit: (_method, path) => (path.endsWith('/flows/session/create/') ? 16 * MiB : 64 * KiB),
  errorResponse: biometricErrorResponse,
  api: biometricApi,
  create(ctx) {
    const sessions = new FlowSessions(ctx);
    const app = new Hono<SimEnv>();
    app.route('/kyc', apiRoutes(ctx, sessions));
    app.route('/remote', webRoutes(sessions));
    app.route('/test', legacyRoutes(ctx, sessions));
    return { app, onScenarioLoaded: async () => sessions.clearQueues() };
  },
});
