import { describe, expect, it } from 'vitest';
import { MemorySessionStore } from '../simulator/engine/store.js';
import { admin, useSimulator } from './support/simulator.js';
import { openSocket } from './support/ws.js';
import { downloadKey, yotiClient } from './support/yoti-profile.js';
import { requestQr, resolveRef, socketUrl } from './support/yoti-share.js';

const SDK = 'race-app';
const scenario = {
  seed: 3,
  yoti: {
    apps: [
      {
        sdkId: SDK,
        generateKey: true,
        scenarios: [
          {
            id: 'qa',
            policy: { wanted: [{ name: 'given_names' }] },
            outcome: { type: 'manual' },
            lifetimeMs: 600_000,
          },
        ],
      },
    ],
  },
};

describe('two decisions racing for one share', () => {
  const sim = useSimulator({ scenario, clock: 'manual' });

  it('lets one win; the loser gets 409, mints nothing and leaves the share as the winner made it', async () => {
    const pem = await downloadKey(sim(), SDK);
    const meta = await resolveRef(sim(), (await requestQr(sim(), SDK, 'qa')).ref_id);
    const socket = await openSocket(socketUrl(sim(), meta.session_data));
    await socket.next((m) => m.status === 'ACCEPTED');
    const complete = (name: string) =>
      fetch(`${sim().url}/__admin/sessions/${meta.session_data}/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'complete', profile: { given_names: name } }),
      });
    const [alice, bob] = await Promise.all([complete('Alice'), complete('Bob')]);
    expect([alice.status, bob.status].sort()).toEqual([200, 409]);
    const winner = alice.status === 200 ? 'Alice' : 'Bob';

    const done = await socket.next((m) => m.status === 'COMPLETED');
    socket.ws.close();
    const details = await yotiClient(sim(), SDK, pem).getActivityDetails(done.token as string);
    expect(details.getProfile().getGivenNames().getValue()).toBe(winner);
    const { data } = await admin(sim(), 'GET', `/sessions/${meta.session_data}`);
    expect(data.profile).toEqual({ given_names: winner });
    expect(JSON.stringify(data)).not.toContain(winner === 'Alice' ? 'Bob' : 'Alice');
  });
});

describe('sessions evicted by the store', () => {
  const sim = useSimulator({ scenario, clock: 'manual', store: new MemorySessionStore(5) });

  it('take their timers with them', async () => {
    for (let i = 0; i < 12; i++) await requestQr(sim(), SDK, 'qa');
    expect((await admin(sim(), 'GET', '/sessions')).sessions).toHaveLength(5);
    const { pendingTimers } = await admin(sim(), 'GET', '/clock');
    expect(pendingTimers).toHaveLength(5);
  });
});
