import { Hono } from 'hono';
import { type SimEnv, SimError } from '../../provider.js';
import { yotiErrorResponse } from '../errors.js';
import type { YotiContext } from '../schema.js';
import type { ShareSessions } from './share-sessions.js';

/** Steps 1 and 2 of the non-browser client guide: the QR code and its metadata. */
export function shareRoutes(ctx: YotiContext, sessions: ShareSessions): Hono<SimEnv> {
  const app = new Hono<SimEnv>();

  app.get('/api/v1.1/sessions/apps/:sdkId/scenarios/:scenarioId', async (c) => {
    const { sdkId, scenarioId } = c.req.param();
    const yotiApp = ctx.section().apps.find((a) => a.sdkId === sdkId);
    if (!yotiApp) {
      throw SimError.notFound(
        `No application with sdkId ${sdkId}`,
        { what: 'sdkIds', values: ctx.section().apps.map((a) => a.sdkId) },
        { code: 'APP_NOT_FOUND' },
      );
    }
    const scenario = yotiApp.scenarios.find((s) => s.id === scenarioId);
    if (!scenario) {
      const known = yotiApp.scenarios.map((s) => s.id).join(', ') || 'none';
      return yotiErrorResponse(c, {
        status: 404,
        code: 'SCENARIO_NOT_FOUND',
        message: `Application ${sdkId} has no scenario ${scenarioId} (known: ${known})`,
      });
    }
    const session = await sessions.create(yotiApp, {
      scenarioId,
      policy: scenario.policy,
      outcome: scenario.outcome,
      lifetimeMs: scenario.lifetimeMs,
    });
    c.set('sessionId', session.id);
    // The real body is undocumented; this one parses as JSON and contains the whole URL as text.
    return c.json({ qrcode: session.data.qrcode, ref_id: session.data.refId });
  });

  app.get('/api/v1.1/qrcodes/refs/:refId', async (c) => {
    const refId = c.req.param('refId');
    const session = await sessions.byRef(refId);
    if (!session) {
      return yotiErrorResponse(c, {
        status: 404,
        code: 'NOT_FOUND',
        message: `No QR code with ref_id ${refId}`,
      });
    }
    c.set('sessionId', session.id);
    const yotiApp = ctx.section().apps.find((a) => a.sdkId === session.data.sdkId);
    return c.json({
      name: yotiApp?.name ?? session.data.sdkId,
      policy: session.data.policyBytes,
      application_id: yotiApp?.applicationId ?? session.data.sdkId,
      application_name: yotiApp?.name ?? session.data.sdkId,
      receipt_bg_color: yotiApp?.receiptBgColor ?? '#2D9FFF',
      callback_endpoint: session.data.callbackEndpoint ?? yotiApp?.callbackEndpoint ?? '',
      sharing_token: session.data.sharingToken,
      session_data: session.id,
    });
  });

  return app;
}
