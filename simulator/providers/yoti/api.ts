import type { ApiDescription, ApiOperation } from '../../engine/api-document.js';
import type { AsyncApiDescription } from '../../engine/async-api-document.js';
import { amlProfileSchema } from './aml/routes.js';
import { digitalIdErrorBody } from './digital-id/errors.js';
import { shareSessionRequestSchema } from './digital-id/payload.js';
import { appAction, webClientQuery } from './digital-id/web-client.js';
import { yotiErrorBody } from './errors.js';
import { idvOperations, sandboxIdvOperations } from './idv/api.js';
import { dynamicScenarioSchema } from './profile/dynamic-scenario.js';
import { qrImageBody } from './qr-image.js';
import { tokenRequestSchema } from './sandbox/token-request.js';
import { connectSessionStatus, connectSessionSubscription } from './share/socket.js';

const error = (description: string) => ({ description, schema: yotiErrorBody });
const digitalIdError = (description: string) => ({ description, schema: digitalIdErrorBody });
const signed = ['yotiSignedRequest'];

const share: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1.1/sessions/apps/:sdkId/scenarios/:scenarioId',
    params: {
      sdkId: "The app's SDK id",
      scenarioId: 'A scenario id of the app (scenario file: yoti.apps[].scenarios)',
    },
    tag: 'share',
    summary: 'Step 1 of the non-browser client: a QR code for one of the app’s scenarios',
    responses: {
      200: { description: '`{qrcode, ref_id}`' },
      404: error('APP_NOT_FOUND or SCENARIO_NOT_FOUND'),
    },
  },
  {
    method: 'get',
    path: '/api/v1.1/qrcodes/refs/:refId',
    params: { refId: 'ref_id from step 1' },
    tag: 'share',
    summary: 'Step 2: the QR code’s metadata; session_data names the websocket',
    responses: {
      200: { description: '`{name, policy, application_id, …, sharing_token, session_data}`' },
      404: error('NOT_FOUND'),
    },
  },
];

const profile: ApiOperation[] = [
  ...['/api/v1', '/sandbox/v1'].map(
    (base): ApiOperation => ({
      method: 'get',
      path: `${base}/profile/:token`,
      params: { token: 'The encrypted token the share gave' },
      headers: { 'X-Yoti-Auth-Key': { description: "The app's public key (base64 DER)", required: true } },
      tag: 'profile',
      security: signed,
      summary: 'Exchange a share token for the receipt',
      responses: {
        200: { description: '`{session_data, receipt}`' },
        401: error('Not signed by the app'),
        404: error('The token is unknown or used'),
      },
    }),
  ),
  {
    method: 'post',
    path: '/api/v1/qrcodes/apps/:appId',
    params: { appId: "The app's SDK id" },
    tag: 'profile',
    security: signed,
    summary: 'A dynamic share: a QR code for a policy the backend builds',
    body: { schema: dynamicScenarioSchema },
    responses: {
      200: { description: '`{qrcode, ref_id}`' },
      400: error('PAYLOAD_VALIDATION'),
      403: error('Signed for another app'),
    },
  },
  {
    method: 'post',
    path: '/api/v1/qrcodes/image',
    tag: 'profile',
    summary: 'A QR code image of a URL, SVG or PNG by Accept',
    body: { schema: qrImageBody },
    responses: {
      200: { description: 'The image (image/svg+xml or image/png, by Accept)', contentType: 'image/svg+xml' },
      400: error('No url, or too long to draw'),
      406: error('Accept names neither image type'),
    },
  },
  {
    method: 'post',
    path: '/api/v1/aml-check',
    tag: 'aml',
    security: signed,
    summary: 'AML check: is the person on PEP, fraud or watch lists (scenario yoti.aml.entries)',
    body: { schema: amlProfileSchema },
    responses: {
      200: { description: '`{on_pep_list, on_fraud_list, on_watch_list}`' },
      400: error('PAYLOAD_VALIDATION'),
    },
  },
  {
    method: 'post',
    path: '/sandbox/v1/apps/:sdkId/tokens',
    params: { sdkId: "The app's SDK id" },
    tag: 'sandbox',
    security: signed,
    summary: 'Sandbox: a share token carrying exactly the posted attributes',
    body: { schema: tokenRequestSchema },
    responses: { 201: { description: '`{token}`' }, 400: error('PAYLOAD_VALIDATION') },
  },
];

const sessionId = { id: 'Share session id from POST /share/v2/sessions' };
const digitalId: ApiOperation[] = [
  {
    method: 'post',
    path: '/share/v2/sessions',
    tag: 'digital-id',
    security: signed,
    summary: 'Create a share session (DigitalIdentityClient.createShareSession)',
    body: { schema: shareSessionRequestSchema },
    responses: { 200: { description: '`{id, status, expiry}`' }, 400: digitalIdError('PAYLOAD_VALIDATION') },
  },
  {
    method: 'get',
    path: '/share/v2/sessions/:id',
    params: sessionId,
    tag: 'digital-id',
    security: signed,
    summary: 'A share session: status, scanned QR code, receipt',
    responses: {
      200: { description: '`{id, status, created, updated, expiry, qrCode?, receipt?}`' },
      404: digitalIdError('NOT_FOUND'),
    },
  },
  {
    method: 'post',
    path: '/share/v2/sessions/:id/qr-codes',
    params: sessionId,
    tag: 'digital-id',
    security: signed,
    summary: 'A QR code for the session',
    responses: {
      200: { description: '`{id, uri}`' },
      400: digitalIdError('SESSION_NOT_ACTIVE'),
      404: digitalIdError('NOT_FOUND'),
    },
  },
  {
    method: 'get',
    path: '/share/v2/qr-codes/:id',
    params: { id: 'QR code id' },
    tag: 'digital-id',
    security: signed,
    summary: 'A QR code: its policy, extensions and session',
    responses: {
      200: { description: '`{id, expiry, policy, extensions, session, redirectUri}`' },
      404: digitalIdError('NOT_FOUND'),
    },
  },
  {
    method: 'get',
    path: '/share/v2/receipts/:receiptId',
    params: { receiptId: 'Receipt id (base64, URL-safe or standard)' },
    tag: 'digital-id',
    security: signed,
    summary: 'The receipt of a completed share',
    responses: {
      200: { description: 'The receipt, content encrypted with the wrapped item key' },
      404: digitalIdError('NOT_FOUND'),
    },
  },
  {
    method: 'get',
    path: '/share/v2/wrapped-item-keys/:id',
    params: { id: 'Wrapped item key id from the receipt' },
    tag: 'digital-id',
    security: signed,
    summary: 'The receipt’s item key, wrapped with the app’s public key',
    responses: { 200: { description: '`{id, iv, value}`' }, 404: digitalIdError('NOT_FOUND') },
  },
];

