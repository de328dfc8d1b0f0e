import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodePolicyNames } from '../simulator/providers/yoti/share/qr-code.js';
import { admin, useSimulator } from './support/simulator.js';
import { openSocket } from './support/ws.js';
import { requestQr, resolveRef, socketUrl } from './support/yoti-share.js';

const SDK = 'sdk-1';
const scenario = {
  name: 'share-test',
  seed: 1,
  yoti: {
    qrBaseUrl: 'https://qr.example.test/',
    apps: [
      {
        sdkId: SDK,
        name: 'Kiosk Test App',
        callbackEndpoint: 'https://rp.example.test/callback',
        scenarios: [
          {
            id: 'completes',
            policy: {
              wanted: [{ name: 'given_names' }, { name: 'date_of_birth', derivation: 'age_over:18' }],
            },
            outcome: { type: 'complete', afterMs: 3000 },
          },
          { id: 'fails', outcome: { type: 'fail', afterMs: 1000 } },
          { id: 'times-out', outcome: { type: 'time-out' }, lifetimeMs: 60_000 },
          { id: 'manual', outcome: { type: 'manual' } },
          { id: 'rejects', outcome: { type: 'reject' } },
        ],
      },
    ],
  },
};

describe('Yoti share flow', () => {
  const sim = useSimulator({ scenario, clock: 'manual' });
  const advance = (ms: number) => admin(sim(), 'POST', '/clock/advance', { ms });

  it('answers the QR request with a JSON body holding the whole code.yoti-style URL', async () => {
    const res = await fetch(`${sim().url}/yoti/api/v1.1/sessions/apps/${SDK}/scenarios/completes`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body.qrcode).toMatch(/^https:\/\/qr\.example\.test\/[A-Za-z0-9_-]+$/);
    expect(text).toContain(body.qrcode); // clients that search the raw body find it too
  });

  it('encodes a QrCodeMsg with issuer, sharing token, UTF-8 ref id, policy and transport', async () => {
    const { qr, ref_id } = await requestQr(sim(), SDK, 'completes');
    expect(qr.issuer).toBe(1);
    expect(qr.refId).toBe(ref_id);
    expect(qr.sharingToken.length).toBe(48);
    expect(qr.transport).toBe(2);
    expect(decodePolicyNames(qr.policy)).toEqual(['given_names', 'age_over:18']);
  });

  it('resolves the ref to the metadata of the guide, with a fresh session_data per QR', async () => {
    const first = await requestQr(sim(), SDK, 'completes');
    const second = await requestQr(sim(), SDK, 'completes');
    const meta = await resolveRef(sim(), first.ref_id);
    expect(meta).toMatchObject({
      name: 'Kiosk Test App',
      application_id: SDK,
      application_name: 'Kiosk Test App',
      receipt_bg_color: '#2D9FFF',
      callback_endpoint: 'https://rp.example.test/callback',
    });
    expect(Buffer.from(meta.sharing_token, 'base64')).toEqual(Buffer.from(first.qr.sharingToken));
    expect(meta.policy).toBe(Buffer.from(first.qr.policy).toString('base64'));
    expect(meta.session_data).toMatch(/^[A-Za-z0-9]{8}-[0-9a-f-]{36}$/);
    expect((await resolveRef(sim(), second.ref_id)).session_data).not.toBe(meta.session_data);
  });

  it.each([
    ['unknown app', '/yoti/api/v1.1/sessions/apps/nope/scenarios/completes', 'APP_NOT_FOUND'],
    ['unknown scenario', `/yoti/api/v1.1/sessions/apps/${SDK}/scenarios/nope`, 'SCENARIO_NOT_FOUND'],
    ['unknown ref', '/yoti/api/v1.1/qrcodes/refs/00000000-0000-4000-8000-000000000000', 'NOT_FOUND'],
  ])('answers an %s with 404 in Yoti’s error format', async (_, path, code) => {
    const res = await fetch(`${sim().url}${path}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code, message: expect.any(String) });
  });

  it('sends ACCEPTED, then COMPLETED with a URL-safe token when the scenario’s delay passes', async () => {
    const { ref_id } = await requestQr(sim(), SDK, 'completes');
    const { session_data } = await resolveRef(sim(), ref_id);
    const socket = await openSocket(socketUrl(sim(), session_data));
    socket.ws.send(JSON.stringify({ subscription: session_data }));
    expect(await socket.next()).toEqual({ status: 'ACCEPTED', subscription: session_data });
    await advance(2_999);
    expect(socket.messages).toHaveLength(1);
    await advance(1);
    const done = await socket.next((m) => m.status === 'COMPLETED');
    expect(done.subscription).toBe(session_data);
    expect(done.token).toMatch(/^[A-Za-z0-9_-]{20,}={0,2}$/);
    expect((await socket.closed).code).toBe(1000);
    const detail = await admin(sim(), 'GET', `/sessions/${session_data}`);
    expect(detail).toMatchObject({ provider: 'yoti', kind: 'share', state: 'COMPLETED' });
    expect(detail.timeline.map((t: { event: string }) => t.event)).toEqual([
      'qr-created',
      'CONNECTED',
      'COMPLETED',
    ]);
    expect(detail.traffic.map((t: { kind: string }) => t.kind)).toEqual(
      expect.arrayContaining(['http', 'ws-open', 'ws-in', 'ws-out', 'ws-close']),
    );
  });

  it('gives every subscriber of a session the same outcome', async () => {
    const { ref_id } = await requestQr(sim(), SDK, 'fails');
    const { session_data } = await resolveRef(sim(), ref_id);
    const a = await openSocket(socketUrl(sim(), session_data));
    const b = await openSocket(socketUrl(sim(), session_data));
    await a.next();
    await b.next();
    await advance(1_000);
    expect(await a.next((m) => m.status === 'FAILED')).toEqual({
      status: 'FAILED',
      subscription: session_data,
    });
    expect(await b.next((m) => m.status === 'FAILED')).toEqual({
      status: 'FAILED',
      subscription: session_data,
    });
  });

  it('sends TIMED_OUT when the session’s lifetime runs out on the clock', async () => {
    const { ref_id } = await requestQr(sim(), SDK, 'times-out');
    const { session_data } = await resolveRef(sim(), ref_id);
    const socket = await openSocket(socketUrl(sim(), session_data));
    await socket.next();
    await advance(59_999);
    expect(socket.messages).toHaveLength(1);
    await advance(1);
    expect(await socket.next((m) => m.status !== 'ACCEPTED')).toEqual({
      status: 'TIMED_OUT',
      subscription: session_data,
    });
  });

  it('REJECTs an unknown session, an ended one, and one the scenario rejects, then closes', async () => {
    for (const sessionData of ['unknown-session']) {
      const socket = await openSocket(socketUrl(sim(), sessionData));
      expect(await socket.next()).toEqual({ status: 'REJECTED', subscription: sessionData });
      expect((await socket.closed).code).toBe(1000);
    }
    const rejected = await resolveRef(sim(), (await requestQr(sim(), SDK, 'rejects')).ref_id);
    const r = await openSocket(socketUrl(sim(), rejected.session_data));
    expect((await r.next()).status).toBe('REJECTED');

    const ended = await resolveRef(sim(), (await requestQr(sim(), SDK, 'manual')).ref_id);
    await admin(sim(), 'POST', `/sessions/${ended.session_data}/actions`, { action: 'fail' });
    const late = await openSocket(socketUrl(sim(), ended.session_data));
    expect((await late.next()).status).toBe('REJECTED');
  });

  it('lets the admin API decide a waiting session: complete, fail, time-out', async () => {
    for (const [action, status] of [
      ['complete', 'COMPLETED'],
      ['fail', 'FAILED'],
      ['time-out', 'TIMED_OUT'],
    ]) {
      const { session_data } = await resolveRef(sim(), (await requestQr(sim(), SDK, 'manual')).ref_id);
      const socket = await openSocket(socketUrl(sim(), session_data));
      await socket.next();
      const result = await admin(sim(), 'POST', `/sessions/${session_data}/actions`, { action });
      expect(result.state).toBe(status);
      expect((await socket.next((m) => m.status !== 'ACCEPTED')).status).toBe(status);
    }
  });

  it('refuses actions that make no sense, with a reason', async () => {
    const { session_data } = await resolveRef(sim(), (await requestQr(sim(), SDK, 'manual')).ref_id);
    const post = (id: string, body: unknown) =>
      fetch(`${sim().url}/__admin/sessions/${id}/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const unknown = await post(session_data, { action: 'explode' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ known: ['complete', 'fail', 'time-out'] });
    expect((await post('nope', { action: 'fail' })).status).toBe(404);
    await post(session_data, { action: 'fail' });
    const again = await post(session_data, { action: 'complete' });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatch(/already ended \(FAILED\)/);
  });

  it('survives non-JSON, binary and oversized frames', async () => {
    const { session_data } = await resolveRef(sim(), (await requestQr(sim(), SDK, 'manual')).ref_id);
    const socket = await openSocket(socketUrl(sim(), session_data));
    await socket.next();
    socket.ws.send('not json {');
    socket.ws.send(Buffer.from([0, 1, 2]));
    await admin(sim(), 'POST', `/sessions/${session_data}/actions`, { action: 'complete' });
    expect((await socket.next((m) => m.status === 'COMPLETED')).token).toBeTruthy();

    const live = await resolveRef(sim(), (await requestQr(sim(), SDK, 'manual')).ref_id);
    const big = await openSocket(socketUrl(sim(), live.session_data));
    await big.next();
    big.ws.send('x'.repeat(100_000));
    expect((await big.closed).code).toBe(1009);
    expect(await admin(sim(), 'GET', '/health')).toEqual({ status: 'ok' });
  });

  it('refuses a websocket on a path that is not a connect-sessions one', async () => {
    const ws = new WebSocket(`${sim().url.replace('http', 'ws')}/yoti/api/v1.1/elsewhere`);
    const status = await new Promise((resolve) =>
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode)),
    );
    expect(status).toBe(404);
  });

  it('explains a request that matches no route in a header', async () => {
    const res = await fetch(`${sim().url}/yoti/api/v1.1/qrcode/refs/abc`);
    expect(res.status).toBe(404);
    expect(res.headers.get('x-kyc-sim-not-matched')).toContain(
      'nearest is GET /yoti/api/v1.1/qrcodes/refs/:refId',
    );
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('determinism', () => {
  const a = useSimulator({ scenario, clock: 'manual', seed: 99 });
  const b = useSimulator({ scenario, clock: 'manual', seed: 99 });

  it('gives the same ids and tokens for the same seed', async () => {
    const [qa, qb] = [await requestQr(a(), SDK, 'completes'), await requestQr(b(), SDK, 'completes')];
    expect(qa.qrcode).toBe(qb.qrcode);
    const [ra, rb] = [await resolveRef(a(), qa.ref_id), await resolveRef(b(), qb.ref_id)];
    expect(ra.session_data).toBe(rb.session_data);
  });
});
