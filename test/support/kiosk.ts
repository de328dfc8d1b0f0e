import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { ShareResult, YotiShareClient } from '../../clients/yoti-share/index.js';
import type { RunningSimulator } from '../../simulator/server.js';
import { admin } from './simulator.js';

/** Shared by the kiosk client tests: the demo app's ids, a callback backend, clock helpers. */
export const SDK_ID = '8b1f0a2e-6c3d-4f5a-9b7e-2d4c6a8e0f13';
export const SCENARIO_ID = '5c7d9e1f-3a2b-4c6d-8e0f-1a3b5c7d9e2f';
export const scenarioFile = (name: string) => join(import.meta.dirname, '..', '..', 'scenarios', name);

/**
 * What a user checks after a kiosk run: the token it got is the one the simulator minted when the
 * share session it watched completed (not just any non-empty value).
 */
export async function expectSharedToken(sim: RunningSimulator, result: ShareResult): Promise<void> {
  expect(result.token).toMatch(/^[A-Za-z0-9_=+/-]{20,}$/);
  const session = await admin(sim, 'GET', `/sessions/${encodeURIComponent(result.sessionData)}`);
  expect(session).toMatchObject({ kind: 'share', state: 'COMPLETED', data: { token: result.token } });
}

/** An inline scenario with the demo app and one share outcome. */
export function shareScenario(
  outcome: Record<string, unknown>,
  extra: { callbackEndpoint?: string; lifetimeMs?: number; faults?: unknown[] } = {},
) {
  return {
    name: 'kiosk test',
    seed: 7,
    faults: extra.faults ?? [],
    yoti: {
      apps: [
        {
          sdkId: SDK_ID,
          name: 'Kiosk Test App',
          callbackEndpoint: extra.callbackEndpoint ?? 'http://127.0.0.1:9/unused',
          scenarios: [
            { id: SCENARIO_ID, outcome, ...(extra.lifetimeMs ? { lifetimeMs: extra.lifetimeMs } : {}) },
          ],
        },
      ],
    },
  };
}

export interface CallbackReceiver {
  /** e.g. http://127.0.0.1:PORT/yoti/callback */
  url: string;
  requests: { method: string; path: string; query: Record<string, string> }[];
  /** Status of the next answers. */
  status: number;
  close(): Promise<void>;
}

/** A real node:http backend that records each callback request and answers `status`. */
export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const receiver: CallbackReceiver = {
    url: '',
    requests: [],
    status: 200,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    receiver.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
    });
    res.writeHead(receiver.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ shared: receiver.status === 200 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/yoti/callback`;
  return receiver;
}

/** A port nothing listens on (it was free a moment ago), for "connection refused". */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Moves the manual clock by `ms` each time the client waits for the user (after ACCEPTED). */
export function advanceWhenWaiting(client: YotiShareClient, sim: RunningSimulator, ms: number): void {
  client.on('state', (state) => {
    if (state === 'waiting-for-user') void admin(sim, 'POST', '/clock/advance', { ms });
  });
}

/** The client's own base URL for the simulator. */
export const yotiBase = (sim: RunningSimulator) => `${sim.url}/yoti`;

/** A callback receiver for the file's tests, started before them and closed after. */
export function useCallbackReceiver(): () => CallbackReceiver {
  let receiver: CallbackReceiver | undefined;
  beforeAll(async () => {
    receiver = await startCallbackReceiver();
  });
  afterAll(() => receiver?.close());
  return () => {
    if (!receiver) throw new Error('callback receiver not started yet');
    return receiver;
  };
}
