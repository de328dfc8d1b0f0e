import type { Hono } from 'hono';
import { htmlDocument } from '../../../engine/html.js';
import type { SimEnv } from '../../provider.js';
import { biometricErrorResponse } from '../errors.js';
import { parseMetadata } from '../metadata.js';
import type { FlowSession } from '../progress.js';
import { legacySessionBody } from '../results.js';
import type { BiometricContext } from '../schema.js';
import type { FlowSessions } from '../sessions.js';
import { type FlowHost, flowPath, isWebView } from './flow-host.js';
import { t, toLocale } from './i18n.js';
import { Layout } from './layout.js';
import { flowRoutes } from './routes.js';

/** Mount path of https://test.biometric.kz, the Android SDK's default host, on the simulator. */
export const LEGACY_PREFIX = '/biometric/test';

/**
 * The older flow the official Android SDK (biometrickz/kyc-sdk-android) opens:
 * `<host>/short?api_key=…&webview=true` starts a session of that flow; at the end the WebView lands
 * on a URL containing `test-ok` or `test-fail`. The SDK takes the session id as everything after
 * `session=` (`url.indexOf("session") + 8` to the end), so the id comes last, and other legacy
 * integrators read the `session` query item: `test-ok.html?session=<id>` serves both.
 */
export const LEGACY_HOST: FlowHost = {
  prefix: LEGACY_PREFIX,
  webViewParam: 'webview',
  finish: (c, session) =>
    c.redirect(
      `${LEGACY_PREFIX}/test-${session.data.passed ? 'ok' : 'fail'}.html?session=${session.id}`,
      303,
    ),
};

export function legacyRoutes(ctx: BiometricContext, sessions: FlowSessions): Hono<SimEnv> {
  const app = flowRoutes(sessions, LEGACY_HOST);

  // `/short` in the official SDK, `/demo/short` in a published fork of it.
  for (const path of ['/short', '/demo/short']) {
    app.get(path, async (c) => {
      const view = { locale: toLocale(c.req.query('locale')), webView: isWebView((n) => c.req.query(n)) };
      const apiKey = c.req.query('api_key') ?? '';
      const flow = ctx.section().flows.find((f) => f.apiKey === apiKey);
      if (!flow?.active) {
        const kind = flow ? 'flowInactive' : 'flowNotFound';
        return c.html(
          htmlDocument(
            <Layout locale={view.locale} webView={view.webView} title={t(view.locale, kind)}>
              <h1 data-error={kind}>{t(view.locale, kind)}</h1>
            </Layout>,
          ),
          flow ? 403 : 404,
        );
      }
      const session = await sessions.create(flow, {}, parseMetadata(undefined, flow.technologies));
      c.set('sessionId', session.id);
      // A page of its own per session, so reloading it goes on with the same session.
      return c.redirect(flowPath(LEGACY_HOST, session.id, view), 303);
    });
  }

  for (const outcome of ['ok', 'fail'] as const) {
    app.get(`/test-${outcome}.html`, (c) => {
      const locale = toLocale(c.req.query('locale'));
      const key = outcome === 'ok' ? 'flowPassed' : 'flowFailed';
      return c.html(
        htmlDocument(
          <Layout locale={locale} webView={true} title={t(locale, key)}>
            <h1 data-outcome={outcome}>{t(locale, key)}</h1>
          </Layout>,
        ),
      );
    });
  }

  // What the SDK calls after test-ok; it passes the body on whole, with a 1xx-3xx status as success.
  // The official SDK asks with a trailing slash, the fork without.
  for (const path of ['/v1/main/session/:id', '/v1/main/session/:id/']) {
    app.get(path, async (c) => {
      const session: FlowSession | undefined = await sessions.get((c.req.param('id') ?? '').toLowerCase());
      if (!session) return biometricErrorResponse(c, { status: 404, message: 'Not found.' });
      c.set('sessionId', session.id);
      return c.json(legacySessionBody(session));
    });
  }
  return app;
}
