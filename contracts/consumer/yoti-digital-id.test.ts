import { rmSync } from 'node:fs';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { beforeAll, describe, expect, it } from 'vitest';
import { YotiDigitalIdClient, YotiDigitalIdError } from '../../clients/yoti-digital-id/index.js';
import { yotiAppKeyPair } from '../support/rsa-keys.js';
import {
  CONSUMER,
  contractConfig,
  digitalIdPactFile,
  EXAMPLE_ITEM_KEY_ID,
  EXAMPLE_QR_ID,
  EXAMPLE_RECEIPT_ID,
  EXAMPLE_SESSION_ID,
  ISO_TIME,
  PACT_DIR,
  PROVIDER,
  SDK_ID,
  STATES,
  UUID,
} from '../support/yoti-digital-id-contract.js';

const { like, regex, eachLike, fromProviderState } = MatchersV3;

/**
 * What clients/yoti-digital-id needs from Yoti's Digital ID API. Requests are signed (the
 * contract holds the form of nonce, timestamp and digest; the verification re-signs) and name
 * the app in X-Yoti-Auth-Id. Encrypted fields are held by type: the client's decryption is
 * checked against the simulator itself (test/yoti-digital-id-client.test.ts).
 */
const pact = new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir: PACT_DIR, logLevel: 'warn' });
let privateKeyPem: string;

beforeAll(async () => {
  rmSync(digitalIdPactFile, { force: true });
  ({ privateKeyPem } = await yotiAppKeyPair());
});

const signedQuery = () => ({
  nonce: regex(UUID, '3f1e2d3c-4b5a-4987-8a6b-5c4d3e2f1a0b'),
  timestamp: regex('^\\d{10,13}$', '1700000000000'),
});
const signedHeaders = {
  'X-Yoti-Auth-Id': SDK_ID,
  'X-Yoti-Auth-Digest': regex('^[A-Za-z0-9+/]+={0,2}$', 'c2lnbmF0dXJl'),
  Accept: 'application/json',
};
const base64 = (example: string) => regex('^[A-Za-z0-9+/]+={0,2}$', example);
const time = () => regex(ISO_TIME, '2026-12-02T10:00:00.000Z');
const urlSafeReceiptId = Buffer.from(EXAMPLE_RECEIPT_ID, 'base64').toString('base64url');
/** A signed GET, in a state, of a path the verification fills in from that state. */
const signedGet = (state: string, description: string, statePath: string, examplePath: string) =>
  pact
    .addInteraction()
    .given(state, { sdkId: SDK_ID })
    .uponReceiving(description)
    .withRequest('GET', fromProviderState(statePath, examplePath), (req) =>
      req.query(signedQuery()).headers(signedHeaders),
    );
const client = (url: string) => new YotiDigitalIdClient({ baseUrl: url, sdkId: SDK_ID, privateKeyPem });

describe('share sessions', () => {
  it('creates a share session', async () => {
    await pact
      .addInteraction()
      .given(STATES.app, { sdkId: SDK_ID })
      .uponReceiving('a signed request to create a share session')
      .withRequest('POST', '/v2/sessions', (req) =>
        req
          .query(signedQuery())
          .headers({ ...signedHeaders, 'Content-Type': 'application/json' })
          .jsonBody(contractConfig),
      )
      .willRespondWith(200, (res) =>
        res.jsonBody({
          id: regex('^ss\\.v2\\.[A-Za-z0-9_-]+$', EXAMPLE_SESSION_ID),
          status: 'CREATED',
          expiry: time(),
        }),
      )
      .executeTest(async (server) => {
        const created = await client(server.url).createSession(contractConfig);
        expect(created).toEqual({
          id: EXAMPLE_SESSION_ID,
          status: 'CREATED',
          expiry: '2026-12-02T10:00:00.000Z',
        });
      });
  });

  it('creates a QR code for a created session', async () => {
    await pact
      .addInteraction()
      .given(STATES.created, { sdkId: SDK_ID })
      .uponReceiving('a signed request for a QR code of the session')
      .withRequest(
        'POST',
        fromProviderState(
          `/v2/sessions/\${sessionId}/qr-codes`,
          `/v2/sessions/${EXAMPLE_SESSION_ID}/qr-codes`,
        ),
        (req) =>
          req
            .query(signedQuery())
            .headers({ ...signedHeaders, 'Content-Type': 'application/json' })
            .jsonBody({}),
      )
      .willRespondWith(200, (res) =>
        res.jsonBody({ id: like(EXAMPLE_QR_ID), uri: like(`https://code.yoti.com/${EXAMPLE_QR_ID}`) }),
      )
      .executeTest(async (server) => {
        const qr = await client(server.url).createQrCode(EXAMPLE_SESSION_ID);
        expect(qr.uri.endsWith(qr.id)).toBe(true);
      });
  });

  it('reads a completed session with its scanned QR code and receipt', async () => {
    await signedGet(
      STATES.completed,
      'a signed request for a completed share session',
      `/v2/sessions/\${sessionId}`,
      `/v2/sessions/${EXAMPLE_SESSION_ID}`,
    )
      .willRespondWith(200, (res) =>
        res.jsonBody({
          id: like(EXAMPLE_SESSION_ID),
          status: 'COMPLETED',
          created: time(),
          updated: time(),
          expiry: time(),
          qrCode: { id: like(EXAMPLE_QR_ID) },
          receipt: { id: base64(EXAMPLE_RECEIPT_ID) },
        }),
      )
      .executeTest(async (server) => {
        const session = await client(server.url).getSession(EXAMPLE_SESSION_ID);
        expect(session.status).toBe('COMPLETED');
        expect(session.receipt?.id).toBe(EXAMPLE_RECEIPT_ID);
      });
  });

  it('gets 404 with the error body for an unknown session', async () => {
    await pact
      .addInteraction()
      .given(STATES.app, { sdkId: SDK_ID })
      .uponReceiving('a signed request for an unknown share session')
      .withRequest('GET', '/v2/sessions/ss.v2.unknown', (req) =>
        req.query(signedQuery()).headers(signedHeaders),
      )
      .willRespondWith(404, (res) => res.jsonBody({ error: 'NOT_FOUND', message: like('No share session') }))
      .executeTest(async (server) => {
        const error = await client(server.url)
          .getSession('ss.v2.unknown')
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(YotiDigitalIdError);
        expect((error as YotiDigitalIdError).code).toBe('NOT_FOUND');
      });
  });
});

