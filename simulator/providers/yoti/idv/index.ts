import { Hono } from 'hono';
import type { SimEnv } from '../../provider.js';
import type { YotiAppRegistry } from '../auth/app-registry.js';
import { sandboxIdvRoutes } from '../sandbox-idv/routes.js';
import type { YotiContext } from '../schema.js';
import { IdvSessions } from './idv-sessions.js';
import { idvApi } from './routes.js';

/**
 * Yoti IDV/IBV (https://api.yoti.com/idverify/v1) and its hosted sandbox
 * (https://api.yoti.com/sandbox/idverify/v1, which also serves the whole sessions API).
 */
export function createIdv(ctx: YotiContext, apps: YotiAppRegistry, mount = '/yoti') {
  const sessions = new IdvSessions(ctx);
  const app = new Hono<SimEnv>();
  app.route('/idverify/v1', idvApi(sessions, apps, `${mount}/idverify/v1`));
  app.route('/sandbox/idverify/v1', sandboxIdvRoutes(sessions, apps, `${mount}/sandbox/idverify/v1`));
  app.route('/sandbox/idverify/v1', idvApi(sessions, apps, `${mount}/sandbox/idverify/v1`));
  return { app, sessions };
}
