import { generateKeyPairSync } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { internals, RequestBuilder } from 'yoti';
import { startRoundRobin } from '../../bench/round-robin.js';
import { YotiShareClient } from '../../clients/yoti-share/index.js';
import type { RunningSimulator } from '../../simulator/server.js';
import {
  expectSharedToken,
  SCENARIO_ID,
  SDK_ID,
  shareScenario,
  startCallbackReceiver,
} from '../support/kiosk.js';
import { describeWithRedis } from '../support/redis-server.js';
import { startReplica, storeUrl } from '../support/replicas.js';
import { admin } from '../support/simulator.js';
import { openSocket } from '../support/ws.js';
import { yotiClient } from '../support/yoti-profile.js';
import { requestQr, resolveRef, socketUrl } from '../support/yoti-share.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** The share scenario with the app's registered key (the SDK signs and decrypts) and a policy for names. */
const scenarioWithKey = (outcome: Record<string, unknown>, callbackEndpoint?: string) => {
  const base = shareScenario(outcome, callbackEndpoint ? { callbackEndpoint } : {});
  const [app] = base.yoti.apps;
  const policy = { wanted: [{ name: 'given_names' }, { name: 'family_name' }] };
  const scenarios = app.scenarios.map((s) => ({ ...s, policy }));
  return { ...base, yoti: { apps: [{ ...app, publicKey: publicPem, scenarios }] } };
};

