import { Hono } from 'hono';
import type { Runtime } from '../runtime.js';
import { apiDocumentRoutes } from './api-documents.js';
import { clockRoutes } from './clock.js';
import { adminError, adminErrorOf, SimError } from './errors.js';
import { eventRoutes } from './events.js';
import { journalRoutes } from './journal.js';
import { kindRoutes } from './kinds.js';
import { scenarioRoutes } from './scenario.js';
import { sessionRoutes } from './sessions.js';
import { consoleUi } from './ui/index.js';

/** The control plane at /__admin. Errors here are kyc-sim's own: `{error, ...detail}`. */
export function adminApi(runtime: Runtime): Hono {
  const app = new Hono();
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.route('/sessions', sessionRoutes(runtime));
  app.route('/kinds', kindRoutes(runtime));
  app.route('/clock', clockRoutes(runtime));
  app.route('/requests', journalRoutes(runtime));
  app.route('/events', eventRoutes(runtime));
  app.route('/ui', consoleUi(runtime));
  app.route('/', scenarioRoutes(runtime));
  app.route('/', apiDocumentRoutes(runtime));
  app.post('/reset', async (c) => {
    await runtime.reset();
    return c.json({ status: 'reset', scenario: runtime.scenario.scenario.name });
  });
  for (const { definition, instance } of runtime.providers) {
    if (instance.adminApp) app.route(`/${definition.name}`, instance.adminApp);
  }
  app.notFound((c) => adminError(c, 404, `no admin route ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof SimError) return adminErrorOf(c, error);
    runtime.log.error({ err: error, path: c.req.path }, 'unhandled error in an admin route');
    return adminError(c, 500, `kyc-sim internal error: ${error.message}`);
  });
  return app;
}