const webClient: ApiOperation[] = [
  {
    method: 'get',
    path: '/share/client/v2',
    tag: 'web-share-client',
    summary: 'The web share client script (stand-in for www.yoti.com/share/client/v2)',
    responses: { 200: { description: 'JavaScript', contentType: 'text/javascript' } },
  },
  {
    method: 'get',
    path: '/share/client/v2/sessions/:id',
    params: sessionId,
    query: webClientQuery,
    tag: 'web-share-client',
    summary:
      'kyc-sim’s own: the session as the stand-in page shows it (a QR code is added when there is none)',
    responses: {
      200: { description: '`{id, status, expiry, qrCode: {id, uri, svg} | null, receiptId}`' },
      404: digitalIdError('NOT_FOUND'),
    },
  },
  {
    method: 'post',
    path: '/share/client/v2/sessions/:id/app',
    params: sessionId,
    query: webClientQuery,
    tag: 'web-share-client',
    summary: 'kyc-sim’s own: play the Yoti app on the session (scan, share, decline, fail)',
    body: { schema: appAction },
    responses: {
      200: { description: 'The session as the page shows it' },
      400: digitalIdError('Not an action'),
      404: digitalIdError('NOT_FOUND'),
      409: digitalIdError('SESSION_NOT_ACTIVE'),
    },
  },
];

export const yotiApi: ApiDescription = {
  title: 'Yoti (simulated by kyc-sim)',
  description:
    'https://api.yoti.com as kyc-sim serves it below /yoti: the share v1 QR flow, profile exchange and dynamic share, AML, the sandbox, IDV and its sandbox, Digital ID (share v2) and the web share client. Paths below the prefix are Yoti’s own. Errors are `{code, message, errors?}` (Digital ID: `{error, message, errors?}`).',
  securitySchemes: {
    yotiSignedRequest: {
      type: 'apiKey',
      in: 'header',
      name: 'X-Yoti-Auth-Digest',
      description:
        'RSA-SHA256 signature, base64, of `METHOD&PATH?QUERY` (plus `&base64(body)` when there is one) with the app’s private key; PATH is below the API’s base. The query carries `nonce` (UUID, once), `timestamp` (µs or ms) and the app as `appId`/`sdkId`/`sdkID` (or X-Yoti-Auth-Id, or the path’s app id). The official SDKs do all of this.',
    },
  },
  operations: [
    ...share,
    ...profile,
    ...idvOperations('/idverify/v1', 'idv'),
    ...idvOperations('/sandbox/idverify/v1', 'idv-sandbox'),
    ...sandboxIdvOperations('/sandbox/idverify/v1'),
    ...digitalId,
    ...webClient,
  ],
};

export const yotiSocketApi: AsyncApiDescription = {
  title: 'Yoti connect-sessions websocket (simulated by kyc-sim)',
  description:
    'Steps 3 and 4 of the non-browser client guide: subscribe to a share by its session_data and hear its outcome. ACCEPTED (or REJECTED for an unknown session) first, then exactly one outcome, then a normal close (1000).',
  channels: [
    {
      id: 'connectSessions',
      address: '/api/v1.1/connect-sessions/{sessionData}',
      description: 'One share session’s outcome. Plain HTTP upgrade; wss with --https.',
      params: { sessionData: 'session_data from GET /api/v1.1/qrcodes/refs/{refId}' },
      sends: {
        status: {
          summary: 'ACCEPTED or REJECTED on connect; then COMPLETED (with the token), FAILED or TIMED_OUT',
          schema: connectSessionStatus,
        },
      },
      receives: {
        subscription: {
          summary: 'The client may announce its subscription; nothing is owed in reply',
          schema: connectSessionSubscription,
        },
      },
    },
  ],
};

/** Its adminApp, below /__admin/yoti. */
export const yotiAdminOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/apps',
    summary: 'The scenario’s Yoti apps, their scenarios and keys',
    responses: {
      200: { description: '`{apps: [{sdkId, name, …, key: {source, publicKey, privateKeyUrl?}}]}`' },
    },
  },
  {
    method: 'get',
    path: '/apps/:sdkId/key.pem',
    params: { sdkId: "The app's SDK id" },
    summary: 'The private key kyc-sim made for an app, for its backend',
    responses: {
      200: { description: 'PEM', contentType: 'application/x-pem-file' },
      404: { description: 'No such app, or its key is registered (public only)' },
    },
  },
];
