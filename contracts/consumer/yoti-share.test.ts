import { rmSync } from 'node:fs';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  QrRequestError,
  RefResolveError,
  readShareMessage,
  requestQrCode,
  resolveRef,
} from '../../clients/yoti-share/index.js';
import {
  CONSUMER,
  EXAMPLE_REF_ID,
  EXAMPLE_SESSION_DATA,
  EXAMPLE_TOKEN,
  exampleQrUrl,
  MESSAGES,
  PACT_DIR,
  SCENARIO_ID,
  SDK_ID,
  STATES,
  YOTI_PROVIDER,
  yotiPactFile,
} from '../support/yoti-share-contract.js';

const { like, regex, fromProviderState } = MatchersV3;

/**
 * What the kiosk client needs from Yoti's share API: the QR and refs requests (HTTP) and each
 * connect-sessions websocket message (asynchronous messages, read by the client's own handler).
 * Only fields the client reads are in the contract.
 */
const pact = new PactV4({ consumer: CONSUMER, provider: YOTI_PROVIDER, dir: PACT_DIR, logLevel: 'warn' });
const step = { timeoutMs: 5_000, retry: { retries: 0, backoffMs: 0 } };

beforeAll(() => {
  // Interactions merge into the file; start afresh so a renamed one does not linger.
  rmSync(yotiPactFile, { force: true });
});

describe('QR code request', () => {
  it('decodes the ref_id of the QR code it gets', async () => {
    await pact
      .addInteraction()
      .given(STATES.appWithScenario, { sdkId: SDK_ID, scenarioId: SCENARIO_ID })
      .uponReceiving('a request for a QR code')
      .withRequest('GET', `/api/v1.1/sessions/apps/${SDK_ID}/scenarios/${SCENARIO_ID}`)
      .willRespondWith(200, (res) =>
        res.jsonBody({ qrcode: regex('^https://code\\.yoti\\.com/[A-Za-z0-9_-]+$', exampleQrUrl()) }),
      )
      .executeTest(async (server) => {
        const qr = await requestQrCode(server.url, SDK_ID, SCENARIO_ID, step);
        expect(qr.refId).toBe(EXAMPLE_REF_ID);
      });
  });

  it('reports an unknown app as QrRequestError 404 with the Yoti error code', async () => {
    await pact
      .addInteraction()
      .given(STATES.noApp, { sdkId: 'unknown-sdk-id' })
      .uponReceiving('a request for a QR code of an unknown app')
      .withRequest('GET', `/api/v1.1/sessions/apps/unknown-sdk-id/scenarios/${SCENARIO_ID}`)
      .willRespondWith(404, (res) =>
        res.jsonBody({ code: like('APP_NOT_FOUND'), message: like('No application') }),
      )
      .executeTest(async (server) => {
        const error = await requestQrCode(server.url, 'unknown-sdk-id', SCENARIO_ID, step).catch((e) => e);
        expect(error).toBeInstanceOf(QrRequestError);
        expect(error.status).toBe(404);
        expect(error.code).toBe('APP_NOT_FOUND');
      });
  });
});

describe('QR metadata request', () => {
  it('reads session_data and callback_endpoint for a ref_id', async () => {
    await pact
      .addInteraction()
      .given(STATES.qrIssued, { sdkId: SDK_ID, scenarioId: SCENARIO_ID })
      .uponReceiving('a request for the metadata of a QR code')
      .withRequest(
        'GET',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a Pact provider-state expression, filled in at verification
        fromProviderState('/api/v1.1/qrcodes/refs/${refId}', `/api/v1.1/qrcodes/refs/${EXAMPLE_REF_ID}`),
      )
      .willRespondWith(200, (res) =>
        res.jsonBody({
          session_data: like(EXAMPLE_SESSION_DATA),
          callback_endpoint: like('https://rp.example.com/yoti/callback'),
          application_name: like('Yoti App'),
        }),
      )
      .executeTest(async (server) => {
        const metadata = await resolveRef(server.url, EXAMPLE_REF_ID, step);
        expect(metadata.sessionData).toBe(EXAMPLE_SESSION_DATA);
        expect(metadata.callbackEndpoint).toBe('https://rp.example.com/yoti/callback');
      });
  });

  it('reports an unknown ref_id as RefResolveError 404', async () => {
    await pact
      .addInteraction()
      .given(STATES.noRef)
      .uponReceiving('a request for the metadata of an unknown QR code')
      .withRequest('GET', '/api/v1.1/qrcodes/refs/unknown-ref-id')
      .willRespondWith(404)
      .executeTest(async (server) => {
        const error = await resolveRef(server.url, 'unknown-ref-id', step).catch((e) => e);
        expect(error).toBeInstanceOf(RefResolveError);
        expect(error.status).toBe(404);
      });
  });
});

describe('connect-sessions websocket messages', () => {
  const subscription = like(EXAMPLE_SESSION_DATA);
  const cases = [
    { state: STATES.sessionLive, description: MESSAGES.accepted, status: 'ACCEPTED', kind: 'accepted' },
    { state: STATES.sessionUnknown, description: MESSAGES.rejected, status: 'REJECTED', kind: 'rejected' },
    { state: STATES.sessionFails, description: MESSAGES.failed, status: 'FAILED', kind: 'failed' },
    { state: STATES.sessionTimesOut, description: MESSAGES.timedOut, status: 'TIMED_OUT', kind: 'timed-out' },
  ] as const;

  it.each(cases)('reads $status as $kind', async ({ state, description, status, kind }) => {
    await pact
      .addAsynchronousInteraction()
      .given(state)
      .expectsToReceive(description, (m) => m.withJSONContent({ status, subscription }))
      .executeTest(async (message) => {
        const read = readShareMessage(message.contents.content, EXAMPLE_SESSION_DATA);
        expect(read).toEqual({ kind, subscription: EXAMPLE_SESSION_DATA });
      });
  });

  it('reads COMPLETED with the URL-safe token it forwards', async () => {
    await pact
      .addAsynchronousInteraction()
      .given(STATES.sessionCompletes)
      .expectsToReceive(MESSAGES.completed, (m) =>
        m.withJSONContent({
          status: 'COMPLETED',
          subscription,
          token: regex('^[A-Za-z0-9_-]+={0,2}$', EXAMPLE_TOKEN),
        }),
      )
      .executeTest(async (message) => {
        const read = readShareMessage(message.contents.content, EXAMPLE_SESSION_DATA);
        expect(read).toEqual({ kind: 'completed', subscription: EXAMPLE_SESSION_DATA, token: EXAMPLE_TOKEN });
      });
  });
});
