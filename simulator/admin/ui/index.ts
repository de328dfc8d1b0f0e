import { type Context, Hono } from 'hono';
import { renderQr } from '../../providers/yoti/qr-image.js';
import type { Runtime } from '../../runtime.js';
import { actionRoutes } from './actions.js';
import { assetRoutes } from './assets.js';
import { ConsolePage } from './page.js';
import { yotiAppRoutes } from './yoti-app.js';

/** The QA console at /__admin/ui: one page, its static client modules, and a few helper endpoints. */
export function consoleUi(runtime: Runtime): Hono {
  const app = new Hono();
  const page = (c: Context) =>
    c.html(`<!doctype html>${ConsolePage({ title: `kyc-sim · ${runtime.scenario.scenario.name}` })}`);
  app.get('/', page);
  app.get('/index.html', page);
  app.route('/assets', assetRoutes());
  app.route('/api', actionRoutes(runtime));
  app.route('/api', yotiAppRoutes(runtime));

  /** Any text as a QR code image, for the session view and the virtual app. */
  app.get('/qr.svg', async (c) => {
    const text = c.req.query('text');
    if (!text) return c.json({ error: 'expected ?text=<what the QR code should hold>' }, 400);
    try {
      return c.body((await renderQr(text, 'image/svg+xml')) as string, 200, {
        'content-type': 'image/svg+xml',
      });
    } catch (error) {
      return c.json({ error: `cannot render a QR code: ${(error as Error).message}` }, 400);
    }
  });
  // /__admin/ui/ as well as /__admin/ui: a sub-app's '/' is only the path without the slash.
  app.get('/*', (c) =>
    c.req.path.endsWith('/ui/') ? page(c) : c.json({ error: `no console route ${c.req.path}` }, 404),
  );
  return app;
}
