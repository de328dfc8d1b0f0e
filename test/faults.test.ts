import { describe, expect, it } from 'vitest';
import { admin, useSimulator } from './support/simulator.js';
import { openSocket } from './support/ws.js';
import { requestQr, resolveRef, socketUrl } from './support/yoti-share.js';

const SDK = 'fault-app';
const qrPath = `/yoti/api/v1.1/sessions/apps/${SDK}/scenarios/s`;

describe('fault injection from a scenario', () => {
  const sim = useSimulator({
    scenario: {
      yoti: { apps: [{ sdkId: SDK, scenarios: [{ id: 's', outcome: { type: 'manual' } }] }] },
      faults: [
        {
          type: 'error',
          match: { method: 'GET', path: '/yoti/api/v1.1/sessions/apps/*/scenarios/*' },
          status: 503,
          times: 2,
        },
        { type: 'latency', match: { path: '/yoti/api/v1.1/qrcodes/refs/*' }, ms: 150 },
        {
          type: 'ws-close',
          match: { path: '/yoti/api/v1.1/connect-sessions/*' },
          afterMessage: 'ACCEPTED',
          times: 1,
        },
      ],
    },
  });

  it('answers 503 in Yoti’s format twice, then serves the QR', async () => {
    const first = await fetch(`${sim().url}${qrPath}`);
    expect(first.status).toBe(503);
    expect(await first.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect((await fetch(`${sim().url}${qrPath}`)).status).toBe(503);
    expect((await fetch(`${sim().url}${qrPath}`)).status).toBe(200);
    const { requests } = await admin(sim(), 'GET', `/requests?status=503`);
    expect(requests[0].note).toMatch(/^fault: 503/);
  });

  it('delays refs and says so in the journal', async () => {
    const { ref_id } = await requestQr(sim(), SDK, 's');
    const started = performance.now();
    await resolveRef(sim(), ref_id);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    const { requests } = await admin(sim(), 'GET', `/requests?path=${ref_id}`);
    expect(requests[0].note).toBe('fault: +150 ms');
  });

  it('drops the websocket abruptly after ACCEPTED, once', async () => {
    const { ref_id } = await requestQr(sim(), SDK, 's');
    const { session_data } = await resolveRef(sim(), ref_id);
    const dropped = await openSocket(socketUrl(sim(), session_data));
    expect((await dropped.next()).status).toBe('ACCEPTED');
    expect((await dropped.closed).code).toBe(1006);
    const second = await openSocket(socketUrl(sim(), session_data));
    expect((await second.next()).status).toBe('ACCEPTED');
    await admin(sim(), 'POST', `/sessions/${session_data}/actions`, { action: 'complete' });
    expect((await second.next((m) => m.status === 'COMPLETED')).token).toBeTruthy();
  });
});

describe('fault latency on the manual clock', () => {
  const sim = useSimulator({
    clock: 'manual',
    scenario: {
      yoti: { apps: [{ sdkId: SDK, scenarios: [{ id: 's', outcome: { type: 'manual' } }] }] },
      faults: [{ type: 'latency', match: { path: '/yoti/api/v1.1/qrcodes/refs/*' }, ms: 60_000 }],
    },
  });

  it('holds the answer until the clock is advanced past the latency', async () => {
    const { ref_id } = await requestQr(sim(), SDK, 's');
    let answered = false;
    const pending = resolveRef(sim(), ref_id).then((meta) => {
      answered = true;
      return meta;
    });
    // The request is waiting on the clock: it is one of its pending timers.
    await expect
      .poll(async () =>
        (await admin(sim(), 'GET', '/clock')).pendingTimers.map((t: { label: string }) => t.label),
      )
      .toContain(`fault latency GET /yoti/api/v1.1/qrcodes/refs/${ref_id}`);
    await admin(sim(), 'POST', '/clock/advance', { ms: 59_999 });
    expect(answered).toBe(false);
    await admin(sim(), 'POST', '/clock/advance', { ms: 1 });
    expect((await pending).session_data).toBeTruthy();
  });

  it('lets a reset release a held answer', async () => {
    const { ref_id } = await requestQr(sim(), SDK, 's');
    const held = fetch(`${sim().url}/yoti/api/v1.1/qrcodes/refs/${ref_id}`);
    await expect
      .poll(async () => (await admin(sim(), 'GET', '/clock')).pendingTimers.length)
      .toBeGreaterThan(1);
    await admin(sim(), 'POST', '/reset');
    // Released, the request goes on to a simulator that no longer knows the ref.
    expect((await held).status).toBe(404);
  });
});
