import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotificationReceiver, DbsSessionBuilder, YotiIdvError } from '../clients/yoti-idv/index.js';
import { admin, useSimulator } from './support/simulator.js';
import { deadlineIn, idvScenario, type LocalServer, listen, ourClient } from './support/yoti-idv.js';

describe('the reference client (clients/yoti-idv) runs a DBS check end to end', () => {
  const sim = useSimulator({ scenario: { name: 'boot' } });
  let backend: LocalServer;
  const receiver = createNotificationReceiver({ authToken: 'hook-token', authType: 'BEARER' });

  beforeAll(async () => {
    await admin(sim(), 'PUT', '/scenario', await idvScenario({ outcome: { type: 'manual' } }));
    // A backend mounting the receiver in its own Hono app, next to its other routes.
    const app = new Hono();
    app.get('/health', (c) => c.text('ok'));
    app.post('/hooks/yoti-idv', (c) => receiver.fetch(c.req.raw));
    backend = await listen(app.fetch);
  });
  afterAll(() => backend.close());

  const session = () =>
    new DbsSessionBuilder()
      .withDeadline(deadlineIn(2))
      .withApplicant({
        fullName: 'Ada Lovelace',
        givenNames: 'Ada',
        familyName: 'Lovelace',
        dateOfBirth: '1990-12-10',
        address: {
          address_format: 1,
          address_line1: '12 St James Square',
          postal_code: 'SW1Y 4JH',
          country_iso: 'GBR',
        },
      })
      .withIdDocument('GBR', 'PASSPORT')
      .withIdDocument('GBR', 'DRIVING_LICENCE')
      .withSupplementaryDocument(['BANK_STATEMENT', 'UTILITY_BILL'], ['GBR'])
      .withNotifications({
        endpoint: `${backend.url}/hooks/yoti-idv`,
        topics: ['SESSION_COMPLETION'],
        auth_token: 'hook-token',
        auth_type: 'BEARER',
      });

  it('creates, reads the configuration, receives the notification, then fetches results and media', async () => {
    const client = await ourClient(sim());
    const created = await client.createSession(session().build());
    const configuration = await client.getConfiguration(created.session_id);
    expect(configuration.capture.required_resources.map((r) => r.type)).toEqual([
      'ID_DOCUMENT',
      'ID_DOCUMENT',
      'SUPPLEMENTARY_DOCUMENT',
    ]);
    expect(configuration.capture.required_resources[0]).toMatchObject({
      state: 'REQUIRED',
      allowed_sources: [{ type: 'IBV' }],
      ibv_client_assessments: [
        { type: 'IBV_VISUAL_REVIEW_CHECK', state: 'REQUIRED' },
        { type: 'PROFILE_DOCUMENT_MATCH', state: 'REQUIRED' },
        { type: 'DOCUMENT_SCHEME_VALIDITY_CHECK', state: 'REQUIRED', scheme: 'UK_DBS' },
      ],
      attempts_remaining: { RECLASSIFICATION: 2, GENERIC: 2 },
    });
    const profileMedia = configuration.applicant_profile?.media.id as string;
    const profile = await client.getMediaContent(created.session_id, profileMedia);
    expect(JSON.parse(new TextDecoder().decode(profile?.bytes)).full_name).toBe('Ada Lovelace');

    // The applicant visits the branch; the review approves.
    await admin(sim(), 'POST', `/sessions/${created.session_id}/actions`, { action: 'ibv-review' });
    await receiver.waitFor(created.session_id, 'SESSION_COMPLETION', 10_000);
    const result = await client.getSession(created.session_id);
    expect(result.state).toBe('COMPLETED');
    expect(result.checks.map((c) => c.report?.recommendation.value)).toEqual([
      'APPROVE',
      'APPROVE',
      'APPROVE',
    ]);
    expect(result.resources.supplementary_documents[0]).toMatchObject({
      document_type: 'BANK_STATEMENT',
      issuing_country: 'GBR',
    });
    const pdf = await client.getMediaContent(
      created.session_id,
      result.resources.supplementary_documents[0].file?.media.id as string,
    );
    expect(pdf?.contentType).toBe('application/pdf');
    expect(new TextDecoder().decode(pdf?.bytes).startsWith('%PDF')).toBe(true);

    // QA sees the session's traffic, notifications included, on its admin page.
    const { traffic } = await admin(sim(), 'GET', `/sessions/${created.session_id}`);
    const seen = traffic.map(
      (t: { method: string; path: string }) => `${t.method} ${t.path.replace(/\?.*$/, '')}`,
    );
    expect(seen).toEqual(
      expect.arrayContaining([
        'POST /yoti/idverify/v1/sessions',
        `GET /yoti/idverify/v1/sessions/${created.session_id}/configuration`,
        `GET /yoti/idverify/v1/sessions/${created.session_id}`,
        `POST ${backend.url}/hooks/yoti-idv`,
      ]),
    );
  });

  it('polls until the session leaves ONGOING when no notification endpoint is reachable', async () => {
    const client = await ourClient(sim());
    const request = session().build();
    delete request.notifications;
    const { session_id } = await client.createSession(request);
    const polling = client.waitForResult(session_id, { intervalMs: 50, timeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 120));
    await admin(sim(), 'POST', `/sessions/${session_id}/actions`, { action: 'ibv-review' });
    const result = await polling;
    expect(result.state).toBe('COMPLETED');
  });

  it('surfaces Yoti’s error body as a typed error', async () => {
    const client = await ourClient(sim());
    const error = await client.getSession('no-such-session').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YotiIdvError);
    expect(error).toMatchObject({ status: 404, code: 'SESSION_NOT_FOUND' });
  });

  it('the receiver refuses a notification without the agreed token', async () => {
    const res = await fetch(`${backend.url}/hooks/yoti-idv`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer wrong' },
      body: JSON.stringify({ session_id: 's', topic: 'session_completion' }),
    });
    expect(res.status).toBe(401);
  });
});
