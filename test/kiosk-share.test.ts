import { beforeEach, describe, expect, it } from 'vitest';
import {
  CallbackError,
  QrRequestError,
  RestartLimitError,
  ShareAbortedError,
  type ShareClientState,
  YotiShareClient,
  type YotiShareClientOptions,
} from '../clients/yoti-share/index.js';
import {
  closedPort,
  expectSharedToken,
  SCENARIO_ID,
  SDK_ID,
  scenarioFile,
  shareScenario,
  useCallbackReceiver,
  yotiBase,
} from './support/kiosk.js';
import { admin, useSimulator } from './support/simulator.js';

/** The kiosk client against the real simulator (real clock): the happy path and what breaks it. */
const sim = useSimulator({ scenario: shareScenario({ type: 'complete', afterMs: 0 }) });
const receiver = useCallbackReceiver();
beforeEach(() => {
  receiver().requests.length = 0;
  receiver().status = 200;
});

const client = (options: Partial<YotiShareClientOptions> = {}) =>
  new YotiShareClient({
    baseUrl: yotiBase(sim()),
    sdkId: SDK_ID,
    scenarioId: SCENARIO_ID,
    restartDelayMs: 0,
    ...options,
  });

describe('kiosk client: happy path', () => {
  it('forwards the token to callback_endpoint with the kiosk parameters', async () => {
    await admin(
      sim(),
      'PUT',
      '/scenario',
      shareScenario({ type: 'complete', afterMs: 50 }, { callbackEndpoint: receiver().url }),
    );
    const kiosk = client({ callbackParams: { lane: '2', location: 'WC2N4JH' } });
    const states: ShareClientState[] = [];
    const qrUrls: string[] = [];
    kiosk.on('state', (s) => states.push(s));
    kiosk.on('qr', (qr) => qrUrls.push(qr.url));

    const result = await kiosk.run();

    expect(receiver().requests).toEqual([
      {
        method: 'GET',
        path: '/yoti/callback',
        query: { token: result.token, lane: '2', location: 'WC2N4JH' },
      },
    ]);
    expect(result.token).toMatch(/^[A-Za-z0-9_-]+={0,2}$/); // padded, as Yoti's
    expect(result.callback?.status).toBe(200);
    expect(result.attempts).toBe(1);
    expect(qrUrls).toHaveLength(1);
    expect(qrUrls[0]).toMatch(/^https:\/\/code\.yoti\.com\/[A-Za-z0-9_-]+$/);
    expect(states).toEqual([
      'requesting-qr',
      'resolving-ref',
      'connecting',
      'waiting-for-user',
      'forwarding-token',
      'done',
    ]);
    const session = await admin(sim(), 'GET', `/sessions/${encodeURIComponent(result.sessionData)}`);
    expect(session.state).toBe('COMPLETED');
    expect(session.data.token).toBe(result.token);
  });

  it('returns the token without calling a backend when forwarding is off', async () => {
    await admin(
      sim(),
      'PUT',
      '/scenario',
      shareScenario({ type: 'complete', afterMs: 0 }, { callbackEndpoint: receiver().url }),
    );
    const result = await client({ forwardToken: false }).run();
    await expectSharedToken(sim(), result);
    expect(result.callback).toBeUndefined();
    expect(receiver().requests).toHaveLength(0);
  });

  it('sends the token to an overriding callback URL, keeping its own query', async () => {
    await admin(sim(), 'PUT', '/scenario', shareScenario({ type: 'complete', afterMs: 0 }));
    const result = await client({
      callbackEndpoint: `${receiver().url}?kiosk=7`,
      callbackParams: { lane: '1' },
    }).run();
    expect(receiver().requests[0].query).toEqual({ kiosk: '7', token: result.token, lane: '1' });
  });

  it('reports a backend that refuses the token as CallbackError with its status', async () => {
    await admin(
      sim(),
      'PUT',
      '/scenario',
      shareScenario({ type: 'complete', afterMs: 0 }, { callbackEndpoint: receiver().url }),
    );
    receiver().status = 500;
    const error = await client()
      .run()
      .catch((e) => e);
    expect(error).toBeInstanceOf(CallbackError);
    expect(error.status).toBe(500);
    expect(error.body).toContain('"shared":false');
  });
});

describe('kiosk client: errors that do not restart', () => {
  it('stops with ShareAbortedError and closes the socket when the kiosk aborts while waiting', async () => {
    await admin(sim(), 'PUT', '/scenario', shareScenario({ type: 'manual' }));
    const kiosk = client();
    const abort = new AbortController();
    const failedIn: ShareClientState[] = [];
    kiosk.on('state', (s) => {
      if (s === 'waiting-for-user') abort.abort();
    });
    kiosk.on('failed', () => failedIn.push('failed'));
    const error = await kiosk.run(abort.signal).catch((e) => e);
    expect(error).toBeInstanceOf(ShareAbortedError);
    expect(failedIn).toEqual(['failed']);
    const [session] = (await admin(sim(), 'GET', '/sessions?provider=yoti')).sessions;
    const detail = await admin(sim(), 'GET', `/sessions/${encodeURIComponent(session.id)}`);
    await expect
      .poll(
        async () =>
          (await admin(sim(), 'GET', `/requests?sessionId=${encodeURIComponent(session.id)}&kind=ws-close`))
            .count,
      )
      .toBeGreaterThan(0);
    expect(detail.state).toBe('CONNECTED');
  });

  it('reports an unknown app as QrRequestError 404 with Yoti code, without retrying', async () => {
    await admin(sim(), 'PUT', '/scenario', shareScenario({ type: 'complete', afterMs: 0 }));
    const kiosk = client({ sdkId: 'no-such-app' });
    let retries = 0;
    kiosk.on('retry', () => retries++);
    const error = await kiosk.run().catch((e) => e);
    expect(error).toBeInstanceOf(QrRequestError);
    expect(error.status).toBe(404);
    expect(error.code).toBe('APP_NOT_FOUND');
    expect(retries).toBe(0);
  });

  it('reports an unreachable Yoti as QrRequestError with status 0', async () => {
    const error = await client({
      baseUrl: `http://127.0.0.1:${await closedPort()}/yoti`,
      retry: { retries: 1, backoffMs: 1 },
    })
      .run()
      .catch((e) => e);
    expect(error).toBeInstanceOf(QrRequestError);
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/ECONNREFUSED/);
  });
});

describe('kiosk client: rejected sessions (scenarios/yoti-share-rejected.yaml)', () => {
  it('restarts with a new QR code after REJECTED until the bound, then throws RestartLimitError', async () => {
    await admin(
      sim(),
      'PUT',
      `/scenario?file=${encodeURIComponent(scenarioFile('yoti-share-rejected.yaml'))}`,
    );
    const kiosk = client({ maxRestarts: 2 });
    const refIds: string[] = [];
    kiosk.on('qr', (qr) => refIds.push(qr.refId));
    const error = await kiosk.run().catch((e) => e);
    expect(error).toBeInstanceOf(RestartLimitError);
    expect(error.attempts.map((a: { reason: string }) => a.reason)).toEqual([
      'REJECTED',
      'REJECTED',
      'REJECTED',
    ]);
    expect(new Set(refIds).size).toBe(3);
    const { sessions } = await admin(sim(), 'GET', '/sessions?provider=yoti');
    expect(sessions.map((s: { state: string }) => s.state)).toEqual(['REJECTED', 'REJECTED', 'REJECTED']);
  });
});
