import { rmSync } from 'node:fs';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { beforeAll, describe, expect, it } from 'vitest';
import { YotiIdvClient, YotiIdvError } from '../../clients/yoti-idv/index.js';
import { yotiAppKeyPair } from '../support/rsa-keys.js';
import {
  CONSUMER,
  contractSession,
  EXAMPLE_MEDIA_ID,
  EXAMPLE_SESSION_ID,
  idvPactFile,
  PACT_DIR,
  PROVIDER,
  SDK_ID,
  STATES,
  UUID,
} from '../support/yoti-idv-contract.js';

const { like, regex, integer, eachLike, fromProviderState } = MatchersV3;

/**
 * What clients/yoti-idv needs from Yoti's IDV API. Every request is signed: the nonce, the
 * timestamp and the digest change each time, so the contract holds their form, not their
 * value (the provider verification re-signs each request with its test app's key).
 */
const pact = new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir: PACT_DIR, logLevel: 'warn' });
let privateKeyPem: string;

beforeAll(async () => {
  rmSync(idvPactFile, { force: true });
  ({ privateKeyPem } = await yotiAppKeyPair());
});

const signedQuery = () => ({
  sdkId: SDK_ID,
  nonce: regex(UUID, '3f1e2d3c-4b5a-4987-8a6b-5c4d3e2f1a0b'),
  timestamp: regex('^\\d{10,13}$', '1700000000000'),
});
const signedHeaders = {
  'X-Yoti-Auth-Digest': regex('^[A-Za-z0-9+/]+={0,2}$', 'c2lnbmF0dXJl'),
  Accept: 'application/json',
};
const sessionPath = (suffix = '') =>
  // A Pact provider-state expression, filled in at verification.
  fromProviderState(`/sessions/\${sessionId}${suffix}`, `/sessions/${EXAMPLE_SESSION_ID}${suffix}`);
const client = (url: string) => new YotiIdvClient({ baseUrl: url, sdkId: SDK_ID, privateKeyPem });
const media = { id: regex(UUID, EXAMPLE_MEDIA_ID), type: like('JSON') };

describe('create session', () => {
  it('creates the DBS session and reads its id and token', async () => {
    await pact
      .addInteraction()
      .given(STATES.app, { sdkId: SDK_ID })
      .uponReceiving('a signed request to create a DBS session')
      .withRequest('POST', '/sessions', (req) =>
        req
          .query(signedQuery())
          .headers({ ...signedHeaders, 'Content-Type': 'application/json' })
          .jsonBody(contractSession()),
      )
      .willRespondWith(201, (res) =>
        res.jsonBody({
          client_session_token_ttl: integer(172_800),
          client_session_token: regex(UUID, '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a'),
          session_id: regex(UUID, EXAMPLE_SESSION_ID),
        }),
      )
      .executeTest(async (server) => {
        const created = await client(server.url).createSession(contractSession());
        expect(created.session_id).toBe(EXAMPLE_SESSION_ID);
        expect(created.client_session_token_ttl).toBe(172_800);
      });
  });

  it('reports every payload problem as a YotiIdvError', async () => {
    const invalid = { ...contractSession(), requested_checks: [{ type: 'NOT_A_CHECK' }] };
    await pact
      .addInteraction()
      .given(STATES.app, { sdkId: SDK_ID })
      .uponReceiving('a signed request to create a session with an unknown check type')
      .withRequest('POST', '/sessions', (req) =>
        req
          .query(signedQuery())
          .headers({ ...signedHeaders, 'Content-Type': 'application/json' })
          .jsonBody(invalid),
      )
      .willRespondWith(400, (res) =>
        res.jsonBody({
          code: 'PAYLOAD_VALIDATION',
          message: like('There were errors validating the payload'),
          errors: eachLike({ property: 'requested_checks[0].type', message: like('unknown check type') }),
        }),
      )
      .executeTest(async (server) => {
        const error = await client(server.url)
          .createSession(invalid)
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(YotiIdvError);
        expect(error).toMatchObject({ status: 400, code: 'PAYLOAD_VALIDATION' });
        expect((error as YotiIdvError).errors[0].property).toBe('requested_checks[0].type');
      });
  });
});

