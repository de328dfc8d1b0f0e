import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunningSimulator } from '../simulator/server.js';
import { admin, useSimulator } from './support/simulator.js';
import {
  type Any,
  digitalIdentityClient,
  digitalIdScenario,
  sessionAction,
  shareSessionConfig,
} from './support/yoti-digital-id.js';
import { type LocalServer, listen } from './support/yoti-idv.js';

const advance = (sim: RunningSimulator, ms: number) => admin(sim, 'POST', '/clock/advance', { ms });

/** A session's status once the outcome a timer fired has been written (it runs asynchronously). */
const statusBecomes = (client: Any, id: string, status: string) =>
  vi.waitFor(
    async () => {
      const session = await client.getShareSession(id);
      expect(session.getStatus()).toBe(status);
      return session;
    },
    { timeout: 5_000, interval: 20 },
  );

interface Received {
  method: string;
  headers: Headers;
  body: Any;
}

/** A relying party's notification endpoint that refuses the first `failures` calls. */
async function receiver(failures = 0) {
  const received: Received[] = [];
  let refused = 0;
  const server = await listen(async (request) => {
    if (refused < failures) {
      refused++;
      return new Response('busy', { status: 503 });
    }
    const text = await request.text();
    received.push({
      method: request.method,
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
    });
    return new Response(null, { status: 204 });
  });
  servers.push(server);
  return { url: `${server.url}/yoti/share-updates`, received };
}

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Waits for notifications sent on their own (webhooks go out asynchronously). */
async function until<T>(read: () => T[], count: number): Promise<T[]> {
  for (let i = 0; i < 200 && read().length < count; i++) await new Promise((r) => setTimeout(r, 10));
  return read();
}

