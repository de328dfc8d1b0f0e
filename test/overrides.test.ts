import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AttestrApiError, AttestrClient } from '../clients/attestr/index.js';
import { RestartLimitError, YotiShareClient } from '../clients/yoti-share/index.js';
import { packageRoot } from '../simulator/paths.js';
import type { ScenarioOverride } from '../simulator/scenario.js';
import { expectSharedToken, SCENARIO_ID, SDK_ID, shareScenario, yotiBase } from './support/kiosk.js';
import { admin, useSimulator } from './support/simulator.js';

/** Per-test control, as MSW's server.use() and WireMock's stubs and request counts give it. */
const scenario = {
  ...shareScenario({ type: 'complete', afterMs: 20 }),
  attestr: {
    clients: [{ clientKey: '6b79632d73696d2d6465762d6b657921', secret: 'dev-secret', authToken: 'ZGV2' }],
    flows: [
      {
        id: 'FX02overrides000001',
        name: 'one stage',
        stages: [{ id: 'FS02overridesstage01', type: 'selfie' }],
      },
    ],
  },
};
const sim = useSimulator({ scenario });

const kiosk = () =>
  new YotiShareClient({
    baseUrl: yotiBase(sim()),
    sdkId: SDK_ID,
    scenarioId: SCENARIO_ID,
    maxRestarts: 0,
    restartDelayMs: 0,
    forwardToken: false,
  });
const failing: ScenarioOverride = {
  yoti: {
    apps: [{ sdkId: SDK_ID, scenarios: [{ id: SCENARIO_ID, outcome: { type: 'fail', afterMs: 20 } }] }],
  },
};
const REFS = { provider: 'yoti', method: 'GET', path: '/qrcodes/refs/' };

describe('sim.use(), sim.reset() and request counts (library)', () => {
  it('fails one app scenario for the next share with the kiosk client, then reset brings the loaded scenario back', async () => {
    await sim().reset();
    await expectSharedToken(sim(), await kiosk().run());

    await sim().use(failing);
    const error = await kiosk()
      .run()
      .catch((e) => e);
    expect(error).toBeInstanceOf(RestartLimitError);
    expect((error as RestartLimitError).attempts.map((a) => a.reason)).toEqual(['FAILED']);
    // Only that outcome changed: the app is still the scenario's, with its name.
    const { scenario: inForce, overrides } = await admin(sim(), 'GET', '/scenario');
    expect(inForce.yoti.apps[0]).toMatchObject({
      name: 'Kiosk Test App',
      scenarios: [{ outcome: { type: 'fail' } }],
    });
    expect(overrides).toEqual([failing]);
    // Two QR codes were looked up, one per kiosk run; WireMock's count, in the journal's filters.
    expect(sim().countRequests(REFS)).toBe(2);
    expect(sim().countRequests({ ...REFS, method: 'POST' })).toBe(0);

    await sim().reset();
    expect(sim().countRequests()).toBe(0);
    expect((await admin(sim(), 'GET', '/sessions')).sessions).toEqual([]);
    expect((await admin(sim(), 'GET', '/scenario')).overrides).toEqual([]);
    await expectSharedToken(sim(), await kiosk().run());
  });

  it('keeps a share in flight going on its own outcome when the scenario changes under it', async () => {
    await sim().reset();
    await sim().use({
      yoti: {
        apps: [
          { sdkId: SDK_ID, scenarios: [{ id: SCENARIO_ID, outcome: { type: 'complete', afterMs: 400 } }] },
        ],
      },
    });
    const client = kiosk();
    const waiting = new Promise<void>((resolve) =>
      client.on('state', (s) => s === 'waiting-for-user' && resolve()),
    );
    const run = client.run();
    await waiting;
    await sim().use(failing);
    await expectSharedToken(sim(), await run);
  });

  it('refuses an override that makes the scenario invalid, naming the path, and changes nothing', async () => {
    await sim().reset();
    const bad = {
      yoti: { apps: [{ sdkId: SDK_ID, scenarios: [{ id: SCENARIO_ID, outcome: { type: 'explode' } }] }] },
    };
    await expect(sim().use(bad as never)).rejects.toMatchObject({
      path: 'yoti.apps[0].scenarios[0].outcome.type',
    });
    expect((await admin(sim(), 'GET', '/scenario')).overrides).toEqual([]);
    await expectSharedToken(sim(), await kiosk().run());
  });
});

