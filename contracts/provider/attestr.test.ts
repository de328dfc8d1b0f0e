import { join } from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../simulator/server.js';
import { ERRORS_SCENARIO } from '../../test/support/attestr.js';

/** Verifies the simulator's /attestr API against the Attestr reference client's pact. */
const PACT = join(import.meta.dirname, '..', 'pacts', 'attestr-client-kyc-sim-attestr.json');
const TOKEN = 'b2stdG9rZW4';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, logLevel: 'silent', scenario: ERRORS_SCENARIO });
});

afterAll(async () => {
  await sim?.close();
});

async function post(path: string, body: unknown, token?: string) {
  const res = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Basic ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} → ${res.status}: ${await res.text()}`);
  return res.json();
}

/** A handshake of the manual flow, both stages completed through the admin API. */
async function completedHandshake(): Promise<string> {
  const hs = await post(
    '/attestr/api/v2/public/flowx/handshake',
    { flow: 'FLmanual', snapshot: null, tag: 'user-42' },
    TOKEN,
  );
  for (let i = 0; i < 2; i++) await post(`/__admin/sessions/${hs._id}/actions`, { action: 'succeed-stage' });
  return hs._id;
}

interface JournalEntry {
  method: string;
  path: string;
  status: number;
}

describe('kyc-sim-attestr honours the attestr-client pact', () => {
  it('verifies every interaction', async () => {
    const handshakes: Record<string, string> = {};
    // verifyProvider() rejects when an interaction fails; what it does not show is that the
    // interactions reached the simulator with the handshakes the provider states made.
    await new Verifier({
      provider: 'kyc-sim-attestr',
      providerBaseUrl: sim.url,
      pactUrls: [PACT],
      logLevel: 'warn',
      stateHandlers: {
        'the app is registered and flow FLhappy is active': async () => undefined,
        'a completed handshake exists': async () => {
          handshakes.completed = await completedHandshake();
          return { id: handshakes.completed };
        },
        'an archived handshake exists': async () => {
          const id = await completedHandshake();
          await post(`/__admin/sessions/${id}/actions`, { action: 'archive' });
          handshakes.archived = id;
          return { id };
        },
      },
    }).verifyProvider();

    const { requests } = (await (
      await fetch(`${sim.url}/__admin/requests?provider=attestr&limit=500`)
    ).json()) as {
      requests: JournalEntry[];
    };
    const answered = (method: string, path: string) =>
      requests.filter((r) => r.method === method && r.path === path).map((r) => r.status);
    const HANDSHAKE = '/attestr/api/v2/public/flowx/handshake';
    expect(answered('GET', `${HANDSHAKE}/${handshakes.completed}`)).toEqual([200]);
    expect(answered('GET', `${HANDSHAKE}/${handshakes.archived}`)).toEqual([200]);
    expect(answered('POST', HANDSHAKE)).toEqual(expect.arrayContaining([200, 400, 401]));
  });
});
