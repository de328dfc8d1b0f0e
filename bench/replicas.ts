import { type ServerProcess, startProcess } from './processes.js';
import { findRedisServer, startRedisServer } from './redis-server.js';
import { startRoundRobin } from './round-robin.js';
import { shareFlowsPerSecond } from './share-flows.js';

/**
 * The cost of Redis, measured: complete share flows per second with one replica in memory (the
 * baseline), one replica on Redis, and two replicas on one Redis behind a round-robin balancer
 * (every request and websocket to the next replica, so most flows cross replicas). Each replica is
 * its own `kyc-sim serve` process; redis-server is started for the run. Rows: measure, kyc-sim,
 * baseline, ratio.
 */
export async function replicaShareFlowRows(
  cli: string,
  scenario: string,
  qrPath: string,
  durationMs: number,
): Promise<string[][]> {
  const redisServer = findRedisServer();
  if (!redisServer.path) return [['share flows on Redis', `skipped: ${redisServer.reason}`, '', '']];
  const redis = await startRedisServer(redisServer.path);
  const serve = (store?: string) => {
    const args = [cli, 'serve', '--port', '0', '--log-level', 'silent', '--scenario', scenario];
    return startProcess({
      args: [...args, ...(store ? ['--store', store] : [])],
      probePath: '/__admin/health',
    });
  };
  const measure = async (replicas: ServerProcess[], front?: string) => {
    try {
      return await shareFlowsPerSecond(front ?? replicas[0].url, qrPath, { durationMs });
    } finally {
      await Promise.all(replicas.map((r) => r.stop()));
    }
  };
  try {
    const memory = await measure([await serve()]);
    const one = await measure([await serve(`${redis.url}/0?prefix=bench-one:`)]);
    const store = `${redis.url}/0?prefix=bench-two:`;
    const two = [await serve(store), await serve(store)];
    const balancer = await startRoundRobin(
      two.map((r) => r.url),
      { record: false },
    );
    const pair = await measure(two, balancer.url).finally(() => balancer.close());
    const row = (name: string, value: number) => [
      name,
      `${value.toFixed(value >= 100 ? 0 : 1)} flows/s`,
      `${memory.toFixed(0)} flows/s (1 replica, memory)`,
      `${(value / memory).toFixed(2)}×`,
    ];
    return [
      row('share flows, 1 replica on Redis', one),
      row('share flows, 2 replicas on Redis, round robin', pair),
    ];
  } finally {
    await redis.stop();
  }
}