describeWithRedis('replicas through the real clients: failover, nonces, alternating requests', (redis) => {
  const started: RunningSimulator[] = [];
  const stoppers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all([
      ...started.splice(0).map((s) => s.close()),
      ...stoppers.splice(0).map((stop) => stop()),
    ]);
  });
  async function replicas(n: number, options: Parameters<typeof startReplica>[1]) {
    const store = storeUrl(redis());
    const out: RunningSimulator[] = [];
    for (let i = 0; i < n; i++) out.push(await startReplica(store, options));
    started.push(...out);
    return out;
  }

  it('a share survives the replica that created it: A stops mid-flow, B finishes it', async () => {
    const [a, b] = await replicas(2, {
      clock: 'manual',
      scenario: shareScenario({ type: 'complete', afterMs: 5_000 }),
    });
    const qr = await requestQr(a, SDK_ID, SCENARIO_ID);
    const { session_data: sessionData } = await resolveRef(a, qr.ref_id);
    // The user scans: A arms the outcome 5 s out; a second kiosk screen watches on B.
    const onA = await openSocket(socketUrl(a, sessionData));
    await onA.next((m) => m.status === 'ACCEPTED');
    const onB = await openSocket(socketUrl(b, sessionData));
    await onB.next((m) => m.status === 'ACCEPTED');

    await a.close();
    expect((await onA.closed).code).toBe(1001);
    await admin(b, 'POST', '/clock/advance', { ms: 5_000 });

    const done = await onB.next((m) => m.status === 'COMPLETED');
    await expectSharedToken(b, { token: done.token as string, sessionData } as never);
    expect((await admin(b, 'GET', `/sessions/${encodeURIComponent(sessionData)}`)).pending).toEqual([]);
  });

  it('with the real clock, a timer armed on a stopped replica fires on another, once', async () => {
    // Long enough for the checks below to run before it is due; the wait is for an event, not a time.
    const [a, b] = await replicas(2, { scenario: shareScenario({ type: 'complete', afterMs: 1_500 }) });
    const qr = await requestQr(a, SDK_ID, SCENARIO_ID);
    const { session_data: sessionData } = await resolveRef(b, qr.ref_id);
    // A hears the scan first and arms the outcome; B only watches.
    const onA = await openSocket(socketUrl(a, sessionData));
    await onA.next((m) => m.status === 'ACCEPTED');
    const onB = await openSocket(socketUrl(b, sessionData));
    await onB.next((m) => m.status === 'ACCEPTED');
    const [timer] = (await admin(b, 'GET', `/sessions/${encodeURIComponent(sessionData)}`)).pending;
    expect(timer.slot).toBe('outcome');
    const armedOn = async (sim: RunningSimulator) =>
      (await admin(sim, 'GET', '/clock')).pendingTimers.some(
        (t: { label: string }) => t.label === `yoti share complete ${sessionData}`,
      );
    expect([await armedOn(a), await armedOn(b)]).toEqual([true, false]);
    await a.close();

    await onB.next((m) => m.status === 'COMPLETED', 5_000);
    expect((await onB.closed).code).toBe(1000);
    expect(onB.messages.map((m) => m.status)).toEqual(['ACCEPTED', 'COMPLETED']);
    const session = await admin(b, 'GET', `/sessions/${encodeURIComponent(sessionData)}`);
    expect(session.timeline.filter((e: { event: string }) => e.event === 'COMPLETED')).toHaveLength(1);
  });

  it('a signed request replayed to another replica is refused: NONCE_ALREADY_USED', async () => {
    const [a, b] = await replicas(2, { scenario: scenarioWithKey({ type: 'manual' }) });
    const token = await completedShareToken(a, b);
    // The SDK signs path and query (nonce, timestamp), not the host: the request is valid on any replica.
    const signed = new RequestBuilder()
      .withBaseUrl(`${a.url}/yoti/api/v1`)
      .withPemString(pem)
      .withEndpoint(`/profile/${token.connect}`)
      .withQueryParam('appId', SDK_ID)
      .withHeader('X-Yoti-Auth-Key', internals.YotiCommon.getAuthKeyFromPem(pem))
      .withGet()
      .build();
    const headers = { ...signed.getHeaders() };
    const first = await fetch(signed.getUrl(), { headers });
    expect(first.status).toBe(200);
    const replay = await fetch(signed.getUrl().replace(a.url, b.url), { headers });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ code: 'NONCE_ALREADY_USED' });
  });

  it('the kiosk client and the Yoti SDK complete a share whose requests alternate between replicas', async () => {
    const receiver = await startCallbackReceiver();
    stoppers.push(() => receiver.close());
    const replicaSet = await replicas(2, {
      clock: 'manual',
      scenario: scenarioWithKey(
        { type: 'complete', afterMs: 2_000, profile: { given_names: 'Ada', family_name: 'Lovelace' } },
        receiver.url,
      ),
    });
    const balancer = await startRoundRobin(replicaSet.map((r) => r.url));
    stoppers.push(() => balancer.close());
    const front = { url: balancer.url } as RunningSimulator;

    const kiosk = new YotiShareClient({
      baseUrl: `${balancer.url}/yoti`,
      sdkId: SDK_ID,
      scenarioId: SCENARIO_ID,
      restartDelayMs: 0,
    });
    kiosk.on('state', (state) => {
      if (state === 'waiting-for-user') void admin(front, 'POST', '/clock/advance', { ms: 2_000 });
    });
    const result = await kiosk.run();
    expect(receiver.requests).toEqual([
      { method: 'GET', path: '/yoti/callback', query: { token: result.token } },
    ]);

    const details = await yotiClient(front, SDK_ID, pem).getActivityDetails(result.token as string);
    const profile = details.getProfile();
    expect(profile.getGivenNames()?.getValue()).toBe('Ada');
    expect(profile.getFamilyName()?.getValue()).toBe('Lovelace');
    await expectSharedToken(replicaSet[1], result);

    // QR, refs, websocket, clock, profile: each request went to the other replica than the last.
    const served = balancer.served.map((s) => `${s.upstream} ${s.method} ${s.path.replace(/\?.*/, '')}`);
    expect(served).toEqual([
      `0 GET /yoti/api/v1.1/sessions/apps/${SDK_ID}/scenarios/${SCENARIO_ID}`,
      expect.stringMatching(/^1 GET \/yoti\/api\/v1\.1\/qrcodes\/refs\/[\w-]+$/),
      `0 GET /yoti/api/v1.1/connect-sessions/${result.sessionData}`,
      '1 POST /__admin/clock/advance',
      expect.stringMatching(/^0 GET \/yoti\/api\/v1\/profile\/.+/),
    ]);
  });
});

/** A share completed on A with its token exchanged nowhere yet: the connect token inside it. */
async function completedShareToken(a: RunningSimulator, b: RunningSimulator) {
  const qr = await requestQr(a, SDK_ID, SCENARIO_ID);
  const { session_data: sessionData } = await resolveRef(b, qr.ref_id);
  const socket = await openSocket(socketUrl(b, sessionData));
  await socket.next((m) => m.status === 'ACCEPTED');
  await admin(a, 'POST', `/sessions/${encodeURIComponent(sessionData)}/actions`, { action: 'complete' });
  const done = await socket.next((m) => m.status === 'COMPLETED');
  const connect = internals.YotiCommon.decryptAsymmetric(
    Buffer.from(done.token as string, 'base64'),
    Buffer.from(pem),
  ).toString();
  return { token: done.token as string, connect };
}
