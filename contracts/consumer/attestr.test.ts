import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { MatchersV3, PactV3 } from '@pact-foundation/pact';
import { beforeAll, describe, expect, it } from 'vitest';
import { AttestrApiError, AttestrClient, SignatureVerificationError } from '../../clients/attestr/client.js';
import { hmacHex } from '../../clients/attestr/signature.js';

/**
 * What the Attestr reference client needs from the FlowX server API. Paths carry the simulator's
 * /attestr prefix; the client reaches api.attestr.com by base URL alone.
 */
const { like, integer, boolean, regex, fromProviderState, nullValue } = MatchersV3;

/** The shapes of docs.attestr.com's samples: ids like DS02zfeuv6n4gkq51hvw6, numbers like 3804-324489-8469. */
const HANDSHAKE_ID = '^DS0[0-9a-zA-Z_-]{6,30}$';
const NUMBER = '^\\d{4}-\\d{6}-\\d{4}$';
const SNAPSHOT = 'd79c9c09-0000-4000-8000-000000000001';

const PACTS = join(import.meta.dirname, '..', 'pacts');
const pact = new PactV3({
  consumer: 'attestr-client',
  provider: 'kyc-sim-attestr',
  dir: PACTS,
  logLevel: 'warn',
});

// Pact merges into an existing file; start afresh so renamed interactions do not linger.
beforeAll(() => rmSync(join(PACTS, 'attestr-client-kyc-sim-attestr.json'), { force: true }));

const TOKEN = 'b2stdG9rZW4';
const SECRET = 'ok-secret';
const HEX64 = '^[0-9a-f]{64}$';
// biome-ignore lint/suspicious/noTemplateCurlyInString: a Pact provider-state expression, filled by the provider
const ID = '${id}';
const HANDSHAKE_PATH = '/attestr/api/v2/public/flowx/handshake';
const client = (url: string) =>
  new AttestrClient({ baseUrl: `${url}/attestr`, authToken: TOKEN, clientSecret: SECRET });

// Keys in alphabetical order, so the example text is the same whichever way the mock server orders them.
const exampleResult = { FSpan: { input: { pan: 'ABCDE1234F' }, output: { valid: true } } };
const exampleSignature = hmacHex(SECRET, JSON.stringify(exampleResult));

describe('attestr-client → Attestr FlowX server API', () => {
  it('creates a handshake for a published flow snapshot', async () => {
    pact
      .given('the app is registered and flow FLhappy is active')
      .uponReceiving('a request to create a handshake')
      .withRequest({
        method: 'POST',
        path: HANDSHAKE_PATH,
        headers: { authorization: `Basic ${TOKEN}`, 'content-type': 'application/json' },
        body: { flow: 'FLhappy', snapshot: SNAPSHOT, tag: like('user-42') },
      })
      .willRespondWith({
        status: 200,
        headers: { 'content-type': regex('application/json.*', 'application/json') },
        body: {
          _id: regex(HANDSHAKE_ID, 'DS02zfeuv6n4gkq51hvw6'),
          number: regex(NUMBER, '3804-324489-8469'),
          digest: regex(HEX64, 'a'.repeat(64)),
        },
      });
    await pact.executeTest(async (server) => {
      const hs = await client(server.url).createHandshake({
        flow: 'FLhappy',
        snapshot: SNAPSHOT,
        tag: 'user-42',
      });
      expect(hs._id).toBe('DS02zfeuv6n4gkq51hvw6');
      expect(hs.number).toBe('3804-324489-8469');
    });
  });

  it('fetches a completed execution result and verifies its signature', async () => {
    pact
      .given('a completed handshake exists')
      .uponReceiving('a request for the execution result of a completed handshake')
      .withRequest({
        method: 'GET',
        path: fromProviderState(`${HANDSHAKE_PATH}/${ID}`, `${HANDSHAKE_PATH}/DS02example0000000000`),
        headers: { authorization: `Basic ${TOKEN}` },
      })
      .willRespondWith({
        status: 200,
        body: {
          _id: fromProviderState(ID, 'DS02example0000000000'),
          number: regex(NUMBER, '3804-324489-8469'),
          tag: like('user-42'),
          requestId: like('5f0c3a52-2d7e-4a57-9a2e-3f1b7c9d0e11'),
          consumed: boolean(true),
          archived: nullValue(),
          result: like(exampleResult),
          resultSignature: regex(HEX64, exampleSignature),
        },
      });
    await pact.executeTest(async (server) => {
      const verified = await client(server.url).verifiedResult('DS02example0000000000', exampleSignature);
      expect(verified.result).toEqual(exampleResult);
    });
  });

  it('learns that an archived handshake has no result left to verify', async () => {
    pact
      .given('an archived handshake exists')
      .uponReceiving('a request for the execution result of an archived handshake')
      .withRequest({
        method: 'GET',
        path: fromProviderState(`${HANDSHAKE_PATH}/${ID}`, `${HANDSHAKE_PATH}/DS02archived000000000`),
        headers: { authorization: `Basic ${TOKEN}` },
      })
      .willRespondWith({
        status: 200,
        body: {
          _id: fromProviderState(ID, 'DS02archived000000000'),
          number: regex(NUMBER, '1207-558310-0342'),
          tag: like('user-43'),
          requestId: like('5f0c3a52-2d7e-4a57-9a2e-3f1b7c9d0e12'),
          consumed: boolean(true),
          // The archival time, a Number.
          archived: integer(1767225600000),
          result: nullValue(),
          resultSignature: nullValue(),
        },
      });
    await pact.executeTest(async (server) => {
      const error = await client(server.url)
        .verifiedResult('DS02archived000000000', exampleSignature)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SignatureVerificationError);
      expect((error as SignatureVerificationError).reason).toBe('archived');
    });
  });

  it("gets Attestr's error body for a bad authorization token", async () => {
    pact
      .given('the app is registered and flow FLhappy is active')
      .uponReceiving('a request to create a handshake with an unknown token')
      .withRequest({
        method: 'POST',
        path: HANDSHAKE_PATH,
        headers: { authorization: 'Basic bm90LWEtdG9rZW4' },
        body: { flow: 'FLhappy', snapshot: SNAPSHOT, tag: like('user-42') },
      })
      .willRespondWith({
        status: 401,
        body: { httpStatusCode: 401, code: 4016, message: 'Invalid client authorization' },
      });
    await pact.executeTest(async (server) => {
      const bad = new AttestrClient({
        baseUrl: `${server.url}/attestr`,
        authToken: 'bm90LWEtdG9rZW4',
        clientSecret: SECRET,
      });
      const error = await bad
        .createHandshake({ flow: 'FLhappy', snapshot: SNAPSHOT, tag: 'user-42' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AttestrApiError);
      expect((error as AttestrApiError).code).toBe(4016);
    });
  });

  it("gets Attestr's error body for a flow that does not exist", async () => {
    pact
      .given('the app is registered and flow FLhappy is active')
      .uponReceiving('a request to create a handshake for an unknown flow')
      .withRequest({
        method: 'POST',
        path: HANDSHAKE_PATH,
        headers: { authorization: `Basic ${TOKEN}` },
        body: { flow: 'FLnosuchflow', snapshot: SNAPSHOT, tag: like('user-42') },
      })
      .willRespondWith({
        status: 400,
        body: { httpStatusCode: 400, code: 4002, message: 'Flow ID does not exist' },
      });
    await pact.executeTest(async (server) => {
      const error = await client(server.url)
        .createHandshake({ flow: 'FLnosuchflow', snapshot: SNAPSHOT, tag: 'user-42' })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ httpStatusCode: 400, code: 4002 });
    });
  });
});
