import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { admin, useSimulator } from './support/simulator.js';
import { completeShare, downloadKey, yotiClient } from './support/yoti-profile.js';
import { requestQr, resolveRef } from './support/yoti-share.js';

const SDK = 'retention-app';

// The in-memory store keeps every session under way, and of those that ended only the newest
// `maxEndedSessions`: a long load keeps flat memory while the flows it is running go on.
describe('sessions kept after they end', () => {
  const sim = useSimulator({
    maxEndedSessions: 2,
    clock: 'manual',
    stateDir: mkdtempSync(join(tmpdir(), 'kyc-retention-')),
    scenario: {
      yoti: {
        apps: [
          {
            sdkId: SDK,
            scenarios: [
              { id: 's', outcome: { type: 'manual' } },
              { id: 'shares', outcome: { type: 'complete', afterMs: 1000 } },
            ],
          },
        ],
      },
    },
  });

  it('forgets the first ended share past the limit, its refs included, and keeps those under way', async () => {
    const refIds: string[] = [];
    const shares = [];
    for (let i = 0; i < 4; i++) {
      const { ref_id } = await requestQr(sim(), SDK, 's');
      refIds.push(ref_id);
      shares.push(await resolveRef(sim(), ref_id));
    }
    const [first, second, third, waiting] = shares.map((s) => s.session_data);
    for (const id of [first, second, third])
      await admin(sim(), 'POST', `/sessions/${id}/actions`, { action: 'fail' });

    const { sessions } = await admin<{ sessions: { id: string; state: string }[] }>(
      sim(),
      'GET',
      '/sessions',
    );
    const kept = new Map(sessions.map((s) => [s.id, s.state]));
    expect(kept.has(first)).toBe(false);
    expect(kept.get(second)).toBe('FAILED');
    expect(kept.get(third)).toBe('FAILED');
    expect(kept.get(waiting)).toBe('WAITING');

    const gone = await fetch(`${sim().url}/__admin/sessions/${first}`);
    expect(gone.status).toBe(404);
    const refs = await fetch(`${sim().url}/yoti/api/v1.1/qrcodes/refs/${refIds[0]}`);
    expect(refs.status).toBe(404);
    expect(await refs.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await fetch(`${sim().url}/yoti/api/v1.1/qrcodes/refs/${refIds[1]}`)).status).toBe(200);
  });

  it('forgets a completed share whose token is not yet exchanged after the other ended shares', async () => {
    const s = sim();
    const completed = await completeShare(s, (await requestQr(s, SDK, 'shares')).ref_id, 1000);
    expect(completed.status).toBe('COMPLETED');
    const endOneShare = async () => {
      const { session_data } = await resolveRef(s, (await requestQr(s, SDK, 's')).ref_id);
      await admin(s, 'POST', `/sessions/${session_data}/actions`, { action: 'fail' });
    };
    for (let i = 0; i < 3; i++) await endOneShare();
    const kept = async () => (await fetch(`${s.url}/__admin/sessions/${completed.sessionData}`)).status;
    expect(await kept()).toBe(200);

    // The backend's exchange, as the real SDK makes it: the share is no longer awaited.
    const client = yotiClient(s, SDK, await downloadKey(s, SDK));
    const details = await client.getActivityDetails(completed.token);
    expect(details.getRememberMeId()).toBeTruthy();
    for (let i = 0; i < 2; i++) await endOneShare();
    expect(await kept()).toBe(404);
  });
});
