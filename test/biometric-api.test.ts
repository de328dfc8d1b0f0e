import { describe, expect, it } from 'vitest';
import { BiometricApiError } from '../clients/biometric/index.js';
import { biometricScenario, clientFor, createWith, KEYS, rawCreate } from './support/biometric.js';
import { useSimulator } from './support/simulator.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Biometric.kz session create and result', () => {
  const sim = useSimulator({ scenario: biometricScenario() });

  it('creates a one-time session with the flow technologies in order', async () => {
    const created = await clientFor(sim(), KEYS.individuals).createSession();
    expect(created.session_id).toMatch(UUID);
    expect(created.technologies).toEqual(['LD', 'ED', 'F2F']);
  });

  it('accepts the doc’s first example, JSON sent without a JSON content type', async () => {
    const { status, body } = await rawCreate(
      sim(),
      JSON.stringify({ api_key: KEYS.ldF2f }),
      'text/plain;charset=UTF-8',
    );
    expect(status).toBe(200);
    expect(body.session_id).toMatch(UUID);
  });

  it.each([
    ['malformed JSON', '{"api_key": ', 400, /^JSON parse error - /],
    ['a list instead of an object', '["x"]', 400, /^Invalid data\. Expected a dictionary, but got list\.$/],
    ['an empty body', '', 400, /^api_key: This field is required\.$/],
    ['no api_key', '{"metadata": {}}', 400, /^api_key: This field is required\.$/],
    ['a numeric api_key', '{"api_key": 42}', 400, /^api_key: Not a valid string\.$/],
    ['a blank api_key', '{"api_key": ""}', 400, /^api_key: This field may not be blank\.$/],
    ['an unknown api_key', '{"api_key": "nope"}', 404, /^No Flow matches the given query\.$/],
    ['an inactive flow', JSON.stringify({ api_key: KEYS.inactive }), 403, /^The flow is not active\.$/],
  ])('answers %s with a DRF detail', async (_, body, status, detail) => {
    const res = await rawCreate(sim(), body);
    expect(res.status).toBe(status);
    expect(Object.keys(res.body)).toEqual(['detail']);
    expect(res.body.detail).toMatch(detail);
  });

  it('answers a method the endpoints do not allow with 405', async () => {
    const create = await fetch(`${sim().url}/biometric/kyc/api/v1/flows/session/create/`);
    expect(create.status).toBe(405);
    expect(await create.json()).toEqual({ detail: 'Method "GET" not allowed.' });
    const result = await fetch(`${sim().url}/biometric/kyc/api/v1/flows/session/result/`, {
      method: 'DELETE',
    });
    expect(result.status).toBe(405);
    expect(await result.json()).toEqual({ detail: 'Method "DELETE" not allowed.' });
  });

  it('reports a fresh session as PROGRESS with empty technology results', async () => {
    const client = clientFor(sim(), KEYS.ldF2f);
    const { session_id } = await client.createSession();
    const result = await client.getResult(session_id);
    expect(result).toMatchObject({
      id: session_id,
      status: 'PROGRESS',
      flow_session_result: null,
      flow_session_failure_reasons: [],
      finished_at: null,
    });
    // toMatchObject takes {} as "any object": check the empty results exactly.
    for (const field of [
      'liveness_result',
      'face2face_result',
      'edocument_result',
      'document_recognition_result',
    ])
      expect(result[field]).toEqual({});
    expect(result.technologies.map((t) => t.code)).toEqual(['LD', 'F2F']);
    expect(result.technologies[0]).toMatchObject({ name: 'Liveness', description: expect.any(String) });
  });

  it.each([
    ['no parameters', '', 400, 'session_id and flow_api_key query parameters are required.'],
    ['a session id that is no UUID', 'session_id=abc&flow_api_key=x', 400, '“abc” is not a valid UUID.'],
    [
      'an unknown flow key',
      'session_id=6737a660-208a-401a-a2cf-2b45a326002a&flow_api_key=nope',
      404,
      'No Flow matches the given query.',
    ],
    [
      'an unknown session',
      `session_id=6737a660-208a-401a-a2cf-2b45a326002a&flow_api_key=${KEYS.ldF2f}`,
      404,
      'No FlowSession matches the given query.',
    ],
  ])('answers a result request with %s', async (_, query, status, detail) => {
    const res = await fetch(`${sim().url}/biometric/kyc/api/v1/flows/session/result/?${query}`);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ detail });
  });

  it('does not show a session to another flow’s key', async () => {
    const { session_id } = await clientFor(sim(), KEYS.ldF2f).createSession();
    const error = await clientFor(sim(), KEYS.drF2f)
      .getResult(session_id)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BiometricApiError);
    expect(error).toMatchObject({ status: 404, detail: 'No FlowSession matches the given query.' });
  });

  it('lists the session for the admin API with its QA actions', async () => {
    const { session_id } = await createWith(sim(), KEYS.ldF2f).then((r) => r.body as { session_id: string });
    const res = await fetch(`${sim().url}/__admin/sessions/${session_id}`);
    const session = await res.json();
    expect(session).toMatchObject({ provider: 'biometric', kind: 'flow-session', state: 'CREATED' });
    expect(session.actions).toEqual(['pass', 'fail', 'choose', 'expire']);
  });
});
