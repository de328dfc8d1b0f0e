import { z } from 'zod';
import type { ApiDescription, ApiOperation, ApiResponse } from '../../engine/api-document.js';
import { createSessionBody, resultQuery } from './api-routes.js';

/** The body biometricErrorResponse writes: Django REST framework's (a test holds real answers to it). */
export const biometricErrorBody = z.object({ detail: z.string() });

const error = (description: string): ApiResponse => ({ description, schema: biometricErrorBody });
const page = (description: string): ApiResponse => ({ description, contentType: 'text/html' });
const sessionId = { id: 'session_id from session create' };

/**
 * The flow pages and their step form, below /remote (remote.biometric.kz) or /test (the Android
 * SDK's legacy test.biometric.kz). The form is the page's own; kyc-sim reads its fields leniently.
 */
const flowPages = (base: string, tag: string): ApiOperation[] => [
  {
    method: 'get',
    path: `${base}/flow/:id`,
    params: sessionId,
    tag,
    summary: 'The flow page of a session: the current technology, or the choice between them',
    responses: {
      200: page('The step page'),
      404: page('No such session'),
      410: page('The session has ended'),
    },
  },
  {
    method: 'post',
    path: `${base}/flow/:id/step`,
    params: sessionId,
    tag,
    summary: 'The step form: choose a technology, or finish the current one (scenario, tester, camera)',
    body: {
      contentType: 'application/x-www-form-urlencoded',
      description:
        'The page’s form: choice | technology with action (scenario, tester, camera, edocument-input) and its fields',
    },
    responses: {
      303: { description: 'To the flow page again, or to where the flow finishes' },
      404: page('No such session'),
      410: page('The session has ended'),
    },
  },
];

export const biometricApi: ApiDescription = {
  title: 'Biometric.kz Flow (simulated by kyc-sim)',
  description:
    'kyc.biometric.kz (/kyc), remote.biometric.kz (/remote) and the Android SDK’s legacy test.biometric.kz (/test) as kyc-sim serves them below /biometric. API errors are `{detail}`.',
  operations: [
    {
      method: 'post',
      path: '/kyc/api/v1/flows/session/create/',
      tag: 'api',
      summary: 'Create a flow session (the body is read as JSON whatever its Content-Type)',
      body: { schema: createSessionBody },
      responses: {
        200: { description: '`{session_id, technologies}`' },
        400: error('A field is missing or wrong'),
        403: error('The flow is not active'),
        404: error('No flow with this api_key'),
      },
    },
    {
      method: 'get',
      path: '/kyc/api/v1/flows/session/result/',
      tag: 'api',
      summary: 'The session result: status, per-technology results, failure reasons',
      query: resultQuery,
      responses: {
        200: { description: 'The result' },
        400: error('Missing or malformed query'),
        404: error('No such flow or session'),
      },
    },
    ...flowPages('/remote', 'remote'),
    {
      method: 'get',
      path: '/remote/finished',
      tag: 'remote',
      summary: 'Where the flow lands when done; apps watch for this URL',
      responses: { 200: page('The finished page') },
    },
    {
      method: 'get',
      path: '/remote/widget/flow-widget.umd.js',
      tag: 'remote',
      summary: 'The FlowWidget stand-in that embeds the flow in an iframe',
      responses: { 200: { description: 'JavaScript', contentType: 'text/javascript' } },
    },
    ...['/test/short', '/test/demo/short'].map(
      (path): ApiOperation => ({
        method: 'get',
        path,
        tag: 'legacy',
        summary: 'The Android SDK’s start: a new session of the flow named by api_key, then its page',
        responses: {
          303: { description: 'To the session’s flow page' },
          404: page('No such flow'),
          403: page('Inactive flow'),
        },
      }),
    ),
    ...flowPages('/test', 'legacy'),
    ...(['ok', 'fail'] as const).map(
      (outcome): ApiOperation => ({
        method: 'get',
        path: `/test/test-${outcome}.html`,
        tag: 'legacy',
        summary: `Where the legacy flow ends when it ${outcome === 'ok' ? 'passed' : 'failed'}`,
        responses: { 200: page('The end page') },
      }),
    ),
    ...['/test/v1/main/session/:id', '/test/v1/main/session/:id/'].map(
      (path): ApiOperation => ({
        method: 'get',
        path,
        params: sessionId,
        tag: 'legacy',
        summary: 'What the Android SDK reads after test-ok',
        responses: { 200: { description: 'The session' }, 404: error('Not found.') },
      }),
    ),
  ],
};
