import { z } from 'zod';
import type { ApiDescription, ApiResponse } from '../../engine/api-document.js';
import { builtOnFirstUse } from '../../engine/lazy-schema.js';
import { createBody } from './api-routes.js';
import { decisionBody, launchBody, runQuery } from './device-routes.js';

/** The body sendAttestrError and attestrErrorResponse write (a test holds real answers to it). */
export const attestrErrorBody = builtOnFirstUse(() =>
  z.object({
    httpStatusCode: z.number().int(),
    code: z.number().int().describe('e.g. 4001 malformed, 4016 authorization, 4291 rate limit'),
    message: z.string().describe("The code's documented text"),
    details: z.unknown().optional().describe('What exactly went wrong'),
  }),
);

const error = (description: string): ApiResponse => ({ description, schema: attestrErrorBody });
const version = { version: 'API version: v1 or v2' };
const handshake = { hs: 'Handshake _id' };

export const attestrApi: ApiDescription = {
  title: 'Attestr FlowX (simulated by kyc-sim)',
  description:
    'https://api.attestr.com and cdn.attestr.com/flowx.js as kyc-sim serves them below /attestr: Create Handshake and Execution Result, the flowx.js stand-in, and the endpoints it talks to (kyc-sim’s own). Errors are `{httpStatusCode, code, message, details?}`.',
  securitySchemes: {
    basicAuthToken: {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description: '`Basic <authToken>` of an app in the scenario (attestr.clients[].authToken), sent as is.',
    },
  },
  operations: [
    {
      method: 'post',
      path: '/api/:version/public/flowx/handshake',
      params: version,
      tag: 'api',
      security: ['basicAuthToken'],
      summary: 'Create Handshake: one verification run of a flow, to launch in flowx.js',
      body: { schema: createBody },
      responses: {
        200: { description: '`{_id, number, digest}`' },
        400: error(
          '4001 malformed, 4002 unknown flow or snapshot, 4005 credits, 40034 inactive, 40051 version',
        ),
        401: error('4016 authorization'),
        403: error('4031 suspended, 4035 not provisioned, 4039 IP'),
        429: error('4291/4292/4293 rate limits'),
      },
    },
    {
      method: 'get',
      path: '/api/:version/public/flowx/handshake/:id',
      params: { ...version, id: 'Handshake _id' },
      tag: 'api',
      security: ['basicAuthToken'],
      summary: 'Execution Result: the handshake with its signed result once the run is done',
      responses: {
        200: { description: '`{_id, number, tag, requestId, consumed, archived, result, resultSignature}`' },
        400: error('4001 unknown handshake'),
        401: error('4016 authorization'),
      },
    },
    {
      method: 'get',
      path: '/flowx.js',
      tag: 'device',
      summary: 'The flowx.js stand-in (for cdn.attestr.com/flowx.js), its base set to this kyc-sim',
      responses: { 200: { description: 'JavaScript', contentType: 'text/javascript' } },
    },
    {
      method: 'post',
      path: '/flowx/sim/runs',
      tag: 'device',
      summary: 'kyc-sim’s own, for flowx.js: launch a run of a handshake',
      body: { schema: launchBody },
      responses: {
        200: { description: 'The run: stages and where it stands' },
        400: error('4001, 4081 expired, …'),
      },
    },
    {
      method: 'get',
      path: '/flowx/sim/runs/:hs',
      params: handshake,
      query: runQuery,
      tag: 'device',
      summary: 'kyc-sim’s own, for flowx.js: poll a run',
      responses: { 200: { description: 'The run' }, 400: error('4001 not this client’s handshake') },
    },
    {
      method: 'post',
      path: '/flowx/sim/runs/:hs/stages/:stage',
      params: { ...handshake, stage: 'The running stage' },
      tag: 'device',
      summary: 'kyc-sim’s own, for the overlay: the tester decides the running stage',
      body: { schema: decisionBody },
      responses: { 200: { description: 'The run' }, 400: error('4001 malformed or not the running stage') },
    },
  ],
};
