import { beforeAll, describe, expect, it } from 'vitest';
import { dbsExampleSession, signRequest, YotiIdvClient } from '../clients/yoti-idv/index.js';
import { admin, useSimulator } from './support/simulator.js';
import { deadlineIn, idvScenario, SDK_ID, testKeys } from './support/yoti-idv.js';

/** The body the sandbox SDKs send (SandboxResponseConfigBuilder), as JSON. */
const responseConfig = (value: string, delaySeconds?: number) => ({
  check_reports: {
    IBV_VISUAL_REVIEW_CHECK: [
      {
        result: {
          report: {
            recommendation: { value, reason: value === 'REJECT' ? 'DOCUMENT_NOT_GENUINE' : undefined },
            breakdown: [
              { sub_check: 'real_document', result: value === 'REJECT' ? 'FAIL' : 'PASS', details: [] },
            ],
          },
        },
      },
    ],
    ...(delaySeconds !== undefined && { async_report_delay: delaySeconds }),
  },
  task_results: {
    ID_DOCUMENT_TEXT_DATA_EXTRACTION: [{ result: { document_fields: { full_name: 'Sandbox Person' } } }],
  },
});

describe('the hosted-sandbox response-config API', () => {
  const sim = useSimulator({ scenario: { name: 'boot' }, clock: 'manual' });
  const base = () => `${sim().url}/yoti/sandbox/idverify/v1`;
  let client: YotiIdvClient;

  beforeAll(async () => {
    await admin(sim(), 'PUT', '/scenario', await idvScenario());
    client = new YotiIdvClient({
      baseUrl: base(),
      sdkId: SDK_ID,
      privateKeyPem: (await testKeys()).privateKeyPem,
    });
  });

  const put = async (path: string, body: unknown, query: Record<string, string> = { sdkId: SDK_ID }) => {
    const bytes = new TextEncoder().encode(JSON.stringify(body));
    const signed = signRequest({
      method: 'PUT',
      path,
      query,
      body: bytes,
      privateKeyPem: (await testKeys()).privateKeyPem,
    });
    return fetch(`${base()}${signed.pathWithQuery}`, {
      method: 'PUT',
      headers: { ...signed.headers, 'Content-Type': 'application/json' },
      body: bytes,
    });
  };
  const now = async () => (await admin(sim(), 'GET', '/clock')).now as number;

  it('serves the sessions API under the sandbox base and applies a session response-config after its delay', async () => {
    const { session_id } = await client.createSession(dbsExampleSession(deadlineIn(3, await now())));
    const res = await put(`/sessions/${session_id}/response-config`, responseConfig('REJECT', 10));
    expect(res.status).toBe(204);
    await admin(sim(), 'POST', '/clock/advance', { ms: 9_999 });
    expect((await client.getSession(session_id)).state).toBe('ONGOING');
    await admin(sim(), 'POST', '/clock/advance', { ms: 1 });
    const done = await client.getSession(session_id);
    expect(done.state).toBe('COMPLETED');
    const review = done.checks.find((c) => c.type === 'IBV_VISUAL_REVIEW_CHECK');
    expect(review?.report).toMatchObject({
      recommendation: { value: 'REJECT', reason: 'DOCUMENT_NOT_GENUINE' },
      breakdown: [{ sub_check: 'real_document', result: 'FAIL' }],
    });
    const media = done.resources.id_documents[0].document_fields?.media.id as string;
    const fields = await client.getMediaContent(session_id, media);
    expect(JSON.parse(new TextDecoder().decode(fields?.bytes))).toEqual({ full_name: 'Sandbox Person' });
  });

  it('applies an app response-config to later sessions completed by an admin action', async () => {
    // Sandbox clients name the app in the path only.
    expect((await put(`/apps/${SDK_ID}/response-config`, responseConfig('NOT_AVAILABLE'), {})).status).toBe(
      204,
    );
    const { session_id } = await client.createSession(dbsExampleSession(deadlineIn(3, await now())));
    await admin(sim(), 'POST', `/sessions/${session_id}/actions`, { action: 'complete' });
    const review = (await client.getSession(session_id)).checks.find(
      (c) => c.type === 'IBV_VISUAL_REVIEW_CHECK',
    );
    expect(review?.report?.recommendation.value).toBe('NOT_AVAILABLE');
  });

  it("takes the Python sandbox's nulls and one THIRD_PARTY_IDENTITY object (@getyoti/sdk-sandbox)", async () => {
    // yoti-python-sdk-sandbox SandboxRecommendation / SandboxCheckReports.to_json with nothing unset
    // left out, and the object that SandboxCheckReportsBuilder.withThirdPartyIdentityCheck puts in.
    const body =
      JSON.parse(`{"task_results": {"ID_DOCUMENT_TEXT_DATA_EXTRACTION": [], "SUPPLEMENTARY_DOCUMENT_TEXT_DATA_EXTRACTION": []},
      "check_reports": {"IBV_VISUAL_REVIEW_CHECK": [{"result": {"report": {"recommendation": {"value": "APPROVE", "reason": null, "recovery_suggestion": null},
        "breakdown": [{"sub_check": "real_document", "result": "PASS", "details": []}]}}}],
      "ID_DOCUMENT_AUTHENTICITY": [], "ID_DOCUMENT_TEXT_DATA_CHECK": [], "ID_DOCUMENT_FACE_MATCH": [], "LIVENESS": [], "ID_DOCUMENT_COMPARISON": [],
      "SUPPLEMENTARY_DOCUMENT_TEXT_DATA_CHECK": [], "async_report_delay": null,
      "THIRD_PARTY_IDENTITY": {"result": {"report": {"recommendation": {"value": "APPROVE"}, "breakdown": []}}}}}`);
    const { session_id } = await client.createSession(dbsExampleSession(deadlineIn(3, await now())));
    expect((await put(`/sessions/${session_id}/response-config`, body)).status).toBe(204);
    await admin(sim(), 'POST', `/sessions/${session_id}/actions`, { action: 'complete' });
    const done = await client.getSession(session_id);
    expect(done.checks.find((c) => c.type === 'IBV_VISUAL_REVIEW_CHECK')?.report?.recommendation).toEqual({
      value: 'APPROVE',
    });
  });

  it('rejects a malformed response-config with PAYLOAD_VALIDATION', async () => {
    const { session_id } = await client.createSession(dbsExampleSession(deadlineIn(3, await now())));
    const res = await put(`/sessions/${session_id}/response-config`, {
      check_reports: { ID_DOCUMENT_AUTHENTICITY: [{ result: { report: { breakdown: [] } } }] },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.code).toBe('PAYLOAD_VALIDATION');
    expect(body.errors[0].property).toBe(
      'check_reports.ID_DOCUMENT_AUTHENTICITY[0].result.report.recommendation',
    );
  });

  it('answers 404 for a response-config of an unknown session', async () => {
    const res = await put(
      '/sessions/00000000-0000-4000-8000-000000000000/response-config',
      responseConfig('APPROVE'),
    );
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe('SESSION_NOT_FOUND');
  });
});
