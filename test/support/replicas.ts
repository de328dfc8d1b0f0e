import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../simulator/server.js';
import { freshPrefix, type RedisServer } from './redis-server.js';
import { admin } from './simulator.js';

/** The store URL of a fresh namespace on `redis`: replicas given the same one share everything. */
export const storeUrl = (redis: RedisServer, prefix = freshPrefix()) => `${redis.url}/0?prefix=${prefix}`;

/** One kyc-sim replica on a free port, in this process, sharing `store` with the others. */
export function startReplica(store: string, options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, logLevel: 'silent', ...options, store });
}

/**
 * `count` replicas sharing one fresh namespace of the file's redis-server, started one after the
 * other (the first sets the shared clock and scenario) before the file's tests, stopped after.
 * Before each test the shared state is reset (through the first replica, for all of them).
 */
export function useReplicas(
  redis: () => RedisServer,
  count: number,
  options: SimulatorOptions = {},
): { replicas: () => RunningSimulator[]; store: () => string } {
  const started: RunningSimulator[] = [];
  let store: string | undefined;
  beforeAll(async () => {
    store = storeUrl(redis());
    for (let i = 0; i < count; i++) started.push(await startReplica(store, options));
  });
  beforeEach(async () => {
    await admin(started[0], 'POST', '/reset');
  });
  afterAll(async () => {
    await Promise.all(started.map((sim) => sim.close()));
  });
  return {
    replicas: () => {
      if (started.length < count) throw new Error('replicas not started yet');
      return started;
    },
    store: () => {
      if (!store) throw new Error('replicas not started yet');
      return store;
    },
  };
}

/** Polls `read` until `done` says yes (the shared journal is written a moment after the answer). */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not ${what}: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
