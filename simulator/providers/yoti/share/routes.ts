import { type Context, Hono } from 'hono';
import type { DirectAnswer, DirectRoute } from '../../../engine/direct-routes.js';
import { type SimEnv, SimError } from '../../provider.js';
import { yotiErrorResponse } from '../errors.js';
import type { YotiApp, YotiContext } from '../schema.js';
import type { ShareData, ShareSession, ShareSessions } from './share-sessions.js';

const QR_PATH = '/api/v1.1/sessions/apps/:sdkId/scenarios/:scenarioId';
const REFS_PATH = '/api/v1.1/qrcodes/refs/:refId';

/**
 * Steps 1 and 2 of the non-browser client guide: the QR code and its metadata. Both are on every
 * share, so their plain successes are also direct routes (engine/direct-routes.ts); the Hono
 * routes answer from the same functions and add the errors.
 */
export function shareRoutes(ctx: YotiContext, sessions: ShareSessions, prefix: string) {
  const appOf = (sdkId: string) => ctx.section().apps.find((a) => a.sdkId === sdkId);

  /** A new share for the app's scenario; undefined when either is unknown. */
  const qrAnswer = async (sdkId: string, scenarioId: string): Promise<DirectAnswer | undefined> => {
    const yotiApp = appOf(sdkId);
    const scenario = yotiApp?.scenarios.find((s) => s.id === scenarioId);
    if (!yotiApp || !scenario) return undefined;
    const session = await sessions.create(yotiApp, {
      scenarioId,
      policy: scenario.policy,
      outcome: scenario.outcome,
      lifetimeMs: scenario.lifetimeMs,
    });
    // The real body is undocumented; this one parses as JSON and contains the whole URL as text.
    return {
      json: JSON.stringify({ qrcode: session.data.qrcode, ref_id: session.data.refId }),
      sessionId: session.id,
    };
  };

  /**
   * Each share's refs answer, made once: a phone may read it on every scan, and serialising it (the
   * policy and token in base64) is most of the route's own work. Made again when the app's entry
   * in the scenario is another object (an override or a reload). Keyed by the session's data,
   * which later copies of the record share while it is unchanged.
   */
  const refsAnswers = new WeakMap<ShareData, { yotiApp: YotiApp | undefined; answer: DirectAnswer }>();

  const refsAnswer = (refId: string): DirectAnswer | undefined | Promise<DirectAnswer | undefined> => {
    const found = sessions.byRefNow(refId);
    return found instanceof Promise ? found.then(refsAnswerOf) : refsAnswerOf(found);
  };

  const refsAnswerOf = (session: ShareSession | undefined): DirectAnswer | undefined => {
    if (!session) return undefined;
    const yotiApp = appOf(session.data.sdkId);
    const made = refsAnswers.get(session.data);
    if (made && made.yotiApp === yotiApp) return made.answer;
    const answer = { json: JSON.stringify(refsBody(session, yotiApp)), sessionId: session.id };
    refsAnswers.set(session.data, { yotiApp, answer });
    return answer;
  };

  const refsBody = (session: ShareSession, yotiApp: YotiApp | undefined) => {
    return {
      name: yotiApp?.name ?? session.data.sdkId,
      policy: session.data.policyBytes,
      application_id: yotiApp?.applicationId ?? session.data.sdkId,
      application_name: yotiApp?.name ?? session.data.sdkId,
      receipt_bg_color: yotiApp?.receiptBgColor ?? '#2D9FFF',
      callback_endpoint: session.data.callbackEndpoint ?? yotiApp?.callbackEndpoint ?? '',
      sharing_token: session.data.sharingToken,
      session_data: session.id,
    };
  };

  const app = new Hono<SimEnv>();
  const json = (c: Context<SimEnv>, answer: DirectAnswer) => {
    c.set('sessionId', answer.sessionId);
    return c.body(answer.json, 200, { 'Content-Type': 'application/json' });
  };

  app.get(QR_PATH, async (c) => {
    const { sdkId, scenarioId } = c.req.param();
    const answer = await qrAnswer(sdkId, scenarioId);
    if (answer) return json(c, answer);
    const yotiApp = appOf(sdkId);
    if (!yotiApp) {
      throw SimError.notFound(
        `No application with sdkId ${sdkId}`,
        { what: 'sdkIds', values: ctx.section().apps.map((a) => a.sdkId) },
        { code: 'APP_NOT_FOUND' },
      );
    }
    const known = yotiApp.scenarios.map((s) => s.id).join(', ') || 'none';
    return yotiErrorResponse(c, {
      status: 404,
      code: 'SCENARIO_NOT_FOUND',
      message: `Application ${sdkId} has no scenario ${scenarioId} (known: ${known})`,
    });
  });

  app.get(REFS_PATH, async (c) => {
    const refId = c.req.param('refId');
    const answer = await refsAnswer(refId);
    if (answer) return json(c, answer);
    return yotiErrorResponse(c, {
      status: 404,
      code: 'NOT_FOUND',
      message: `No QR code with ref_id ${refId}`,
    });
  });

  const direct: DirectRoute[] = [
    { path: `${prefix}${QR_PATH}`, answer: ({ sdkId, scenarioId }) => qrAnswer(sdkId, scenarioId) },
    { path: `${prefix}${REFS_PATH}`, answer: ({ refId }) => refsAnswer(refId) },
  ];
  return { app, direct };
}
