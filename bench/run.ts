import { join } from 'node:path';
import autocannon from 'autocannon';
import { packageRoot } from '../simulator/paths.js';
import { idvCreateSessionsPerSecond } from './idv-create-session.js';
import { type ServerProcess, startProcess } from './processes.js';
import { profileExchangesPerSecond } from './profile-exchange.js';
import { rsaPrivateOpsPerSecond } from './rsa-baseline.js';
import { shareFlowsPerSecond } from './share-flows.js';

/**
 * `npm run bench`: each figure is a ratio against a baseline measured in the same run, on the
 * same machine, so the numbers travel between machines better than raw requests per second.
 */
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const cli = join(packageRoot, 'dist/bundle/cli.mjs');
const bare = join(packageRoot, 'dist/bench/bare-server.js');
const scenario = join(packageRoot, 'bench/share-bench.yaml');
const QR_PATH = '/yoti/api/v1.1/sessions/apps/bench-app/scenarios/bench';

async function requestsPerSecond(url: string): Promise<number> {
  const result = await autocannon({ url, connections: 32, duration: DURATION_S, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

const fmt = (n: number) => n.toFixed(n >= 100 ? 0 : 1);
const rows: string[][] = [['measure', 'kyc-sim', 'baseline (bare node:http)', 'ratio']];
const row = (name: string, sim: number, base: number, unit: string, higherIsBetter = true) =>
  rows.push([
    name,
    `${fmt(sim)} ${unit}`,
    `${fmt(base)} ${unit}`,
    `${(higherIsBetter ? sim / base : base / sim).toFixed(2)}×`,
  ]);

async function startSimulator(): Promise<ServerProcess> {
  return startProcess(
    [cli, 'serve', '--port', '0', '--log-level', 'silent', '--scenario', scenario],
    '/__admin/health',
  );
}

const startups = { sim: [] as number[], bare: [] as number[] };
for (let i = 0; i < 5; i++) {
  const s = await startSimulator();
  startups.sim.push(s.startupMs);
  await s.stop();
  const b = await startProcess([bare], '/');
  startups.bare.push(b.startupMs);
  await b.stop();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
row('start-up to first answer (median of 5)', median(startups.sim), median(startups.bare), 'ms', false);

const sim = await startSimulator();
const base = await startProcess([bare], '/');
try {
  const qr = (await (await fetch(`${sim.url}${QR_PATH}`)).json()) as { ref_id: string };
  row(
    'GET qrcodes/refs',
    await requestsPerSecond(`${sim.url}/yoti/api/v1.1/qrcodes/refs/${qr.ref_id}`),
    await requestsPerSecond(`${base.url}/yoti/api/v1.1/qrcodes/refs/bench-ref`),
    'req/s',
  );
  row(
    'complete share flows',
    await shareFlowsPerSecond(sim.url, QR_PATH, { durationMs: DURATION_S * 1000 }),
    await shareFlowsPerSecond(base.url, QR_PATH, { durationMs: DURATION_S * 1000 }),
    'flows/s',
  );
  const durationMs = DURATION_S * 1000;
  row(
    'signed IDV create-session (DBS example)',
    await idvCreateSessionsPerSecond(sim.url, { sdkId: 'bench-app', durationMs }),
    await idvCreateSessionsPerSecond(base.url, { sdkId: 'bench-app', durationMs, keyFrom: sim.url }),
    'req/s',
  );
  row('resident memory after load', sim.rssMb(), base.rssMb(), 'MiB', false);

  // Profile exchanges have no bare-server equivalent: their bound is RSA, so the baseline is
  // node:crypto's RSA-2048 private-key operations per second on this machine.
  const rsa = rsaPrivateOpsPerSecond();
  const rsaRow = (name: string, value: number) =>
    rows.push([name, `${fmt(value)} /s`, `${fmt(rsa)} RSA ops/s`, `${(value / rsa).toFixed(3)}×`]);
  rsaRow(
    'profile exchange, signed GET /profile only',
    await profileExchangesPerSecond(sim.url, { sdkId: 'bench-app', durationMs, mode: 'http' }),
  );
  rsaRow(
    'profile exchange via the yoti SDK (getActivityDetails)',
    await profileExchangesPerSecond(sim.url, { sdkId: 'bench-app', durationMs, mode: 'sdk' }),
  );
} finally {
  await Promise.all([sim.stop(), base.stop()]);
}

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) process.stdout.write(`${r.map((c, i) => c.padEnd(widths[i])).join('  ')}\n`);
process.stdout.write(
  '\nratio: kyc-sim relative to the baseline, higher is better (for times and memory: baseline ÷ kyc-sim).\n',
);