describe('session configuration', () => {
  it('reads one required resource per document, with the branch assessments', async () => {
    const assessment = { type: like('IBV_VISUAL_REVIEW_CHECK'), state: like('REQUIRED') };
    await pact
      .addInteraction()
      .given(STATES.session, { sdkId: SDK_ID })
      .uponReceiving('a signed request for the configuration of a DBS session')
      .withRequest('GET', sessionPath('/configuration'), (req) =>
        req.query(signedQuery()).headers(signedHeaders),
      )
      .willRespondWith(200, (res) =>
        res.jsonBody({
          session_id: regex(UUID, EXAMPLE_SESSION_ID),
          client_session_token_ttl: integer(172_800),
          requested_checks: eachLike('IBV_VISUAL_REVIEW_CHECK'),
          applicant_profile: { media },
          capture: {
            biometric_consent: like('NOT_REQUIRED'),
            required_resources: eachLike({
              type: like('ID_DOCUMENT'),
              id: regex(UUID, 'd430440c-5c6d-402c-9855-3aebc8145a94'),
              state: like('REQUIRED'),
              allowed_sources: eachLike({ type: like('IBV') }),
              ibv_client_assessments: eachLike(assessment),
            }),
          },
          sdk_config: like({ locale: 'en-GB' }),
        }),
      )
      .executeTest(async (server) => {
        const configuration = await client(server.url).getConfiguration(EXAMPLE_SESSION_ID);
        expect(configuration.capture.required_resources[0].ibv_client_assessments?.[0].type).toBe(
          'IBV_VISUAL_REVIEW_CHECK',
        );
      });
  });
});

describe('session results', () => {
  it('reads the state, each check’s recommendation and the documents', async () => {
    await pact
      .addInteraction()
      .given(STATES.completed, { sdkId: SDK_ID })
      .uponReceiving('a signed request for the results of a reviewed DBS session')
      .withRequest('GET', sessionPath(), (req) => req.query(signedQuery()).headers(signedHeaders))
      .willRespondWith(200, (res) =>
        res.jsonBody({
          session_id: regex(UUID, EXAMPLE_SESSION_ID),
          client_session_token_ttl: integer(172_000),
          client_session_token: regex(UUID, '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a'),
          state: 'COMPLETED',
          checks: eachLike({
            type: like('IBV_VISUAL_REVIEW_CHECK'),
            id: regex(UUID, '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'),
            state: 'DONE',
            report: {
              recommendation: { value: regex('^(APPROVE|REJECT|NOT_AVAILABLE)$', 'APPROVE') },
              breakdown: eachLike({ sub_check: like('real_document'), result: like('PASS') }),
            },
          }),
          resources: {
            id_documents: eachLike({
              id: regex(UUID, '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e'),
              document_type: like('PASSPORT'),
              issuing_country: like('GBR'),
              document_fields: { media },
            }),
            supplementary_documents: eachLike({ document_type: like('UTILITY_BILL') }),
          },
        }),
      )
      .executeTest(async (server) => {
        const result = await client(server.url).getSession(EXAMPLE_SESSION_ID);
        expect(result.state).toBe('COMPLETED');
        expect(result.checks[0].report?.recommendation.value).toBe('APPROVE');
        expect(result.resources.id_documents[0].document_fields?.media.id).toBe(EXAMPLE_MEDIA_ID);
      });
  });

  it('downloads the extracted document fields', async () => {
    await pact
      .addInteraction()
      .given(STATES.completed, { sdkId: SDK_ID })
      .uponReceiving('a signed request for the document fields media of a reviewed session')
      .withRequest(
        'GET',
        fromProviderState(
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a Pact provider-state expression
          '/sessions/${sessionId}/media/${mediaId}/content',
          `/sessions/${EXAMPLE_SESSION_ID}/media/${EXAMPLE_MEDIA_ID}/content`,
        ),
        (req) => req.query(signedQuery()).headers(signedHeaders),
      )
      .willRespondWith(200, (res) =>
        res
          .headers({ 'Content-Type': 'application/json' })
          .jsonBody({ full_name: like('John James Doe'), date_of_birth: like('1988-11-02') }),
      )
      .executeTest(async (server) => {
        const content = await client(server.url).getMediaContent(EXAMPLE_SESSION_ID, EXAMPLE_MEDIA_ID);
        expect(content?.contentType).toContain('application/json');
        expect(JSON.parse(new TextDecoder().decode(content?.bytes)).full_name).toBe('John James Doe');
      });
  });

  it('reports an unknown session as 404 SESSION_NOT_FOUND', async () => {
    await pact
      .addInteraction()
      .given(STATES.app, { sdkId: SDK_ID })
      .uponReceiving('a signed request for an unknown session')
      .withRequest('GET', '/sessions/00000000-0000-4000-8000-000000000000', (req) =>
        req.query(signedQuery()).headers(signedHeaders),
      )
      .willRespondWith(404, (res) => res.jsonBody({ code: 'SESSION_NOT_FOUND', message: like('No session') }))
      .executeTest(async (server) => {
        const error = await client(server.url)
          .getSession('00000000-0000-4000-8000-000000000000')
          .catch((e: unknown) => e);
        expect(error).toMatchObject({ status: 404, code: 'SESSION_NOT_FOUND' });
      });
  });

  it('deletes a session', async () => {
    await pact
      .addInteraction()
      .given(STATES.session, { sdkId: SDK_ID })
      .uponReceiving('a signed request to delete a session')
      .withRequest('DELETE', sessionPath(), (req) => req.query(signedQuery()).headers(signedHeaders))
      .willRespondWith(204)
      .executeTest(async (server) => {
        await client(server.url).deleteSession(EXAMPLE_SESSION_ID);
      });
  });
});
