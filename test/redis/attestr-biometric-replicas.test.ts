import { beforeEach, expect, it } from 'vitest';
import { AttestrClient } from '../../clients/attestr/index.js';
import type { RunningSimulator } from '../../simulator/server.js';
import { clientFor, flowPage } from '../support/biometric.js';
import { describeWithRedis } from '../support/redis-server.js';
import { useReplicas } from '../support/replicas.js';
import { admin } from '../support/simulator.js';

const TIMED_FLOW_KEY = 'replicas-timed-flow-api-key-000000000000000000000';

/** Attestr FlowX and Biometric.kz, each step served by another of three replicas on one Redis. */
describeWithRedis('Attestr and Biometric.kz across three replicas', (redis) => {
  const { replicas } = useReplicas(redis, 3, { clock: 'manual', scenario: 'default' });
  let a: RunningSimulator;
  let b: RunningSimulator;
  let c: RunningSimulator;
  beforeEach(() => {
    [a, b, c] = replicas();
  });

  it('an Attestr handshake made on A, launched on B, timed on C, gives A a result signed with the client secret', async () => {
    const { scenario } = await admin(a, 'GET', '/scenario');
    const [client] = scenario.attestr.clients;
    const [flow] = scenario.attestr.flows;
    const api = (sim: RunningSimulator) =>
      new AttestrClient({
        baseUrl: `${sim.url}/attestr`,
        authToken: client.authToken,
        clientSecret: client.secret,
      });
    const hs = await api(a).createHandshake({ flow: flow.id, snapshot: flow.snapshots[0], tag: 'replicas' });
    const launched = await fetch(`${b.url}/attestr/flowx/sim/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cl: client.clientKey, hs: hs._id, lc: 'en', qr: {} }),
    });
    expect(launched.status).toBe(200);
    // Each stage succeeds 1.5 s after it starts (the default scenario), on the shared clock.
    await admin(c, 'POST', '/clock/advance', { ms: 1_500 });
    await admin(c, 'POST', '/clock/advance', { ms: 1_500 });

    const result = await api(a).executionResult(hs._id);
    expect(result.resultSignature).toEqual(expect.any(String));
    await expect(api(b).verifiedResult(hs._id, result.resultSignature as string)).resolves.toMatchObject({
      resultSignature: result.resultSignature,
    });
    const { timeline } = await admin(b, 'GET', `/sessions/${hs._id}`);
    expect(timeline.filter((e: { event: string }) => e.event === 'COMPLETED')).toHaveLength(1);
  });

  it('a Biometric.kz session made on A, opened on B, whose timed outcomes fire once from C’s clock', async () => {
    const { scenario } = await admin(a, 'GET', '/scenario');
    scenario.biometric.flows.push({
      apiKey: TIMED_FLOW_KEY,
      technologies: ['LD', 'F2F'],
      subResultDelayMs: 0,
      outcomes: { LD: { type: 'pass', afterMs: 1_000 }, F2F: { type: 'pass', afterMs: 1_000 } },
    });
    await admin(b, 'PUT', '/scenario', scenario);

    const { session_id: id } = await clientFor(a, TIMED_FLOW_KEY).createSession();
    expect((await flowPage(b, id)).status).toBe(200);
    await admin(c, 'POST', '/clock/advance', { ms: 1_000 });
    await admin(c, 'POST', '/clock/advance', { ms: 1_000 });

    const result = await clientFor(a, TIMED_FLOW_KEY).getResult(id);
    expect(result).toMatchObject({ status: 'FINISHED', flow_session_result: true });
    const { timeline } = await admin(c, 'GET', `/sessions/${id}`);
    const ends = timeline.filter((e: { event: string }) => e.event === 'technology.end');
    expect(ends.map((e: { detail: { technology: string } }) => e.detail.technology)).toEqual(['LD', 'F2F']);
  });
});
