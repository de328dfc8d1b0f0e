import { Hono } from 'hono';
import { z } from 'zod';
import type { YotiSignedEnv } from '../auth/verify-signed-request.js';
import { yotiErrorResponse } from '../errors.js';
import { endedError, type IdvContext, payloadError, readJsonBody } from './http.js';
import type { IdvSessions } from './idv-sessions.js';
import { uploadedMedia } from './media.js';
import { type IdvSession, yotiTime } from './model.js';

const IMAGE_TYPES = ['image/jpeg', 'image/png'];

/** `POST .../resources/face-capture`: which FACE_CAPTURE requirement the resource answers. */
export const faceCaptureBody = z.object({
  requirement_id: z.string().describe('Id of a FACE_CAPTURE required resource of the session'),
});

/** `PUT .../face-capture/{id}/image`: the image as a multipart part. */
export const faceImageForm = z.object({
  'binary-content': z.file().describe('The face image, image/jpeg or image/png'),
});

/** The relying business supplies the face image itself: a FACE_CAPTURE resource, then its image. */
export function faceCaptureRoutes(
  sessions: IdvSessions,
  sessionOf: (c: IdvContext) => Promise<IdvSession | Response>,
): Hono<YotiSignedEnv> {
  const api = new Hono<YotiSignedEnv>();
  const { ctx } = sessions;

  api.post('/sessions/:sessionId/resources/face-capture', async (c) => {
    const session = await sessionOf(c);
    if (session instanceof Response) return session;
    const ended = endedError(c, session);
    if (ended) return ended;
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const requirementId = faceCaptureBody.safeParse(body.value).data?.requirement_id;
    const requirement = session.data.requirements.find(
      (r) => r.id === requirementId && r.type === 'FACE_CAPTURE',
    );
    if (!requirement) {
      const known = session.data.requirements.filter((r) => r.type === 'FACE_CAPTURE').map((r) => r.id);
      return payloadError(c, [
        {
          property: 'requirement_id',
          message: `must be the id of a FACE_CAPTURE required resource of the session (${known.join(', ') || 'none: request a FACE_COMPARISON check'})`,
        },
      ]);
    }
    const id = ctx.random().uuid();
    await sessions.update(session.id, (s) => ({
      ...s,
      data: {
        ...s.data,
        resources: {
          ...s.data.resources,
          face_capture: [...(s.data.resources.face_capture ?? []), { id, tasks: [] }],
        },
      },
    }));
    return c.json({ id, frames: 1 }, 201);
  });

  api.put('/sessions/:sessionId/resources/face-capture/:resourceId/image', async (c) => {
    const session = await sessionOf(c);
    if (session instanceof Response) return session;
    const ended = endedError(c, session);
    if (ended) return ended;
    const resourceId = c.req.param('resourceId');
    if (!(session.data.resources.face_capture ?? []).some((r) => r.id === resourceId)) {
      return yotiErrorResponse(c, {
        status: 404,
        code: 'RESOURCE_NOT_FOUND',
        message: `No face capture resource ${resourceId}`,
      });
    }
    const form = faceImageForm.safeParse(await c.req.parseBody().catch(() => undefined));
    const file = form.data?.['binary-content'];
    if (!file) {
      return payloadError(c, [
        {
          property: 'binary-content',
          message: 'send the image as a multipart/form-data part named binary-content',
        },
      ]);
    }
    if (!IMAGE_TYPES.includes(file.type)) {
      return payloadError(c, [
        {
          property: 'binary-content',
          message: `content type ${file.type || 'none'} is not supported; use image/jpeg or image/png`,
        },
      ]);
    }
    const at = yotiTime(ctx.clock.now());
    const media = uploadedMedia(ctx.random().uuid(), at, file.type, new Uint8Array(await file.arrayBuffer()));
    await sessions.update(session.id, (s) => ({
      ...s,
      data: {
        ...s.data,
        media: { ...s.data.media, [media.id]: media },
        requirements: s.data.requirements.map((r) =>
          r.type === 'FACE_CAPTURE' ? { ...r, state: 'COMPLETE' as const } : r,
        ),
        resources: {
          ...s.data.resources,
          face_capture: (s.data.resources.face_capture ?? []).map((r) =>
            r.id === resourceId
              ? { ...r, image: { media: { id: media.id, type: media.type, created: at, last_updated: at } } }
              : r,
          ),
        },
      },
    }));
    return c.body(null, 204);
  });

  return api;
}
