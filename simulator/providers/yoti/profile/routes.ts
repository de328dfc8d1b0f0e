import { Hono } from 'hono';
import type { YotiAppRegistry } from '../auth/app-registry.js';
import { verifySignedRequest, type YotiSignedEnv } from '../auth/verify-signed-request.js';
import { yotiErrorResponse } from '../errors.js';
import { readPayload } from '../read-payload.js';
import type { Receipts } from '../receipt/receipts.js';
import type { ShareSessions } from '../share/share-sessions.js';
import { dynamicScenarioSchema, toSharePolicy } from './dynamic-scenario.js';

const API = '/yoti/api/v1';
const SANDBOX = '/yoti/sandbox/v1';

/** The relying party's backend calls at https://api.yoti.com/api/v1 (and the sandbox's /sandbox/v1): profile exchange and dynamic share. */
export function profileRoutes(
  apps: YotiAppRegistry,
  receipts: Receipts,
  shares: ShareSessions,
): Hono<YotiSignedEnv> {
  const app = new Hono<YotiSignedEnv>();

  // The hosted sandbox answers the exchange at its own base too: Yoti's Go example and the
  // @getyoti/sdk-sandbox README point the profile client at .../sandbox/v1.
  for (const base of [API, SANDBOX]) {
    app.get(
      `${base.slice('/yoti'.length)}/profile/:token`,
      verifySignedRequest({ apps, prefix: base, requireAuthKey: true }),
      async (c) => {
        const outcome = await receipts.exchange(c.req.param('token'), c.get('yotiApp'));
        if (outcome.sessionId) c.set('sessionId', outcome.sessionId);
        if (!outcome.ok)
          return yotiErrorResponse(c, { status: 404, code: outcome.code, message: outcome.message });
        return c.json(outcome.body);
      },
    );
  }

  // Python, Go and Java name the app only in this path (no appId query, no X-Yoti-Auth-Id).
  const signedForPathApp = verifySignedRequest({ apps, prefix: API, appIdParam: 'appId' });
  app.post('/api/v1/qrcodes/apps/:appId', signedForPathApp, async (c) => {
    const yotiApp = c.get('yotiApp');
    if (c.req.param('appId') !== yotiApp.sdkId) {
      return yotiErrorResponse(c, {
        status: 403,
        code: 'FORBIDDEN',
        message: `The request is signed for app ${yotiApp.sdkId} but asks for a QR code of app ${c.req.param('appId')}`,
      });
    }
    const payload = await readPayload(c, dynamicScenarioSchema);
    if (!payload.ok) return payload.response;
    const { outcome, lifetimeMs } = yotiApp.dynamicShare;
    const session = await shares.create(yotiApp, {
      scenarioId: null,
      policy: toSharePolicy(payload.value.policy),
      outcome,
      lifetimeMs,
      callbackEndpoint: payload.value.callback_endpoint,
    });
    c.set('sessionId', session.id);
    return c.json({ qrcode: session.data.qrcode, ref_id: session.data.refId });
  });

  return app;
}
