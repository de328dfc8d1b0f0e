import { join } from 'node:path';
import { MemorySessionStore } from '../simulator/engine/store.js';
import { packageRoot } from '../simulator/paths.js';
import { startSimulator } from '../simulator/server.js';
import { announce } from './fixtures.js';

/**
 * kyc-sim for the idle-websocket measurement: the bench scenario, with an in-memory store large
 * enough to keep every share of the run (the default keeps 10,000, dropping the oldest).
 */
const shares = Number(process.argv[2] ?? 50_000);
const sim = await startSimulator({
  port: 0,
  logLevel: 'silent',
  scenario: join(packageRoot, 'bench/share-bench.yaml'),
  store: new MemorySessionStore(shares + 1_000),
});
announce(sim.port);