describe('receipts', () => {
  it('fetches a completed receipt by its URL-safe id', async () => {
    await signedGet(
      STATES.completed,
      'a signed request for the receipt of a completed share',
      `/v2/receipts/\${receiptIdUrl}`,
      `/v2/receipts/${urlSafeReceiptId}`,
    )
      .willRespondWith(200, (res) =>
        res.jsonBody({
          id: base64(EXAMPLE_RECEIPT_ID),
          sessionId: like(EXAMPLE_SESSION_ID),
          timestamp: time(),
          rememberMeId: like('cmVtZW1iZXItbWU='),
          parentRememberMeId: like('cGFyZW50'),
          content: { profile: base64('Y29udGVudA=='), extraData: like('') },
          otherPartyContent: { profile: base64('cHJvZmlsZQ=='), extraData: like('') },
          wrappedItemKeyId: like(EXAMPLE_ITEM_KEY_ID),
          wrappedKey: base64('d3JhcHBlZC1rZXk='),
        }),
      )
      .executeTest(async (server) => {
        const receipt = await client(server.url).fetchReceipt(EXAMPLE_RECEIPT_ID);
        expect(receipt.wrappedItemKeyId).toBe(EXAMPLE_ITEM_KEY_ID);
      });
  });

  it('fetches the wrapped item key of a receipt', async () => {
    await signedGet(
      STATES.completed,
      'a signed request for the wrapped item key of a receipt',
      `/v2/wrapped-item-keys/\${itemKeyId}`,
      `/v2/wrapped-item-keys/${EXAMPLE_ITEM_KEY_ID}`,
    )
      .willRespondWith(200, (res) =>
        res.jsonBody({
          id: like(EXAMPLE_ITEM_KEY_ID),
          iv: base64('aXYtaXYtaXYtaXY='),
          value: base64('dmFsdWU='),
        }),
      )
      .executeTest(async (server) => {
        const key = await client(server.url).fetchItemKey(EXAMPLE_ITEM_KEY_ID);
        expect(key.id).toBe(EXAMPLE_ITEM_KEY_ID);
      });
  });

  it('resolves a failure receipt to its error and reason', async () => {
    await signedGet(
      STATES.failed,
      'a signed request for a failure receipt',
      `/v2/receipts/\${receiptIdUrl}`,
      `/v2/receipts/${urlSafeReceiptId}`,
    )
      .willRespondWith(200, (res) =>
        res.jsonBody({
          id: base64(EXAMPLE_RECEIPT_ID),
          sessionId: like(EXAMPLE_SESSION_ID),
          timestamp: time(),
          error: 'MANDATORY_DOCUMENT_NOT_PROVIDED',
          errorReason: {
            requirements_not_met_details: eachLike({ failure_type: like('ID_DOCUMENT_EXTRACTION') }),
          },
        }),
      )
      .executeTest(async (server) => {
        const receipt = await client(server.url).resolveReceipt(EXAMPLE_RECEIPT_ID);
        expect(receipt.error).toBe('MANDATORY_DOCUMENT_NOT_PROVIDED');
        expect(receipt.profile).toEqual({});
      });
  });
});