describe('POST /__admin/scenario/overrides and GET /__admin/requests/count (admin API)', () => {
  const attestr = () =>
    new AttestrClient({ baseUrl: `${sim().url}/attestr`, authToken: 'ZGV2', clientSecret: 'dev-secret' });
  const handshake = () =>
    attestr().createHandshake({ flow: 'FX02overrides000001', snapshot: null, tag: 'order-1' });

  it('turns a flow inactive for the Attestr reference client, and DELETE turns it back', async () => {
    await admin(sim(), 'POST', '/reset');
    await expect(handshake()).resolves.toMatchObject({ _id: expect.any(String) });

    const merged = await admin(sim(), 'POST', '/scenario/overrides', {
      attestr: { flows: [{ id: 'FX02overrides000001', active: false }] },
    });
    expect(merged).toMatchObject({
      status: 'merged',
      overrides: [{ attestr: { flows: [{ active: false }] } }],
    });
    expect(merged.scenario.attestr.flows[0]).toMatchObject({ name: 'one stage', active: false });
    const refused = await handshake().catch((e) => e);
    expect(refused).toBeInstanceOf(AttestrApiError);
    expect(refused).toMatchObject({ httpStatusCode: 400, code: 40034 });

    const count = await admin(
      sim(),
      'GET',
      '/requests/count?provider=attestr&method=POST&path=/flowx/handshake',
    );
    expect(count).toEqual({ count: 2, total: expect.any(Number) });
    expect(await admin(sim(), 'GET', '/requests/count?provider=attestr&status=400')).toMatchObject({
      count: 1,
    });

    expect(await admin(sim(), 'DELETE', '/scenario/overrides')).toMatchObject({
      status: 'cleared',
      overrides: [],
    });
    await expect(handshake()).resolves.toMatchObject({ _id: expect.any(String) });
  });

  it('takes YAML, and answers a bad override with 400 and where it is wrong', async () => {
    await admin(sim(), 'POST', '/reset');
    const yaml = await fetch(`${sim().url}/__admin/scenario/overrides`, {
      method: 'POST',
      headers: { 'content-type': 'application/yaml' },
      body: `attestr:\n  flows:\n    - id: FX02overrides000001\n      name: renamed\n`,
    });
    expect(yaml.status).toBe(200);
    expect((await yaml.json()).scenario.attestr.flows[0].name).toBe('renamed');
    const bad = await fetch(`${sim().url}/__admin/scenario/overrides`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ attestr: { flows: [{ id: 'FX02overrides000001', active: 'no' }] } }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ path: 'attestr.flows[0].active' });
    expect((await admin(sim(), 'GET', '/scenario/overrides')).overrides).toHaveLength(1);
    const malformed = await fetch(`${sim().url}/__admin/requests/count?status=abc`);
    expect(malformed.status).toBe(400);
  });
});

describe('the CommonJS wrapper (Jest’s default mode)', () => {
  it('has use, reset and countRequests over the admin API of its child', async () => {
    const { startSimulator } = createRequire(import.meta.url)(join(packageRoot, 'cjs', 'index.cjs'));
    const child = await startSimulator({ scenario });
    try {
      await child.use(failing);
      const { scenario: inForce } = await (await fetch(`${child.url}/__admin/scenario`)).json();
      expect(inForce.yoti.apps[0].scenarios[0].outcome.type).toBe('fail');
      await fetch(`${child.url}/yoti/api/v1.1/qrcodes/refs/nope`);
      expect(await child.countRequests({ path: '/qrcodes/refs/' })).toBe(1);
      await child.reset();
      expect(await child.countRequests()).toBe(0);
      await expect(child.use({ yoti: { apps: 'none' } })).rejects.toThrow(/400/);
    } finally {
      await child.close();
    }
  });
});
