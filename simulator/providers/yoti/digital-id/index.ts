import { Hono } from 'hono';
import type { SimEnv } from '../../provider.js';
import type { YotiAppRegistry } from '../auth/app-registry.js';
import type { AnchorAuthority } from '../receipt/certificates.js';
import type { YotiContext } from '../schema.js';
import { shareSessionNotifier } from './notifications.js';
import { receiptIssuer } from './receipts.js';
import { digitalIdApi } from './routes.js';
import { DigitalIdSessions } from './sessions.js';
import { webShareClientRoutes } from './web-client.js';

/** Yoti Digital ID (share v2): https://api.yoti.com/share at <mount>/share, and the web share client at <mount>/share/client/v2. */
export function createDigitalId(
  ctx: YotiContext,
  apps: YotiAppRegistry,
  ca: AnchorAuthority,
  mount = '/yoti',
) {
  const sessions = new DigitalIdSessions(ctx, receiptIssuer(ctx, apps), shareSessionNotifier(ctx));
  const app = new Hono<SimEnv>();
  app.route('/share', digitalIdApi(sessions, apps, ca, `${mount}/share`));
  app.route('/', webShareClientRoutes(sessions));
  return { app, sessions };
}
