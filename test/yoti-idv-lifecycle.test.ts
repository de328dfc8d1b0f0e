import { afterEach, describe, expect, it } from 'vitest';
import { createNotificationReceiver, dbsExampleSession } from '../clients/yoti-idv/index.js';
import type { RunningSimulator } from '../simulator/server.js';
import { admin, useSimulator } from './support/simulator.js';
import { deadlineIn, idvScenario, type LocalServer, listen, ourClient } from './support/yoti-idv.js';

const advance = (sim: RunningSimulator, ms: number) => admin(sim, 'POST', '/clock/advance', { ms });
const nowOf = async (sim: RunningSimulator): Promise<number> => (await admin(sim, 'GET', '/clock')).now;
const ttlSession = (ttl: number) => ({
  client_session_token_ttl: ttl,
  requested_checks: [{ type: 'ID_DOCUMENT_AUTHENTICITY' }],
  required_documents: [{ type: 'ID_DOCUMENT' as const }],
});

let receiverServer: LocalServer | undefined;
afterEach(async () => {
  await receiverServer?.close();
  receiverServer = undefined;
});

describe('IDV session lifecycle on the manual clock', () => {
  const sim = useSimulator({ scenario: { name: 'boot' }, clock: 'manual' });

  it('expires at the token ttl, then disappears when resources_ttl runs out', async () => {
    await admin(sim(), 'PUT', '/scenario', await idvScenario());
    const client = await ourClient(sim());
    const { session_id, client_session_token_ttl } = await client.createSession({
      ...ttlSession(600),
      resources_ttl: 90_000,
    });
    expect(client_session_token_ttl).toBe(600);

    await advance(sim(), 599_000);
    expect(await client.getSession(session_id)).toMatchObject({
      state: 'ONGOING',
      client_session_token_ttl: 1,
    });
    await advance(sim(), 2_000);
    expect(await client.getSession(session_id)).toMatchObject({
      state: 'EXPIRED',
      client_session_token_ttl: 0,
    });
    // An expired session cannot be completed any more.
    const action = await fetch(`${sim().url}/__admin/sessions/${session_id}/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'complete' }),
    });
    expect(action.status).toBe(409);

    await advance(sim(), 90_000_000);
    await expect(client.getSession(session_id)).rejects.toMatchObject({
      status: 404,
      code: 'SESSION_NOT_FOUND',
    });
  });

  it('expires at session_deadline', async () => {
    await admin(sim(), 'PUT', '/scenario', await idvScenario());
    const client = await ourClient(sim());
    const { session_id } = await client.createSession(dbsExampleSession(deadlineIn(3, await nowOf(sim()))));
    await advance(sim(), 3 * 86_400_000 - 1_000);
    expect((await client.getSession(session_id)).state).toBe('ONGOING');
    await advance(sim(), 1_000);
    expect((await client.getSession(session_id)).state).toBe('EXPIRED');
  });

  it('completes as the scenario scripts it: per-check recommendations, reasons and breakdown', async () => {
    await admin(
      sim(),
      'PUT',
      '/scenario',
      await idvScenario({
        outcome: {
          type: 'complete',
          afterMs: 5_000,
          checks: {
            PROFILE_DOCUMENT_MATCH: {
              recommendation: 'REJECT',
              reason: 'APPLICANT_PROFILE_MISMATCH',
              breakdown: [
                {
                  sub_check: 'name_match',
                  result: 'FAIL',
                  details: [{ name: 'field', value: 'family_name' }],
                },
              ],
            },
          },
          documentFields: { full_name: 'John James Doe', document_number: 'X1234567' },
        },
      }),
    );
    const client = await ourClient(sim());
    const { session_id } = await client.createSession(dbsExampleSession(deadlineIn(3, await nowOf(sim()))));
    await advance(sim(), 4_999);
    expect((await client.getSession(session_id)).state).toBe('ONGOING');
    await advance(sim(), 1);
    const done = await client.getSession(session_id);
    expect(done.state).toBe('COMPLETED');
    const byType = Object.fromEntries(done.checks.map((c) => [c.type, c.report]));
    expect(byType.IBV_VISUAL_REVIEW_CHECK?.recommendation.value).toBe('APPROVE');
    expect(byType.PROFILE_DOCUMENT_MATCH).toMatchObject({
      recommendation: { value: 'REJECT', reason: 'APPLICANT_PROFILE_MISMATCH' },
      breakdown: [
        { sub_check: 'name_match', result: 'FAIL', details: [{ name: 'field', value: 'family_name' }] },
      ],
    });
    const mediaId = done.resources.id_documents[0].document_fields?.media.id as string;
    const fields = await client.getMediaContent(session_id, mediaId);
    expect(JSON.parse(new TextDecoder().decode(fields?.bytes))).toEqual({
      full_name: 'John James Doe',
      document_number: 'X1234567',
    });
  });

  it('answers 404 for a deleted session', async () => {
    await admin(sim(), 'PUT', '/scenario', await idvScenario());
    const client = await ourClient(sim());
    const { session_id } = await client.createSession(ttlSession(600));
    await client.deleteSession(session_id);
    await expect(client.getConfiguration(session_id)).rejects.toMatchObject({ status: 404 });
    await expect(client.deleteSession(session_id)).rejects.toMatchObject({ status: 404 });
  });
});

describe('IDV notifications to a real HTTP receiver', () => {
  const sim = useSimulator({ scenario: { name: 'boot' } });

  it('delivers SESSION_COMPLETION with the auth header, retrying after the receiver fails once', async () => {
    await admin(
      sim(),
      'PUT',
      '/scenario',
      await idvScenario({
        outcome: { type: 'complete', afterMs: 50 },
        notifications: { maxAttempts: 3, backoffMs: 100 },
      }),
    );
    let failures = 0;
    const receiver = createNotificationReceiver({
      authToken: 'user:secret',
      onNotification: (n) => {
        if (n.topic === 'session_completion' && failures === 0) {
          failures++;
          throw new Error('database briefly down');
        }
      },
    });
    receiverServer = await listen(receiver.fetch);
    const client = await ourClient(sim());
    const request = dbsExampleSession(deadlineIn(3), `${receiverServer.url}/yoti/idv`);
    request.notifications = {
      ...request.notifications,
      endpoint: `${receiverServer.url}/yoti/idv`,
      auth_token: 'user:secret',
      auth_type: 'BASIC',
    };
    const { session_id } = await client.createSession(request);

    const notification = await receiver.waitFor(session_id, 'SESSION_COMPLETION', 10_000);
    expect(notification).toEqual({ session_id, topic: 'session_completion' });
    expect(failures).toBe(1);
    expect((await client.getSession(session_id)).state).toBe('COMPLETED');
    // Only the subscribed topic was sent; both attempts are in the journal.
    expect(receiver.received.map((n) => n.topic)).toEqual(['session_completion']);
    const journal = await admin(sim(), 'GET', `/requests?kind=webhook&sessionId=${session_id}`);
    expect(journal.requests.map((r: { status: number }) => r.status).reverse()).toEqual([500, 204]);
  });

  it('sends the branch topics on the matching admin actions, and every topic when none is listed', async () => {
    await admin(sim(), 'PUT', '/scenario', await idvScenario());
    const receiver = createNotificationReceiver();
    receiverServer = await listen(receiver.fetch);
    const client = await ourClient(sim());
    const request = dbsExampleSession(deadlineIn(3));
    request.notifications = { endpoint: receiverServer.url };
    const { session_id } = await client.createSession(request);
    for (const action of ['pdf-supplied', 'instructions-email', 'thank-you-email']) {
      await admin(sim(), 'POST', `/sessions/${session_id}/actions`, { action });
    }
    await receiver.waitFor(session_id, 'NEW_PDF_SUPPLIED', 5_000);
    await receiver.waitFor(session_id, 'INSTRUCTIONS_EMAIL_REQUESTED', 5_000);
    await receiver.waitFor(session_id, 'THANK_YOU_EMAIL_REQUESTED', 5_000);

    await admin(sim(), 'POST', `/sessions/${session_id}/actions`, {
      action: 'ibv-review',
      recommendation: 'REJECT',
      reason: 'DOCUMENT_NOT_GENUINE',
    });
    await receiver.waitFor(session_id, 'SESSION_COMPLETION', 5_000);
    const checkIds = (await client.getSession(session_id)).checks.map((c) => c.id).sort();
    await expect
      .poll(() =>
        receiver.received
          .filter((n) => n.topic === 'check_completion')
          .map((n) => n.check_id)
          .sort(),
      )
      .toEqual(checkIds);
    expect(receiver.received.some((n) => n.topic === 'resource_update' && n.resource_id)).toBe(true);
    const result = await client.getSession(session_id);
    expect(result.checks.every((c) => c.report?.recommendation.value === 'REJECT')).toBe(true);
  });

  it('refuses a branch-topic action for a session not subscribed to it', async () => {
    await admin(sim(), 'PUT', '/scenario', await idvScenario());
    const client = await ourClient(sim());
    const { session_id } = await client.createSession(dbsExampleSession(deadlineIn(3)));
    const res = await fetch(`${sim().url}/__admin/sessions/${session_id}/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'pdf-supplied' }),
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toContain('NEW_PDF_SUPPLIED');
  });
});
