import { Hono } from 'hono';
import type { YotiAppRegistry } from '../auth/app-registry.js';
import { verifySignedRequest, type YotiSignedEnv } from '../auth/verify-signed-request.js';
import { yotiErrorResponse } from '../errors.js';
import { payloadError, readJsonBody, sessionNotFound } from '../idv/http.js';
import type { IdvSessions } from '../idv/idv-sessions.js';
import { responseConfigSchema } from '../idv/outcome.js';
import { propertyPath } from '../idv/validate.js';

/**
 * Yoti's hosted-sandbox outcome API, below /sandbox/idverify/v1: a response-config for one
 * session, or for every later session of an app. The session one wins; either wins over the
 * scenario. Same body as the sandbox SDKs send: `{check_reports: {TYPE: [{result: {report}}],
 * async_report_delay}, task_results: {TYPE: [{result: {document_fields}}]}}`.
 */
export function sandboxIdvRoutes(
  sessions: IdvSessions,
  apps: YotiAppRegistry,
  prefix: string,
): Hono<YotiSignedEnv> {
  const api = new Hono<YotiSignedEnv>();
  const signed = verifySignedRequest({ apps, prefix });

  const parseConfig = async (c: Parameters<typeof readJsonBody>[0]) => {
    const body = await readJsonBody(c);
    if (!body.ok) return body;
    const parsed = responseConfigSchema.safeParse(body.value);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ property: propertyPath(i.path), message: i.message }));
      return { ok: false as const, response: payloadError(c, errors) };
    }
    return { ok: true as const, value: parsed.data };
  };

  api.put('/sessions/:sessionId/response-config', signed, async (c) => {
    const id = c.req.param('sessionId');
    const session = await sessions.get(id, c.get('yotiApp').sdkId);
    if (!session)
      return yotiErrorResponse(c, {
        status: 404,
        code: 'SESSION_NOT_FOUND',
        message: sessionNotFound(id),
      });
    c.set('sessionId', id);
    const config = await parseConfig(c);
    if (!config.ok) return config.response;
    await sessions.setSessionResponseConfig(id, config.value);
    return c.body(null, 204);
  });

  // Sandbox clients name the app in the path only; let the verifier find it there too.
  api.put(
    '/apps/:sdkId/response-config',
    async (c, next) => {
      if (!c.req.query('sdkId') && !c.req.query('appId') && !c.req.header('X-Yoti-Auth-Id')) {
        c.req.raw.headers.set('X-Yoti-Auth-Id', c.req.param('sdkId'));
      }
      await next();
    },
    signed,
    async (c) => {
      if (c.get('yotiApp').sdkId !== c.req.param('sdkId')) {
        return yotiErrorResponse(c, {
          status: 403,
          code: 'FORBIDDEN',
          message: 'An app can only configure itself',
        });
      }
      const config = await parseConfig(c);
      if (!config.ok) return config.response;
      sessions.setAppResponseConfig(c.req.param('sdkId'), config.value);
      return c.body(null, 204);
    },
  );

  return api;
}
