import { type Context, Hono } from 'hono';
import { h } from 'preact';
import { htmlDocument } from '../../engine/html.js';
import { renderQr } from '../../engine/qr.js';
import type { Runtime } from '../../runtime.js';
import { adminError } from '../errors.js';
import { actionRoutes } from './actions.js';
import { assetRoutes } from './assets.js';
import { ConsolePage, type PagePanel } from './page.js';
import { ReferencePage } from './reference-page.js';

/** The QA console at /__admin/ui: one page, its static client modules, and a few helper endpoints. */
export function consoleUi(runtime: Runtime): Hono {
  const app = new Hono();
  const panels: PagePanel[] = runtime.providers.flatMap(({ definition }) =>
    definition.console ? [{ provider: definition.name, panel: definition.console }] : [],
  );
  const page = (c: Context) =>
    c.html(htmlDocument(h(ConsolePage, { title: `kyc-sim · ${runtime.scenario.scenario.name}`, panels })));
  app.get('/', page);
  app.get('/index.html', page);
  app.get('/reference', (c) => c.html(htmlDocument(h(ReferencePage, { title: 'kyc-sim · API reference' }))));
  app.route('/assets', assetRoutes(panels.flatMap(({ panel }) => panel.assets)));
  app.route('/api', actionRoutes(runtime));
  // Each provider panel's server side, at /__admin/ui/api/<provider>/...
  for (const { definition, instance } of runtime.providers) {
    if (instance.consoleApp) app.route(`/api/${definition.name}`, instance.consoleApp);
  }

  /** Any text as a QR code image, for the session view and the virtual app. */
  app.get('/qr.svg', async (c) => {
    const text = c.req.query('text');
    if (!text) return adminError(c, 400, 'expected ?text=<what the QR code should hold>');
    try {
      return c.body((await renderQr(text, 'image/svg+xml')) as string, 200, {
        'content-type': 'image/svg+xml',
      });
    } catch (error) {
      return adminError(c, 400, `cannot render a QR code: ${(error as Error).message}`);
    }
  });
  // /__admin/ui/ as well as /__admin/ui: a sub-app's '/' is only the path without the slash.
  app.get('/*', (c) =>
    c.req.path.endsWith('/ui/') ? page(c) : adminError(c, 404, `no console route ${c.req.path}`),
  );
  return app;
}
