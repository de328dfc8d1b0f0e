import { describe, expect, it } from 'vitest';
import { RestartLimitError, YotiShareClient } from '../clients/yoti-share/index.js';
import {
  advanceWhenWaiting,
  SCENARIO_ID,
  SDK_ID,
  scenarioFile,
  shareScenario,
  yotiBase,
} from './support/kiosk.js';
import { admin, useSimulator } from './support/simulator.js';

/** FAILED and TIMED_OUT with the manual clock: the client restarts, then stops at its bound. */
const sim = useSimulator({ clock: 'manual', scenario: scenarioFile('yoti-share-failed.yaml') });

const client = (maxRestarts: number) =>
  new YotiShareClient({
    baseUrl: yotiBase(sim()),
    sdkId: SDK_ID,
    scenarioId: SCENARIO_ID,
    maxRestarts,
    restartDelayMs: 0,
    forwardToken: false,
  });

const reasons = (error: RestartLimitError) => error.attempts.map((a) => a.reason);

describe('kiosk client: FAILED (scenarios/yoti-share-failed.yaml)', () => {
  it('restarts after each FAILED and gives up with RestartLimitError at the bound', async () => {
    await admin(sim(), 'PUT', `/scenario?file=${encodeURIComponent(scenarioFile('yoti-share-failed.yaml'))}`);
    const kiosk = client(2);
    const restarts: string[] = [];
    kiosk.on('restart', (f) => restarts.push(f.reason));
    advanceWhenWaiting(kiosk, sim(), 2_000);

    const error = await kiosk.run().catch((e) => e);

    expect(error).toBeInstanceOf(RestartLimitError);
    expect(reasons(error)).toEqual(['FAILED', 'FAILED', 'FAILED']);
    expect(restarts).toEqual(['FAILED', 'FAILED', 'FAILED']);
    const { sessions } = await admin(sim(), 'GET', '/sessions?provider=yoti');
    expect(sessions.map((s: { state: string }) => s.state)).toEqual(['FAILED', 'FAILED', 'FAILED']);
  });

  it('does not fail before the scenario says so: nothing happens until the clock moves', async () => {
    await admin(sim(), 'PUT', `/scenario?file=${encodeURIComponent(scenarioFile('yoti-share-failed.yaml'))}`);
    const kiosk = client(0);
    const waiting = new Promise<void>((resolve) =>
      kiosk.on('state', (s) => s === 'waiting-for-user' && resolve()),
    );
    const run = kiosk.run().catch((e) => e);
    await waiting;
    await admin(sim(), 'POST', '/clock/advance', { ms: 1_999 });
    const [session] = (await admin(sim(), 'GET', '/sessions?provider=yoti')).sessions;
    expect(session.state).toBe('CONNECTED');
    await admin(sim(), 'POST', '/clock/advance', { ms: 1 });
    expect(reasons(await run)).toEqual(['FAILED']);
  });
});

describe('kiosk client: TIMED_OUT (scenarios/yoti-share-timed-out.yaml)', () => {
  it('restarts after TIMED_OUT when the session lifetime runs out on the clock', async () => {
    await admin(
      sim(),
      'PUT',
      `/scenario?file=${encodeURIComponent(scenarioFile('yoti-share-timed-out.yaml'))}`,
    );
    const kiosk = client(1);
    advanceWhenWaiting(kiosk, sim(), 30_000);
    const error = await kiosk.run().catch((e) => e);
    expect(error).toBeInstanceOf(RestartLimitError);
    expect(reasons(error)).toEqual(['TIMED_OUT', 'TIMED_OUT']);
  });

  it('completes on the restart when a later session is shared by an admin action', async () => {
    await admin(sim(), 'PUT', '/scenario', shareScenario({ type: 'manual' }, { lifetimeMs: 30_000 }));
    const kiosk = client(1);
    let sessionData = '';
    kiosk.on('metadata', (m) => {
      sessionData = m.sessionData;
    });
    kiosk.on('state', (state, attempt) => {
      if (state !== 'waiting-for-user') return;
      if (attempt === 1) void admin(sim(), 'POST', '/clock/advance', { ms: 30_000 });
      else
        void admin(sim(), 'POST', `/sessions/${encodeURIComponent(sessionData)}/actions`, {
          action: 'complete',
        });
    });
    const result = await kiosk.run();
    expect(result.attempts).toBe(2);
    expect(result.token).toMatch(/^[A-Za-z0-9_-]+={0,2}$/); // padded, as Yoti's
  });
});
