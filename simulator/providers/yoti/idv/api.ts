import type { ApiOperation } from '../../../engine/api-document.js';
import { yotiErrorBody } from '../errors.js';
import { faceCaptureBody, faceImageForm } from './face-capture-routes.js';
import { responseConfigSchema } from './outcome.js';
import { createSessionSchema } from './payload.js';
import { supportedDocumentsQuery } from './routes.js';

const error = (description: string) => ({ description, schema: yotiErrorBody });
const session = { sessionId: 'session_id from POST /sessions' };
const signed = ['yotiSignedRequest'];

/** The IDV sessions API below `base` (/idverify/v1, or the hosted sandbox's /sandbox/idverify/v1). */
export function idvOperations(base: string, tag: string): ApiOperation[] {
  const op = (o: Omit<ApiOperation, 'tag' | 'security'> & { open?: true }): ApiOperation => {
    const { open, ...rest } = o;
    return { ...rest, path: `${base}${o.path}`, tag, ...(open ? {} : { security: signed }) };
  };
  return [
    op({
      method: 'get',
      path: '/supported-documents',
      open: true,
      summary: 'Countries and the documents IDV accepts from them (signed only when an app is named)',
      query: supportedDocumentsQuery,
      responses: { 200: { description: '`{supported_countries: [{code, supported_documents}]}`' } },
    }),
    op({
      method: 'post',
      path: '/sessions',
      summary: 'Create an IDV session',
      description:
        'Besides the schema: a session_deadline or a client_session_token_ttl (not both), a deadline in the future, resources_ttl at least 24 h past the token.',
      body: { schema: createSessionSchema },
      responses: {
        201: { description: '`{client_session_token_ttl, session_id, client_session_token}`' },
        400: error('PAYLOAD_VALIDATION with every problem in errors[]'),
        401: error('The request is not signed by the app'),
      },
    }),
    op({
      method: 'get',
      path: '/sessions/:sessionId',
      params: session,
      summary: 'The session result: state, resources, checks and their reports',
      responses: { 200: { description: 'GetSessionResult' }, 404: error('SESSION_NOT_FOUND') },
    }),
    op({
      method: 'delete',
      path: '/sessions/:sessionId',
      params: session,
      summary: 'Delete the session and its media',
      responses: { 204: { description: 'Deleted' }, 404: error('SESSION_NOT_FOUND') },
    }),
    op({
      method: 'get',
      path: '/sessions/:sessionId/configuration',
      params: session,
      summary: "The session's capture requirements",
      responses: { 200: { description: 'SessionConfiguration' }, 404: error('SESSION_NOT_FOUND') },
    }),
    op({
      method: 'get',
      path: '/sessions/:sessionId/media/:mediaId/content',
      params: { ...session, mediaId: 'Media id from the session result' },
      summary: 'Media content (document pages, selfies, reports)',
      responses: {
        200: {
          description: 'The media bytes, in their own content type',
          contentType: 'application/octet-stream',
        },
        204: { description: 'The content was deleted' },
        404: error('SESSION_NOT_FOUND or MEDIA_NOT_FOUND'),
      },
    }),
    op({
      method: 'delete',
      path: '/sessions/:sessionId/media/:mediaId/content',
      params: { ...session, mediaId: 'Media id from the session result' },
      summary: 'Delete the content of one media item',
      responses: { 204: { description: 'Deleted' }, 404: error('SESSION_NOT_FOUND or MEDIA_NOT_FOUND') },
    }),
    op({
      method: 'get',
      path: '/sessions/:sessionId/tracked-devices',
      params: session,
      summary: 'Devices that took part in the session',
      responses: { 200: { description: 'An array of device events' }, 404: error('SESSION_NOT_FOUND') },
    }),
    op({
      method: 'delete',
      path: '/sessions/:sessionId/tracked-devices',
      params: session,
      summary: 'Forget the tracked devices',
      responses: { 204: { description: 'Deleted' }, 404: error('SESSION_NOT_FOUND') },
    }),
    op({
      method: 'post',
      path: '/sessions/:sessionId/resources/face-capture',
      params: session,
      summary: 'Add a face capture resource for a FACE_CAPTURE requirement',
      body: { schema: faceCaptureBody },
      responses: {
        201: { description: '`{id, frames}`' },
        400: error('Not a FACE_CAPTURE requirement of the session'),
        404: error('SESSION_NOT_FOUND'),
        409: error('SESSION_NOT_ONGOING'),
      },
    }),
    op({
      method: 'put',
      path: '/sessions/:sessionId/resources/face-capture/:resourceId/image',
      params: { ...session, resourceId: 'id from POST .../resources/face-capture' },
      summary: 'Upload the face image of a face capture resource',
      body: { schema: faceImageForm, contentType: 'multipart/form-data' },
      responses: {
        204: { description: 'Stored; the FACE_CAPTURE requirement is complete' },
        400: error('No binary-content part, or not JPEG or PNG'),
        404: error('SESSION_NOT_FOUND or RESOURCE_NOT_FOUND'),
        409: error('SESSION_NOT_ONGOING'),
      },
    }),
  ];
}

/** The hosted sandbox's outcome API: what checks and tasks of a session, or of an app, report. */
export function sandboxIdvOperations(base: string): ApiOperation[] {
  const tag = 'idv-sandbox';
  return [
    {
      method: 'put',
      path: `${base}/sessions/:sessionId/response-config`,
      params: session,
      tag,
      security: signed,
      summary: "Set one session's check reports and task results",
      body: { schema: responseConfigSchema },
      responses: {
        204: { description: 'Set' },
        400: error('PAYLOAD_VALIDATION'),
        404: error('SESSION_NOT_FOUND'),
      },
    },
    {
      method: 'put',
      path: `${base}/apps/:sdkId/response-config`,
      params: { sdkId: "The app's SDK id" },
      tag,
      security: signed,
      summary: 'Set the check reports and task results of every later session of an app',
      body: { schema: responseConfigSchema },
      responses: { 204: { description: 'Set' }, 400: error('PAYLOAD_VALIDATION'), 403: error('Another app') },
    },
  ];
}
