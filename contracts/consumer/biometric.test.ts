import { rmSync } from 'node:fs';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { beforeAll, describe, expect, it } from 'vitest';
import { BiometricApiError, BiometricClient, isResultComplete } from '../../clients/biometric/index.js';
import {
  biometricPactFile,
  CONSUMER,
  EXAMPLE_SESSION_ID,
  FLOWS,
  PACT_DIR,
  PROVIDER,
  STATES,
} from '../support/biometric-contract.js';

const { like, regex, eachLike, fromProviderState, nullValue } = MatchersV3;

/**
 * What clients/biometric needs from kyc.biometric.kz: session create (with and without
 * metadata), the result in each state, and the DRF `{"detail"}` errors it turns into
 * BiometricApiError. Only fields the client and its users read are in the contract.
 */
const pact = new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir: PACT_DIR, logLevel: 'warn' });
const UUID_RE = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const CREATE = '/api/v1/flows/session/create/';
const RESULT = '/api/v1/flows/session/result/';
const client = (url: string, apiKey: string = FLOWS.everyone) => new BiometricClient({ apiKey, apiUrl: url });
/** A 1×1 PNG in base64, as the doc's examples encode photo1. */
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const detail = (example: string) => ({ detail: like(example) });
// biome-ignore lint/suspicious/noTemplateCurlyInString: a Pact provider-state expression, filled in at verification
const injectedSessionId = () => fromProviderState('${sessionId}', EXAMPLE_SESSION_ID);

beforeAll(() => {
  rmSync(biometricPactFile, { force: true });
});

describe('session create', () => {
  it('gets a session id and the ordered technologies', async () => {
    await pact
      .addInteraction()
      .given(STATES.flowExists, { apiKey: FLOWS.everyone })
      .uponReceiving('a request to create a session without metadata')
      .withRequest('POST', CREATE, (req) => req.jsonBody({ api_key: FLOWS.everyone }))
      .willRespondWith(200, (res) =>
        res.jsonBody({ session_id: regex(UUID_RE, EXAMPLE_SESSION_ID), technologies: ['LD', 'F2F'] }),
      )
      .executeTest(async (server) => {
        const session = await client(server.url).createSession();
        expect(session).toEqual({ session_id: EXAMPLE_SESSION_ID, technologies: ['LD', 'F2F'] });
      });
  });

  it('sends E-Document metadata that skips the data entry step', async () => {
    const metadata = {
      edocument: {
        iin: { value: '900101300123', changeable: false },
        phone: { value: '+77011234567', changeable: false },
        skip_input: true,
      },
    };
    await pact
      .addInteraction()
      .given(STATES.flowExists, { apiKey: FLOWS.individuals })
      .uponReceiving('a request to create a session with E-Document metadata')
      .withRequest('POST', CREATE, (req) => req.jsonBody({ api_key: FLOWS.individuals, metadata }))
      .willRespondWith(200, (res) =>
        res.jsonBody({ session_id: regex(UUID_RE, EXAMPLE_SESSION_ID), technologies: ['LD', 'ED', 'F2F'] }),
      )
      .executeTest(async (server) => {
        const session = await client(server.url, FLOWS.individuals).createSession(metadata);
        expect(session.technologies).toEqual(['LD', 'ED', 'F2F']);
      });
  });

  it('sends a reference photo for Face2Face', async () => {
    const metadata = { face2face: { photo1: PNG_BASE64 } };
    await pact
      .addInteraction()
      .given(STATES.flowExists, { apiKey: FLOWS.everyone })
      .uponReceiving('a request to create a session with a Face2Face photo')
      .withRequest('POST', CREATE, (req) => req.jsonBody({ api_key: FLOWS.everyone, metadata }))
      .willRespondWith(200, (res) =>
        res.jsonBody({ session_id: regex(UUID_RE, EXAMPLE_SESSION_ID), technologies: ['LD', 'F2F'] }),
      )
      .executeTest(async (server) => {
        const session = await client(server.url).createSession(metadata);
        expect(session.session_id).toBe(EXAMPLE_SESSION_ID);
      });
  });

  it('reports metadata the service refuses as BiometricApiError 400 with its detail', async () => {
    const metadata = { edocument: { iin: { value: '900101300123' }, skip_input: true } };
    await pact
      .addInteraction()
      .given(STATES.flowExists, { apiKey: FLOWS.individuals })
      .uponReceiving('a request to skip data entry without locked values')
      .withRequest('POST', CREATE, (req) => req.jsonBody({ api_key: FLOWS.individuals, metadata }))
      .willRespondWith(400, (res) => res.jsonBody(detail('metadata.edocument.skip_input: ...')))
      .executeTest(async (server) => {
        const error = await client(server.url, FLOWS.individuals)
          .createSession(metadata)
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BiometricApiError);
        expect(error).toMatchObject({ status: 400, detail: 'metadata.edocument.skip_input: ...' });
      });
  });

  it('reports an unknown api key as BiometricApiError 404', async () => {
    await pact
      .addInteraction()
      .given(STATES.noFlow, { apiKey: 'unknown-api-key' })
      .uponReceiving('a request to create a session with an unknown api key')
      .withRequest('POST', CREATE, (req) => req.jsonBody({ api_key: 'unknown-api-key' }))
      .willRespondWith(404, (res) => res.jsonBody(detail('No Flow matches the given query.')))
      .executeTest(async (server) => {
        const error = await client(server.url, 'unknown-api-key')
          .createSession()
          .catch((e: unknown) => e);
        expect(error).toMatchObject({ status: 404, detail: 'No Flow matches the given query.' });
      });
  });
});

