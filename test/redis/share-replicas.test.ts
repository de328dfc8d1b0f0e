import { beforeEach, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/server.js';
import { SCENARIO_ID, SDK_ID, shareScenario } from '../support/kiosk.js';
import { describeWithRedis } from '../support/redis-server.js';
import { eventually, useReplicas } from '../support/replicas.js';
import { admin } from '../support/simulator.js';
import { openSocket } from '../support/ws.js';
import { requestQr, resolveRef, socketUrl } from '../support/yoti-share.js';

/** Two replicas on one Redis, manual clock: a share started on one is carried on by the other. */
describeWithRedis('Yoti shares across two replicas sharing a Redis', (redis) => {
  const { replicas } = useReplicas(redis, 2, {
    clock: 'manual',
    scenario: shareScenario({ type: 'manual' }),
  });
  let a: RunningSimulator;
  let b: RunningSimulator;
  beforeEach(() => {
    [a, b] = replicas();
  });

  it('QR on A, refs and websocket on B, an admin action on A is heard on B', async () => {
    const qr = await requestQr(a, SDK_ID, SCENARIO_ID);
    const ref = await resolveRef(b, qr.ref_id);
    const [created] = (await admin(a, 'GET', '/sessions')).sessions;
    expect(ref.session_data).toBe(created.id);
    const socket = await openSocket(socketUrl(b, ref.session_data));
    expect(await socket.next()).toMatchObject({ status: 'ACCEPTED' });

    await admin(a, 'POST', `/sessions/${encodeURIComponent(ref.session_data)}/actions`, {
      action: 'complete',
    });

    const outcome = await socket.next((m) => m.status === 'COMPLETED');
    expect((await socket.closed).code).toBe(1000);
    const session = await admin(b, 'GET', `/sessions/${encodeURIComponent(ref.session_data)}`);
    expect(session).toMatchObject({ state: 'COMPLETED', data: { token: outcome.token } });
    expect(socket.messages.map((m) => m.status)).toEqual(['ACCEPTED', 'COMPLETED']);
  });

  it('a clock advance on B times out a share subscribed on A, heard exactly once', async () => {
    await admin(a, 'PUT', '/scenario', shareScenario({ type: 'time-out' }, { lifetimeMs: 60_000 }));
    const qr = await requestQr(a, SDK_ID, SCENARIO_ID);
    const { session_data: sessionData } = await resolveRef(a, qr.ref_id);
    const onA = await openSocket(socketUrl(a, sessionData));
    const onB = await openSocket(socketUrl(b, sessionData));
    await onA.next((m) => m.status === 'ACCEPTED');
    await onB.next((m) => m.status === 'ACCEPTED');

    await admin(b, 'POST', '/clock/advance', { ms: 59_999 });
    expect((await admin(a, 'GET', `/sessions/${encodeURIComponent(sessionData)}`)).state).toBe('CONNECTED');
    const clock = await admin(b, 'POST', '/clock/advance', { ms: 1 });

    await Promise.all([onA.closed, onB.closed]);
    expect(onA.messages.map((m) => m.status)).toEqual(['ACCEPTED', 'TIMED_OUT']);
    expect(onB.messages.map((m) => m.status)).toEqual(['ACCEPTED', 'TIMED_OUT']);
    // Both clocks moved, the timeout is on the timeline once, and no timer is left anywhere.
    expect((await admin(a, 'GET', '/clock')).now).toBe(clock.now);
    const session = await admin(a, 'GET', `/sessions/${encodeURIComponent(sessionData)}`);
    expect(session.timeline.filter((e: { event: string }) => e.event === 'TIMED_OUT')).toHaveLength(1);
    expect(session.pending).toEqual([]);
  });

  it('both replicas list the same sessions and every replica’s requests', async () => {
    const first = await requestQr(a, SDK_ID, SCENARIO_ID);
    const second = await requestQr(b, SDK_ID, SCENARIO_ID);
    const ids = async (sim: RunningSimulator) =>
      (await admin(sim, 'GET', '/sessions?provider=yoti')).sessions.map((s: { id: string }) => s.id).sort();
    const listed = await ids(a);
    expect(listed).toHaveLength(2);
    expect(await ids(b)).toEqual(listed);
    expect(new Set(listed).size).toBe(2); // the replicas minted different ids from one seed

    const qrPaths = (sim: RunningSimulator) =>
      eventually(
        async () =>
          (await admin(sim, 'GET', '/requests?path=/scenarios/')).requests.map(
            (r: { path: string }) => r.path,
          ),
        (paths: string[]) => paths.length === 2,
        'two QR requests in the journal',
      );
    expect(await qrPaths(a)).toEqual(await qrPaths(b));
    expect(first.ref_id).not.toBe(second.ref_id);
  });

  it('an override merged on A holds on B, counts span replicas, and a reset drops the override everywhere', async () => {
    await admin(a, 'POST', '/scenario/overrides', {
      yoti: { apps: [{ sdkId: SDK_ID, scenarios: [{ id: SCENARIO_ID, outcome: { type: 'reject' } }] }] },
    });
    const qr = await requestQr(b, SDK_ID, SCENARIO_ID);
    const { session_data: sessionData } = await resolveRef(a, qr.ref_id);
    const socket = await openSocket(socketUrl(b, sessionData));
    expect(await socket.next()).toMatchObject({ status: 'REJECTED' });
    expect((await admin(b, 'GET', '/scenario/overrides')).overrides).toHaveLength(1);
    await eventually(
      () => admin(b, 'GET', '/requests/count?path=/qrcodes/refs/'),
      (counted: { count: number }) => counted.count === 1,
      'the refs request on A counted on B',
    );

    await admin(b, 'POST', '/reset');
    expect((await admin(a, 'GET', '/scenario/overrides')).overrides).toEqual([]);
  });

  it('a scenario loaded on B applies on A too, and a reset on A empties both', async () => {
    await admin(b, 'PUT', '/scenario', { ...shareScenario({ type: 'manual' }), name: 'loaded on B' });
    expect((await admin(a, 'GET', '/scenario')).scenario.name).toBe('loaded on B');
    await requestQr(a, SDK_ID, SCENARIO_ID);
    expect((await admin(b, 'GET', '/sessions')).sessions).toHaveLength(1);

    await admin(a, 'POST', '/reset');
    expect((await admin(b, 'GET', '/sessions')).sessions).toEqual([]);
    expect((await admin(b, 'GET', '/requests')).total).toBe(0);
    expect((await admin(b, 'GET', '/scenario')).scenario.name).toBe('loaded on B');
  });
});
