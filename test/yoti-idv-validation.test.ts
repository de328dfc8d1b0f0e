import { beforeAll, describe, expect, it } from 'vitest';
import { dbsExampleSession, signRequest, YotiIdvError } from '../clients/yoti-idv/index.js';
import type { CreateSessionRequest } from '../clients/yoti-idv/types.js';
import { admin, useSimulator } from './support/simulator.js';
import { deadlineIn, idvBase, idvScenario, ourClient, SDK_ID, testKeys } from './support/yoti-idv.js';

// biome-ignore lint/suspicious/noExplicitAny: cases edit the payload freely, as a buggy client would
type Payload = any;

const valid = (): Payload => structuredClone(dbsExampleSession(deadlineIn(3)));

/** [rule, break the payload, property the 400 must name, words its message must contain] */
const cases: [string, (p: Payload) => void, string, string][] = [
  [
    'a deadline or a token ttl is required',
    (p) => delete p.session_deadline,
    'session_deadline',
    'either session_deadline or client_session_token_ttl',
  ],
  [
    'not both a deadline and a token ttl',
    (p) => (p.client_session_token_ttl = 600),
    'client_session_token_ttl',
    'not both',
  ],
  [
    'session_deadline is an ISO date-time',
    (p) => (p.session_deadline = '03/09/2024'),
    'session_deadline',
    'ISO 8601',
  ],
  [
    'session_deadline is in the future',
    (p) => (p.session_deadline = '2024-09-03T23:59:59.000000+00:00'),
    'session_deadline',
    'in the future',
  ],
  [
    'client_session_token_ttl is whole seconds',
    (p) => {
      delete p.session_deadline;
      p.client_session_token_ttl = 60.5;
    },
    'client_session_token_ttl',
    'whole number',
  ],
  [
    'resources_ttl is 24 h longer than the token',
    (p) => (p.resources_ttl = 3 * 86_400),
    'resources_ttl',
    'at least 24 hours',
  ],
  [
    'the default resources_ttl (one week) is 24 h longer than the token',
    (p) => {
      delete p.resources_ttl;
      p.session_deadline = deadlineIn(7);
    },
    'resources_ttl',
    'one week',
  ],
  [
    'check types are known',
    (p) => (p.requested_checks[0].type = 'IBV_VISUAL_CHECK'),
    'requested_checks[0].type',
    'unknown check type',
  ],
  [
    'the scheme check names its scheme',
    (p) => delete p.requested_checks[2].config.scheme,
    'requested_checks[2].config.scheme',
    'UK_DBS',
  ],
  [
    'manual_check values are known',
    (p) => (p.requested_checks[0].config.manual_check = 'BRANCH'),
    'requested_checks[0].config.manual_check',
    'unknown manual_check',
  ],
  [
    'task types are known',
    (p) => (p.requested_tasks = [{ type: 'TEXT_EXTRACTION' }]),
    'requested_tasks[0].type',
    'unknown task type',
  ],
  [
    'required document types are known',
    (p) => (p.required_documents[0].type = 'PHOTO_ID'),
    'required_documents[0].type',
    'ID_DOCUMENT or SUPPLEMENTARY_DOCUMENT',
  ],
  [
    'filter types are known',
    (p) => (p.required_documents[0].filter.type = 'COUNTRY'),
    'required_documents[0].filter.type',
    'DOCUMENT_RESTRICTIONS or ORTHOGONAL_RESTRICTIONS',
  ],
  [
    'filter inclusion is WHITELIST or BLACKLIST',
    (p) => (p.required_documents[0].filter.inclusion = 'ALLOW'),
    'required_documents[0].filter.inclusion',
    'WHITELIST',
  ],
  [
    'a document filter lists documents',
    (p) => (p.required_documents[0].filter.documents = []),
    'required_documents[0].filter.documents',
    'at least one',
  ],
  [
    'filter countries are alpha-3 codes',
    (p) => (p.required_documents[0].filter.documents[0].country_codes = ['GB']),
    'required_documents[0].filter.documents[0].country_codes[0]',
    'alpha-3',
  ],
  [
    'filter document types are known',
    (p) => (p.required_documents[1].filter.documents[0].document_types = ['DRIVERS_LICENSE']),
    'required_documents[1].filter.documents[0].document_types[0]',
    'unknown document type',
  ],
  [
    'supplementary document types are known',
    (p) => (p.required_documents[2].document_types = ['GAS_BILL']),
    'required_documents[2].document_types[0]',
    'unknown supplementary document type',
  ],
  [
    'a supplementary document has an objective',
    (p) => delete p.required_documents[2].objective,
    'required_documents[2].objective',
    'required',
  ],
  [
    'date_of_birth is yyyy-mm-dd',
    (p) => (p.resources.applicant_profile.date_of_birth = '02/11/1988'),
    'resources.applicant_profile.date_of_birth',
    'yyyy-mm-dd',
  ],
  [
    'date_of_birth is a real date',
    (p) => (p.resources.applicant_profile.date_of_birth = '1988-02-30'),
    'resources.applicant_profile.date_of_birth',
    'yyyy-mm-dd',
  ],
  [
    'the address has its first line',
    (p) => delete p.resources.applicant_profile.structured_postal_address.address_line1,
    'resources.applicant_profile.structured_postal_address.address_line1',
    'required',
  ],
  [
    'the address country is alpha-3',
    (p) => (p.resources.applicant_profile.structured_postal_address.country_iso = 'UK'),
    'resources.applicant_profile.structured_postal_address.country_iso',
    'alpha-3',
  ],
  [
    'applicant profile fields are known',
    (p) => (p.resources.applicant_profile.surname = 'Doe'),
    'resources.applicant_profile',
    'surname',
  ],
  [
    'the notification endpoint is an http(s) URL',
    (p) => (p.notifications.endpoint = 'some-domain.example'),
    'notifications.endpoint',
    'http(s) URL',
  ],
  [
    'notification topics are known',
    (p) => (p.notifications.topics = ['SESSION_COMPLETED']),
    'notifications.topics[0]',
    'unknown notification topic',
  ],
  [
    'an auth_type needs an auth_token',
    (p) => (p.notifications.auth_type = 'BEARER'),
    'notifications.auth_token',
    'auth_type',
  ],
  [
    'ibv support values are known',
    (p) => (p.ibv_options.support = 'REQUIRED'),
    'ibv_options.support',
    'MANDATORY',
  ],
];