describe('Digital ID session lifecycle on the simulator clock', () => {
  const sim = useSimulator({ scenario: { name: 'boot' }, clock: 'manual' });

  it('runs the scenario script from the QR scan: COMPLETED after afterMs, with the scripted profile', async () => {
    await admin(
      sim(),
      'PUT',
      '/scenario',
      await digitalIdScenario({
        outcome: { type: 'share', afterMs: 4_000, profile: { full_name: 'Sam Scripted' } },
      }),
    );
    const client = await digitalIdentityClient(sim());
    const { id } = await client.createShareSession(shareSessionConfig());
    await advance(sim(), 60_000);
    expect((await client.getShareSession(id)).getStatus()).toBe('CREATED'); // nothing before the scan
    await client.createShareQrCode(id);
    await sessionAction(sim(), id, 'scan');
    await advance(sim(), 3_999);
    expect((await client.getShareSession(id)).getStatus()).toBe('IN_PROGRESS');
    await advance(sim(), 1);
    const session = await statusBecomes(client, id, 'COMPLETED');
    const receipt = await client.getShareReceipt(session.getReceiptId());
    expect(receipt.getProfile().getFullName().getValue()).toBe('Sam Scripted');
  });

  it('fails with the scripted failure receipt, declines, and expires', async () => {
    await admin(
      sim(),
      'PUT',
      '/scenario',
      await digitalIdScenario({
        outcome: { type: 'fail', afterMs: 1_000, error: 'FRAUD_DETECTED' },
        lifetimeMs: 120_000,
      }),
    );
    const client = await digitalIdentityClient(sim());
    const failed = await client.createShareSession(shareSessionConfig());
    await sessionAction(sim(), failed.getId(), 'scan');
    await advance(sim(), 1_000);
    const failedSession = await statusBecomes(client, failed.getId(), 'FAILED');
    expect((await client.getShareReceipt(failedSession.getReceiptId())).getError()).toBe('FRAUD_DETECTED');

    await admin(
      sim(),
      'PUT',
      '/scenario',
      await digitalIdScenario({ outcome: { type: 'decline', afterMs: 500 } }, 13),
    );
    const declined = await client.createShareSession(shareSessionConfig());
    await sessionAction(sim(), declined.getId(), 'scan');
    await advance(sim(), 500);
    const declinedSession = await statusBecomes(client, declined.getId(), 'CANCELLED');
    expect(declinedSession.getReceiptId()).toBeUndefined();

    await admin(
      sim(),
      'PUT',
      '/scenario',
      await digitalIdScenario({ outcome: { type: 'expire' }, lifetimeMs: 90_000 }, 14),
    );
    const expiring = await client.createShareSession(shareSessionConfig());
    await sessionAction(sim(), expiring.getId(), 'scan');
    await advance(sim(), 89_999);
    expect((await client.getShareSession(expiring.getId())).getStatus()).toBe('IN_PROGRESS');
    await advance(sim(), 1);
    await statusBecomes(client, expiring.getId(), 'EXPIRED');
    const late = await sessionAction(sim(), expiring.getId(), 'share').catch((e: Error) => e.message);
    expect(late).toMatch(/409.*already ended \(EXPIRED\)/);
  });

  it('notifies each change at the endpoint, with its method and headers, and retries on the clock', async () => {
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario({ outcome: { type: 'manual' } }, 15));
    const endpoint = await receiver(1);
    const client = await digitalIdentityClient(sim());
    const { id } = await client.createShareSession(
      shareSessionConfig(undefined, {
        url: endpoint.url,
        method: 'PUT',
        headers: { Authorization: 'Bearer rp-secret', 'X-Tenant': 'acme' },
      }),
    );
    await sessionAction(sim(), id, 'scan');
    // The first attempt got 503; the retry waits for the clock (backoff 1 s).
    await new Promise((r) => setTimeout(r, 100));
    expect(endpoint.received).toEqual([]);
    await advance(sim(), 1_000);
    await until(() => endpoint.received, 1);
    await sessionAction(sim(), id, 'share');
    const [scanned, completed] = await until(() => endpoint.received, 2);
    expect(scanned.method).toBe('PUT');
    expect(scanned.headers.get('authorization')).toBe('Bearer rp-secret');
    expect(scanned.headers.get('x-tenant')).toBe('acme');
    expect(scanned.body).toMatchObject({ id, status: 'IN_PROGRESS' });
    const session = await client.getShareSession(id);
    expect(completed.body).toEqual({
      id,
      status: 'COMPLETED',
      created: session.getCreated().toISOString(),
      updated: session.getUpdated().toISOString(),
      receipt: { id: session.getReceiptId() },
    });

    const failing = await client.createShareSession(shareSessionConfig(undefined, { url: endpoint.url }));
    await sessionAction(sim(), failing.getId(), 'fail', { error: 'MANDATORY_DOCUMENT_NOT_PROVIDED' });
    const [, , , failed] = await until(() => endpoint.received, 4);
    expect(failed.method).toBe('POST');
    expect(failed.body.receipt.error).toBe('MANDATORY_DOCUMENT_NOT_PROVIDED');

    const journal = await admin(sim(), 'GET', `/requests?sessionId=${encodeURIComponent(id)}`);
    const attempts = journal.requests.filter((e: Any) => e.kind === 'webhook');
    expect(attempts.map((e: Any) => [e.method, e.status, e.note])).toEqual(
      expect.arrayContaining([
        ['PUT', 503, 'attempt 1/5'],
        ['PUT', 204, 'attempt 2/5'],
      ]),
    );
  });

  it('reports an identity profile for identity-profile policies, simple and advanced', async () => {
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario({ outcome: { type: 'manual' } }, 16));
    const client = await digitalIdentityClient(sim());
    const simple = await client.createShareSession(
      shareSessionConfig((p: Any) =>
        p.withIdentityProfileRequirements({ trust_framework: 'UK_TFIDA', scheme: { type: 'RTW' } }),
      ),
    );
    await sessionAction(sim(), simple.getId(), 'share');
    const receipt = await client.getShareReceipt(
      (await client.getShareSession(simple.getId())).getReceiptId(),
    );
    const profile = receipt.getProfile();
    const report = profile.getIdentityProfileReport().getValue();
    expect(report.verification_report.trust_framework).toBe('UK_TFIDA');
    expect(report.verification_report.schemes_compliance).toEqual([
      { scheme: { type: 'RTW', objective: '' }, requirements_met: true },
    ]);
    const { selfie_attribute_id } = report.verification_report.evidence.face;
    expect(profile.getAttributeById(selfie_attribute_id).getName()).toBe('selfie');
    const [document] = report.verification_report.evidence.documents;
    expect(profile.getAttributeById(document.document_images_attribute_id).getValue()).toHaveLength(2);

    const advanced = await client.createShareSession(
      shareSessionConfig((p: Any) =>
        p.withAdvancedIdentityProfileRequirements({
          profiles: [
            { trust_framework: 'UK_TFIDA', schemes: [{ type: 'DBS', objective: 'STANDARD', label: 'dbs' }] },
            {
              trust_framework: 'YOTI_GLOBAL',
              schemes: [{ type: 'IDENTITY', objective: 'AL_L1', label: 'l1' }],
            },
          ],
        }),
      ),
    );
    await sessionAction(sim(), advanced.getId(), 'share');
    const advancedReceipt = await client.getShareReceipt(
      (await client.getShareSession(advanced.getId())).getReceiptId(),
    );
    const reports = advancedReceipt.getProfile().getIdentityProfileReport().getValue().verification_reports;
    expect(reports.map((r: Any) => r.trust_framework)).toEqual(['UK_TFIDA', 'YOTI_GLOBAL']);
    expect(reports[0].schemes_compliance[0].scheme).toEqual({
      type: 'DBS',
      objective: 'STANDARD',
      label: 'dbs',
    });
  });

  it('reports requirements not met when the scenario says so', async () => {
    await admin(
      sim(),
      'PUT',
      '/scenario',
      await digitalIdScenario(
        {
          outcome: {
            type: 'share',
            afterMs: 0,
            identityProfile: { requirementsMet: false, requirementsNotMetInfo: 'DOCUMENT_EXPIRED' },
          },
        },
        17,
      ),
    );
    const client = await digitalIdentityClient(sim());
    const { id } = await client.createShareSession(
      shareSessionConfig((p: Any) =>
        p.withIdentityProfileRequirements({
          trust_framework: 'UK_TFIDA',
          scheme: { type: 'DBS', objective: 'BASIC' },
        }),
      ),
    );
    await sessionAction(sim(), id, 'scan');
    await advance(sim(), 0);
    const receipt = await client.getShareReceipt(
      (await statusBecomes(client, id, 'COMPLETED')).getReceiptId(),
    );
    expect(
      receipt.getProfile().getIdentityProfileReport().getValue().verification_report.schemes_compliance,
    ).toEqual([
      {
        scheme: { type: 'DBS', objective: 'BASIC' },
        requirements_met: false,
        requirements_not_met_info: 'DOCUMENT_EXPIRED',
      },
    ]);
  });
});
