import { describe, expect, it } from 'vitest';
import { admin, useSimulator } from './support/simulator.js';
import { requestQr, resolveRef } from './support/yoti-share.js';

const SDK = 'admin-app';
const scenario = {
  name: 'admin-test',
  yoti: { apps: [{ sdkId: SDK, scenarios: [{ id: 'manual', outcome: { type: 'manual' } }] }] },
};

const JSON_TYPE = { 'content-type': 'application/json' };

describe('admin API', () => {
  const sim = useSimulator({ scenario });

  it('reports health', async () => {
    const res = await fetch(`${sim().url}/__admin/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('lists sessions by the provider’s own id, filterable by provider and state', async () => {
    const { ref_id } = await requestQr(sim(), SDK, 'manual');
    const { session_data } = await resolveRef(sim(), ref_id);
    const { sessions } = await admin(sim(), 'GET', '/sessions?provider=yoti&state=WAITING');
    expect(sessions.map((s: { id: string }) => s.id)).toContain(session_data);
    expect((await admin(sim(), 'GET', '/sessions?provider=attestr')).sessions).toEqual([]);
    const detail = await admin(sim(), 'GET', `/sessions/${session_data}`);
    expect(detail).toMatchObject({ id: session_data, provider: 'yoti', kind: 'share', state: 'WAITING' });
    expect(detail.actions).toEqual(['complete', 'fail', 'time-out']);
    expect((await fetch(`${sim().url}/__admin/sessions/nope`)).status).toBe(404);
  });

  it('shows the clock and refuses to advance real time', async () => {
    const clock = await admin(sim(), 'GET', '/clock');
    expect(clock.mode).toBe('real');
    const res = await fetch(`${sim().url}/__admin/clock/advance`, {
      method: 'POST',
      body: '{"ms": 10}',
      headers: JSON_TYPE,
    });
    expect(res.status).toBe(409);
    const bad = await fetch(`${sim().url}/__admin/clock/advance`, {
      method: 'POST',
      body: '{"ms": -1}',
      headers: JSON_TYPE,
    });
    expect(bad.status).toBe(400);
    const notJson = await fetch(`${sim().url}/__admin/clock/advance`, {
      method: 'POST',
      body: '{',
      headers: JSON_TYPE,
    });
    expect(notJson.status).toBe(400);
  });

  it('switches to manual time and advances it', async () => {
    await admin(sim(), 'PUT', '/clock', { mode: 'manual' });
    const before = (await admin(sim(), 'GET', '/clock')).now;
    const after = await admin(sim(), 'POST', '/clock/advance', { ms: 60_000 });
    expect(after.now - before).toBe(60_000);
    await admin(sim(), 'PUT', '/clock', { mode: 'real' });
  });

  it('journals requests, filters them, and clears them', async () => {
    await fetch(`${sim().url}/yoti/api/v1.1/qrcodes/refs/missing-ref`);
    const { requests } = await admin(sim(), 'GET', '/requests?provider=yoti&status=404&path=missing-ref');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      kind: 'http',
      method: 'GET',
      status: 404,
      path: '/yoti/api/v1.1/qrcodes/refs/missing-ref',
    });
    expect(requests[0].responseBody).toContain('NOT_FOUND');
    await admin(sim(), 'DELETE', '/requests');
    expect((await admin(sim(), 'GET', '/requests')).total).toBe(0);
  });

  it('loads a valid scenario at run time, and an invalid one changes nothing', async () => {
    const yaml = `name: swapped\nyoti:\n  apps:\n    - sdkId: other-app\n      scenarios: [{id: s1}]\n`;
    const ok = await fetch(`${sim().url}/__admin/scenario`, {
      method: 'PUT',
      body: yaml,
      headers: { 'content-type': 'application/yaml' },
    });
    expect(ok.status).toBe(200);
    expect((await admin(sim(), 'GET', '/scenario')).scenario.name).toBe('swapped');
    expect((await fetch(`${sim().url}/yoti/api/v1.1/sessions/apps/other-app/scenarios/s1`)).status).toBe(200);

    const bad = await fetch(`${sim().url}/__admin/scenario`, {
      method: 'PUT',
      body: JSON.stringify({
        name: 'broken',
        yoti: { apps: [{ sdkId: 'x', scenarios: [{ id: 's', lifetimeMs: -5 }] }] },
      }),
      headers: JSON_TYPE,
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      file: '<request body>',
      path: 'yoti.apps[0].scenarios[0].lifetimeMs',
    });
    expect((await admin(sim(), 'GET', '/scenario')).scenario.name).toBe('swapped');
  });

  it('resets sessions and the journal', async () => {
    await admin(sim(), 'PUT', '/scenario', scenario);
    await requestQr(sim(), SDK, 'manual');
    await admin(sim(), 'POST', '/reset');
    expect((await admin(sim(), 'GET', '/sessions')).sessions).toEqual([]);
    expect((await admin(sim(), 'GET', '/requests')).total).toBe(0);
  });

  it('answers an unknown admin route with 404', async () => {
    const res = await fetch(`${sim().url}/__admin/nothing`);
    expect(res.status).toBe(404);
  });
});
