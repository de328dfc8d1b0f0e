import { describe, expect, it } from 'vitest';
import {
  QrRequestError,
  RestartLimitError,
  SocketError,
  StepTimeoutError,
  YotiShareClient,
  type YotiShareClientOptions,
} from '../clients/yoti-share/index.js';
import {
  expectSharedToken,
  SCENARIO_ID,
  SDK_ID,
  scenarioFile,
  shareScenario,
  yotiBase,
} from './support/kiosk.js';
import { admin, useSimulator } from './support/simulator.js';

/** The shipped fault scenarios, met by the real client. */
const sim = useSimulator({ scenario: scenarioFile('yoti-fault-qr-503-twice.yaml') });

const client = (options: Partial<YotiShareClientOptions> = {}) =>
  new YotiShareClient({
    baseUrl: yotiBase(sim()),
    sdkId: SDK_ID,
    scenarioId: SCENARIO_ID,
    restartDelayMs: 0,
    forwardToken: false,
    ...options,
  });

const load = (file: string) =>
  admin(sim(), 'PUT', `/scenario?file=${encodeURIComponent(scenarioFile(file))}`);

describe('fault: 503 on the QR endpoint twice (scenarios/yoti-fault-qr-503-twice.yaml)', () => {
  it('retries the transient 503s and completes the share', async () => {
    await load('yoti-fault-qr-503-twice.yaml');
    const kiosk = client({ retry: { retries: 2, backoffMs: 10 } });
    const retries: string[] = [];
    kiosk.on('retry', (r) => retries.push(`${r.step}: ${r.why}`));
    const result = await kiosk.run();
    expect(retries).toEqual(['qr: status 503', 'qr: status 503']);
    expect(result.attempts).toBe(1);
    await expectSharedToken(sim(), result);
  });

  it('without retries, reports QrRequestError 503 with Yoti error code', async () => {
    await load('yoti-fault-qr-503-twice.yaml');
    const error = await client({ retry: { retries: 0 } })
      .run()
      .catch((e) => e);
    expect(error).toBeInstanceOf(QrRequestError);
    expect(error.status).toBe(503);
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
  });
});

describe('fault: slow refs (scenarios/yoti-fault-slow-refs.yaml)', () => {
  it('fires the refs step timeout when it is shorter than the delay', async () => {
    await load('yoti-fault-slow-refs.yaml');
    const error = await client({ timeouts: { refs: 300 } })
      .run()
      .catch((e) => e);
    expect(error).toBeInstanceOf(StepTimeoutError);
    expect(error.step).toBe('refs');
    expect(error.timeoutMs).toBe(300);
  });

  it('completes when the refs timeout is generous', async () => {
    await load('yoti-fault-slow-refs.yaml');
    const result = await client({ timeouts: { refs: 10_000 } }).run();
    await expectSharedToken(sim(), result);
  });
});

describe('fault: socket dropped after ACCEPTED (scenarios/yoti-fault-socket-dropped.yaml)', () => {
  it('restarts after the dropped socket (1006) and completes on the new QR code', async () => {
    await load('yoti-fault-socket-dropped.yaml');
    const kiosk = client();
    const restarts: { reason: string; error?: Error }[] = [];
    kiosk.on('restart', (f) => restarts.push(f));
    const result = await kiosk.run();
    expect(result.attempts).toBe(2);
    expect(restarts).toHaveLength(1);
    expect(restarts[0].reason).toBe('SOCKET');
    expect(restarts[0].error).toBeInstanceOf(SocketError);
    expect((restarts[0].error as SocketError).closeCode).toBe(1006);
  });

  const dropEverySocket = shareScenario(
    { type: 'complete', afterMs: 1_000 },
    {
      faults: [
        { type: 'ws-close', match: { path: '/yoti/api/v1.1/connect-sessions/*' }, afterMessage: 'ACCEPTED' },
      ],
    },
  );

  it('throws SocketError 1006 when told not to restart on a lost socket', async () => {
    await admin(sim(), 'PUT', '/scenario', dropEverySocket);
    const error = await client({ restartOnSocketError: false })
      .run()
      .catch((e) => e);
    expect(error).toBeInstanceOf(SocketError);
    expect(error.closeCode).toBe(1006);
  });

  it('gives up with RestartLimitError when every socket drops', async () => {
    await admin(sim(), 'PUT', '/scenario', dropEverySocket);
    const error = await client({ maxRestarts: 1 })
      .run()
      .catch((e) => e);
    expect(error).toBeInstanceOf(RestartLimitError);
    expect(error.attempts.map((a: { reason: string }) => a.reason)).toEqual(['SOCKET', 'SOCKET']);
    expect(error.cause).toBeInstanceOf(SocketError);
  });
});
