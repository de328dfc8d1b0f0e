import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { YotiAppRegistry } from '../auth/app-registry.js';
import { verifySignedRequest, type YotiSignedEnv } from '../auth/verify-signed-request.js';
import { yotiErrorResponse } from '../errors.js';
import { configurationView } from './configuration-view.js';
import { faceCaptureRoutes } from './face-capture-routes.js';
import { type IdvContext, payloadError, readJsonBody, sessionNotFound } from './http.js';
import type { IdvSessions } from './idv-sessions.js';
import type { IdvSession } from './model.js';
import { createResultView, sessionView } from './session-view.js';
import { supportedDocuments } from './supported-documents.js';
import { validateCreateSession } from './validate.js';

/** `GET /supported-documents`: non-Latin documents are left out unless asked for. */
export const supportedDocumentsQuery = z.object({
  includeNonLatin: z.string().optional().describe('true to list documents in non-Latin scripts too'),
});

/**
 * The IDV sessions API below one base (`/idverify/v1`, or `/sandbox/idverify/v1` for the hosted
 * sandbox), every route signed with the app's key; `prefix` is the full mount path to strip.
 */
export function idvApi(sessions: IdvSessions, apps: YotiAppRegistry, prefix: string): Hono<YotiSignedEnv> {
  const api = new Hono<YotiSignedEnv>();
  const signed = verifySignedRequest({ apps, prefix });
  const { ctx } = sessions;

  /** Looks the session up for the signed app and links the request to it in the journal. */
  const sessionOf = async (c: IdvContext): Promise<IdvSession | Response> => {
    const id = c.req.param('sessionId') ?? '';
    const session = await sessions.get(id, c.get('yotiApp').sdkId);
    if (!session) {
      return yotiErrorResponse(c, {
        status: 404,
        code: 'SESSION_NOT_FOUND',
        message: sessionNotFound(id),
      });
    }
    c.set('sessionId', session.id);
    return session;
  };

  // The SDK signs this call but sends no sdkId; verify when an app is named, answer either way.
  api.get(
    '/supported-documents',
    async (c, next) => {
      if (c.req.query('sdkId') || c.req.query('sdkID') || c.req.query('appId')) return signed(c, next);
      return next();
    },
    (c) =>
      c.json(supportedDocuments(supportedDocumentsQuery.parse(c.req.query()).includeNonLatin === 'true')),
  );

  // Matches /sessions itself too.
  api.use('/sessions/*', signed);

  api.post('/sessions', async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const now = ctx.clock.now();
    const valid = validateCreateSession(body.value, now);
    if (!valid.ok) return payloadError(c, valid.errors);
    const session = await sessions.create(c.get('yotiApp').sdkId, valid);
    c.set('sessionId', session.id);
    return c.json(createResultView(session, now), 201);
  });

  api.get('/sessions/:sessionId', async (c) => {
    const session = await sessionOf(c);
    if (session instanceof Response) return session;
    return c.json(sessionView(session, ctx.clock.now()));
  });

  api.delete('/sessions/:sessionId', async (c) => {
    const session = await sessionOf(c);
    if (session instanceof Response) return session;
    await sessions.delete(session.id, 'deleted by the relying business');
    return c.body(null, 204);
  });

  api.get('/sessions/:sessionId/configuration', async (c) => {
    const session = await sessionOf(c);
    if (session instanceof Response) return session;
    return c.json(configurationView(session, sessions.configOf(session.data.sdkId), ctx.clock.now()));
  });

  api.get('/sessions/:sessionId/media/:mediaId/content', async (c) => {
    const session = await sessionOf(c);
    if (session instanceof Response) return session;
    const media = session.data.media[c.req.param('mediaId')];
    if (!media) return mediaNotFound(c);
    if (media.content === undefined) return c.body(null, 204);
    return c.body(Buffer.from(media.content, 'base64'), 200, { 'Content-Type': media.contentType });
  });

  api.delete('/sessions/:sessionId/media/:mediaId/content', async (c) => {
    const session = await sessionOf(c);
    if (session instanceof Response) return session;
    const mediaId = c.req.param('mediaId');
    if (!session.data.media[mediaId]) return mediaNotFound(c);
    await sessions.update(session.id, (s) => {
      const { content: _dropped, ...rest } = s.data.media[mediaId];
      return { ...s, data: { ...s.data, media: { ...s.data.media, [mediaId]: rest } } };
    });
    return c.body(null, 204);
  });

  api.get('/sessions/:sessionId/tracked-devices', async (c) => {
    const session = await sessionOf(c);
    if (session instanceof Response) return session;
    return c.json(session.data.trackedDevices);
  });

  api.delete('/sessions/:sessionId/tracked-devices', async (c) => {
    const session = await sessionOf(c);
    if (session instanceof Response) return session;
    await sessions.update(session.id, (s) => ({ ...s, data: { ...s.data, trackedDevices: [] } }));
    return c.body(null, 204);
  });

  api.route('/', faceCaptureRoutes(sessions, sessionOf));
  return api;
}

const mediaNotFound = (c: Context) =>
  yotiErrorResponse(c, {
    status: 404,
    code: 'MEDIA_NOT_FOUND',
    message: `No media ${c.req.param('mediaId')} in this session`,
  });
