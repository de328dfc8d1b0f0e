import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { packageRoot } from '../simulator/paths.js';
import { QR_PATH, REFS_PATH_PREFIX } from './fixtures.js';
import { startProcess } from './processes.js';
import { shareFlowsPerSecond } from './share-flows.js';

/**
 * `npm run bench:profile -- <refs|share> [kyc-sim|bare|hono] [seconds]`: a server under the CPU
 * profiler while one load runs (warm-up and start-up left out), then the profile summarised by self
 * time per module and function and per request (cpuprofile-summary). kyc-sim runs from the
 * unbundled build, so the profile names our files. The .cpuprofile is kept for a flame graph.
 */
const [load = 'refs', server = 'kyc-sim', secondsArg] = process.argv.slice(2);
const seconds = Number(secondsArg ?? 8);
if (load !== 'refs' && load !== 'share') throw new Error('load: refs or share');
const entry = {
  'kyc-sim': [
    join(packageRoot, 'dist/simulator/cli.js'),
    'serve',
    '--port',
    '0',
    '--log-level',
    'silent',
    '--scenario',
    join(packageRoot, 'bench/share-bench.yaml'),
  ],
  bare: [join(packageRoot, 'dist/bench/bare-server.js')],
  hono: [join(packageRoot, 'dist/bench/hono-server.js')],
}[server];
if (!entry) throw new Error('server: kyc-sim, bare or hono');

const out = join(mkdtempSync(join(tmpdir(), 'kyc-sim-profile-')), `${load}-${server}.cpuprofile`);
const sim = await startProcess({
  args: ['--import', join(packageRoot, 'dist/bench/profile-preload.js'), ...entry],
  probePath: server === 'kyc-sim' ? '/__admin/health' : `${REFS_PATH_PREFIX}x`,
  env: { ...process.env, KYC_SIM_PROFILE_OUT: out },
});
const refsUrl = async () => {
  if (server !== 'kyc-sim') return `${sim.url}${REFS_PATH_PREFIX}bench-ref`;
  const qr = (await (await fetch(`${sim.url}${QR_PATH}`)).json()) as { ref_id: string };
  return `${sim.url}${REFS_PATH_PREFIX}${qr.ref_id}`;
};
const run = async (s: number) => {
  if (load === 'share') {
    const rate = await shareFlowsPerSecond(sim.url, QR_PATH, { durationMs: s * 1000 });
    return { rate, count: rate * s };
  }
  const result = await autocannon({ url: await refsUrl(), connections: 32, duration: s });
  return { rate: result.requests.average, count: result.requests.total };
};
await run(2); // warm-up
sim.child.kill('SIGUSR2');
await new Promise((r) => setTimeout(r, 300));
const cpuBefore = sim.cpuMs();
const { rate, count } = await run(seconds);
const cpuUs = ((sim.cpuMs() - cpuBefore) * 1000) / count;
sim.child.kill('SIGUSR2');
while (!existsSync(out)) await new Promise((r) => setTimeout(r, 50));
await new Promise((r) => setTimeout(r, 200));
await sim.stop();
process.stdout.write(
  `${load} on ${server}: ${rate.toFixed(0)}/s under the profiler, ${Math.round(count)} in all, ${cpuUs.toFixed(1)} µs of CPU each (user + system)\n`,
);
spawnSync(
  process.execPath,
  [join(packageRoot, 'dist/bench/cpuprofile-summary.js'), out, '30', String(Math.round(count))],
  { stdio: 'inherit' },
);