describe('session result', () => {
  const resultRequest = (apiKey: string = FLOWS.everyone) =>
    ({ session_id: injectedSessionId(), flow_api_key: apiKey }) as never;
  const technologies = eachLike({ name: like('Liveness'), description: like('Checks'), code: like('LD') });

  it('reads a successful outcome with the per-technology results', async () => {
    await pact
      .addInteraction()
      .given(STATES.sessionFinished, { apiKey: FLOWS.everyone })
      .uponReceiving('a request for the result of a successful session')
      .withRequest('GET', RESULT, (req) => req.query(resultRequest()))
      .willRespondWith(200, (res) =>
        res.jsonBody({
          id: injectedSessionId(),
          status: 'FINISHED',
          flow_session_result: true,
          flow_session_failure_reasons: [],
          finished_at: like('2026-01-01T10:00:00.000Z'),
          technologies,
          liveness_result: like({ result: true, prediction: '0.9871' }),
          face2face_result: like({ result: true, prediction_percent: '95.23' }),
          request_sessions: eachLike({ technology: like('LD'), status: like('PASSED') }),
        }),
      )
      .executeTest(async (server) => {
        const result = await client(server.url).waitForResult(EXAMPLE_SESSION_ID, { timeoutMs: 0 });
        expect(result.status).toBe('FINISHED');
        expect(result.flow_session_result).toBe(true);
        expect(result.liveness_result.result).toBe(true);
        expect(isResultComplete(result)).toBe(true);
      });
  });

  it('sees the per-technology results still empty right after the flow finished', async () => {
    await pact
      .addInteraction()
      .given(STATES.sessionJustFinished, { apiKey: FLOWS.everyone })
      .uponReceiving('a request for the result of a session that has just finished')
      .withRequest('GET', RESULT, (req) => req.query(resultRequest()))
      .willRespondWith(200, (res) =>
        res.jsonBody({
          status: 'FINISHED',
          flow_session_result: true,
          technologies,
          liveness_result: {},
          face2face_result: {},
          request_sessions: eachLike({ technology: like('LD'), status: like('PASSED') }),
        }),
      )
      .executeTest(async (server) => {
        const result = await client(server.url).getResult(EXAMPLE_SESSION_ID);
        expect(result.flow_session_result).toBe(true);
        expect(isResultComplete(result)).toBe(false);
      });
  });

  it('reads a failed outcome with its failure reasons', async () => {
    await pact
      .addInteraction()
      .given(STATES.sessionFailed, { apiKey: FLOWS.everyone })
      .uponReceiving('a request for the result of a failed session')
      .withRequest('GET', RESULT, (req) => req.query(resultRequest()))
      .willRespondWith(200, (res) =>
        res.jsonBody({
          status: 'FINISHED',
          flow_session_result: false,
          flow_session_failure_reasons: eachLike({
            type: regex(
              '^(SERVICE_ERROR|REQUEST_ERROR|CLIENT|CALC_RESULT|OTHER|NO_CAM|TIMEOUT)$',
              'CALC_RESULT',
            ),
            detail: like('Low prediction'),
            technology: like('F2F'),
          }),
          face2face_result: like({ result: false }),
        }),
      )
      .executeTest(async (server) => {
        const result = await client(server.url).getResult(EXAMPLE_SESSION_ID);
        expect(result.flow_session_result).toBe(false);
        expect(result.flow_session_failure_reasons[0].type).toBe('CALC_RESULT');
      });
  });

  it('reads PROGRESS while the user has not finished', async () => {
    await pact
      .addInteraction()
      .given(STATES.sessionInProgress, { apiKey: FLOWS.everyone })
      .uponReceiving('a request for the result of a session in progress')
      .withRequest('GET', RESULT, (req) => req.query(resultRequest()))
      .willRespondWith(200, (res) =>
        res.jsonBody({ status: 'PROGRESS', flow_session_result: nullValue(), technologies }),
      )
      .executeTest(async (server) => {
        const result = await client(server.url).getResult(EXAMPLE_SESSION_ID);
        expect(result.status).toBe('PROGRESS');
        expect(result.flow_session_result).toBeNull();
      });
  });

  it('reports an unknown session as BiometricApiError 404', async () => {
    await pact
      .addInteraction()
      .given(STATES.noSession, { apiKey: FLOWS.everyone })
      .uponReceiving('a request for the result of an unknown session')
      .withRequest('GET', RESULT, (req) =>
        req.query({ session_id: EXAMPLE_SESSION_ID, flow_api_key: FLOWS.everyone }),
      )
      .willRespondWith(404, (res) => res.jsonBody(detail('No FlowSession matches the given query.')))
      .executeTest(async (server) => {
        const error = await client(server.url)
          .getResult(EXAMPLE_SESSION_ID)
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BiometricApiError);
        expect(error).toMatchObject({ status: 404 });
      });
  });
});
