import { describe, expect, it } from 'vitest';
import { admin, useSimulator } from './support/simulator.js';
import { requestQr, resolveRef } from './support/yoti-share.js';

const SDK = 'retention-app';

// The in-memory store keeps every session under way, and of those that ended only the newest
// `maxEndedSessions`: a long load keeps flat memory while the flows it is running go on.
describe('sessions kept after they end', () => {
  const sim = useSimulator({
    maxEndedSessions: 2,
    scenario: {
      yoti: { apps: [{ sdkId: SDK, scenarios: [{ id: 's', outcome: { type: 'manual' } }] }] },
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
});
