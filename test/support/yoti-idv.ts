import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { YotiIdvClient } from '../../clients/yoti-idv/index.js';
import { generateYotiKeyPair, type PemKeyPair } from '../../simulator/providers/yoti/auth/key-pair.js';
import type { RunningSimulator } from '../../simulator/server.js';
import { admin } from './simulator.js';

/** Shared set-up of the IDV test files: an app with a registered key, a receiver, clients. */

export const SDK_ID = 'a1b2c3d4-0000-4000-8000-000000000001';
export const OTHER_SDK_ID = 'a1b2c3d4-0000-4000-8000-000000000002';
export const DISABLED_SDK_ID = 'a1b2c3d4-0000-4000-8000-000000000003';

let keys: Promise<PemKeyPair> | undefined;
/** One key pair per test file (RSA generation costs ~100 ms). */
export const testKeys = () => {
  keys ??= generateYotiKeyPair();
  return keys;
};

export async function idvScenario(
  idv: Record<string, unknown> = { outcome: { type: 'manual' } },
  extra = {},
) {
  const { publicKeyPem } = await testKeys();
  return {
    name: 'yoti idv test',
    seed: 7,
    yoti: {
      apps: [
        { sdkId: SDK_ID, publicKey: publicKeyPem, idv },
        { sdkId: OTHER_SDK_ID, publicKey: publicKeyPem },
        { sdkId: DISABLED_SDK_ID, publicKey: publicKeyPem, enabled: false },
      ],
    },
    ...extra,
  };
}

export const idvBase = (sim: RunningSimulator) => `${sim.url}/yoti/idverify/v1`;

// biome-ignore lint/suspicious/noExplicitAny: the SDK is untyped JavaScript
type Sdk = any;

/**
 * Loads the test scenario and the unmodified `yoti` SDK pointed at the simulator through
 * YOTI_IDV_API_URL (which it reads on load), with an IDVClient for the test app.
 */
export async function officialIdvClient(sim: RunningSimulator): Promise<{ yoti: Sdk; client: Sdk }> {
  await admin(sim, 'PUT', '/scenario', await idvScenario());
  process.env.YOTI_IDV_API_URL = idvBase(sim);
  const yoti = createRequire(import.meta.url)('yoti');
  return { yoti, client: new yoti.IDVClient(SDK_ID, (await testKeys()).privateKeyPem) };
}

export async function ourClient(sim: RunningSimulator, sdkId = SDK_ID): Promise<YotiIdvClient> {
  return new YotiIdvClient({ baseUrl: idvBase(sim), sdkId, privateKeyPem: (await testKeys()).privateKeyPem });
}

/** A session deadline `days` after `now`, as the guide writes it. */
export const deadlineIn = (days: number, now = Date.now()) => new Date(now + days * 86_400_000).toISOString();

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

/** A real HTTP server on a free port around a fetch handler. */
export function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<LocalServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