describe('create-session payload validation', () => {
  const sim = useSimulator({ scenario: { name: 'boot' } });
  beforeAll(async () => {
    await admin(sim(), 'PUT', '/scenario', await idvScenario());
  });

  const reject = async (payload: Payload): Promise<YotiIdvError> => {
    const client = await ourClient(sim());
    const error = await client.createSession(payload as CreateSessionRequest).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(YotiIdvError);
    return error as YotiIdvError;
  };

  it('accepts the guide’s DBS example (with a deadline in the future)', async () => {
    const created = await (await ourClient(sim())).createSession(valid());
    expect(created.session_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(cases)('rejects: %s', async (_rule, breakIt, property, words) => {
    const payload = valid();
    breakIt(payload);
    const error = await reject(payload);
    expect(error.status).toBe(400);
    expect(error.code).toBe('PAYLOAD_VALIDATION');
    expect(error.message).toContain('There were errors validating the payload');
    const problem = error.errors.find((e) => e.property === property);
    expect(problem, JSON.stringify(error.errors)).toBeDefined();
    expect(problem?.message).toContain(words);
  });

  it('names every problem of a payload at once', async () => {
    const payload = valid();
    payload.requested_checks[0].type = 'NOPE';
    payload.required_documents[0].filter.documents[0].country_codes = ['GB'];
    payload.resources.applicant_profile.date_of_birth = '1988-13-02';
    payload.notifications.topics = ['NOPE'];
    payload.resources_ttl = 60;
    const error = await reject(payload);
    expect(error.errors.map((e) => e.property).sort()).toEqual(
      [
        'requested_checks[0].type',
        'required_documents[0].filter.documents[0].country_codes[0]',
        'resources.applicant_profile.date_of_birth',
        'notifications.topics[0]',
        'resources_ttl',
      ].sort(),
    );
  });

  it('answers a body that is not JSON with a payload error, not a crash', async () => {
    const { privateKeyPem } = await testKeys();
    const body = new TextEncoder().encode('{"session_deadline": ');
    const signed = signRequest({
      method: 'POST',
      path: '/sessions',
      query: { sdkId: SDK_ID },
      body,
      privateKeyPem,
    });
    const res = await fetch(`${idvBase(sim())}${signed.pathWithQuery}`, {
      method: 'POST',
      headers: { ...signed.headers, 'Content-Type': 'application/json' },
      body,
    });
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json).toMatchObject({ code: 'PAYLOAD_VALIDATION', errors: [{ property: '' }] });
    expect(json.errors[0].message).toContain('not JSON');
  });
});
