import { Redis } from 'ioredis';
import { type ServerProcess, startProcess } from './processes.js';
import { findRedisServer, startRedisServer } from './redis-server.js';
import { startRoundRobin } from './round-robin.js';
import { shareFlowsPerSecond } from './share-flows.js';

/**
 * The cost of Redis, measured: complete share flows per second with one replica in memory (the
 * baseline), one replica on Redis, and two replicas on one Redis behind a round-robin balancer
 * (every request and websocket to the next replica, so most flows cross replicas). Each replica is
 * its own `kyc-sim serve` process; redis-server is started for the run. Besides the rate, the CPU
 * time each flow cost the kyc-sim processes and redis-server: the steadier figure on a busy machine.
 * Rows: measure, flows/s, ratio to memory, kyc-sim CPU per flow, redis-server CPU per flow.
 */
const WARM_UP_MS = 1_500;

export const REPLICA_COLUMNS = [
  'measure',
  'flows/s',
  'ratio to memory',
  'kyc-sim CPU/flow',
  'Redis CPU/flow',
];

export async function replicaShareFlowRows(
  cli: string,
  scenario: string,
  qrPath: string,
  durationMs: number,
): Promise<string[][]> {
  const redisServer = findRedisServer();
  if (!redisServer.path) return [['share flows on Redis', `skipped: ${redisServer.reason}`, '', '', '']];
  const redis = await startRedisServer(redisServer.path);
  const info = new Redis(redis.url);
  /** redis-server's CPU time so far (user + system), from INFO. */
  const redisCpuMs = async () => {
    const text = await info.info('cpu');
    const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(text)?.[1] ?? 0);
    return (field('used_cpu_user') + field('used_cpu_sys')) * 1000;
  };
  const serve = (store?: string) => {
    const args = [cli, 'serve', '--port', '0', '--log-level', 'silent', '--scenario', scenario];
    return startProcess({
      args: [...args, ...(store ? ['--store', store] : [])],
      probePath: '/__admin/health',
    });
  };
  const measure = async (replicas: ServerProcess[], front?: string) => {
    try {
      // Untimed first: JIT warm-up would otherwise weigh on the few flows a busy machine manages.
      await shareFlowsPerSecond(front ?? replicas[0].url, qrPath, { durationMs: WARM_UP_MS });
      const cpuBefore = replicas.reduce((sum, r) => sum + r.cpuMs(), 0);
      const redisBefore = await redisCpuMs();
      const rate = await shareFlowsPerSecond(front ?? replicas[0].url, qrPath, { durationMs });
      const flows = Math.max(1, (rate * durationMs) / 1000);
      return {
        rate,
        cpuMs: (replicas.reduce((sum, r) => sum + r.cpuMs(), 0) - cpuBefore) / flows,
        redisMs: ((await redisCpuMs()) - redisBefore) / flows,
      };
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
    const ms = (n: number) => `${n.toFixed(2)} ms`;
    const row = (name: string, m: typeof memory) => [
      name,
      `${m.rate.toFixed(m.rate >= 100 ? 0 : 1)}`,
      `${(m.rate / memory.rate).toFixed(2)}×`,
      ms(m.cpuMs),
      m === memory ? '—' : ms(m.redisMs),
    ];
    return [
      row('1 replica, in memory (baseline)', memory),
      row('1 replica on Redis', one),
      row('2 replicas on Redis, round robin', pair),
    ];
  } finally {
    info.disconnect();
    await redis.stop();
  }
}
