import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { packageRoot } from '../simulator/paths.js';
import { QR_PATH, REFS_PATH_PREFIX } from './fixtures.js';
import { idleSockets } from './idle-sockets.js';
import { idvCreateSessionsPerSecond } from './idv-create-session.js';
import { type ServerProcess, startProcess } from './processes.js';
import { profileExchangesPerSecond } from './profile-exchange.js';
import { REPLICA_COLUMNS, replicaShareFlowRows } from './replicas.js';
import { rsaPrivateOpsPerSecond } from './rsa-baseline.js';
import { shareFlowsPerSecond } from './share-flows.js';
import { startWiremock, wiremockUnavailable, wiremockVersion } from './wiremock.js';

/**
 * `npm run bench [part…]`: each figure is a ratio against a baseline measured in the same run, on
 * the same machine, so the numbers travel between machines better than raw requests per second.
 * Servers under load take turns in rounds (the order rotating), so a noisy neighbour on a shared
 * machine costs every server alike. Parts: startup, refs, share, idv, profile, idle, replicas
 * (default all).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const IDLE_SOCKETS = Number(process.env.BENCH_IDLE_SOCKETS ?? 50_000);
const PARTS = ['startup', 'refs', 'share', 'idv', 'profile', 'idle', 'replicas'];
const asked = process.argv.slice(2);
for (const part of asked) if (!PARTS.includes(part)) throw new Error(`unknown part ${part}; parts: ${PARTS}`);
const want = (part: string) => asked.length === 0 || asked.includes(part);

const dist = (file: string) => join(packageRoot, 'dist/bench', file);
const cli = join(packageRoot, 'dist/bundle/cli.mjs');
const scenario = join(packageRoot, 'bench/share-bench.yaml');

const startSimulator = () =>
  startProcess({
    args: [cli, 'serve', '--port', '0', '--log-level', 'silent', '--scenario', scenario],
    probePath: '/__admin/health',
  });
const startBare = () => startProcess({ args: [dist('bare-server.js')], probePath: '/' });

/** The sessions and journal entries a simulator holds, as its admin API counts them. */
async function retainedBy(url: string): Promise<string> {
  const { sessions } = (await (await fetch(`${url}/__admin/sessions`)).json()) as { sessions: unknown[] };
  const { count } = (await (await fetch(`${url}/__admin/requests/count`)).json()) as { count: number };
  return `holding ${sessions.length.toLocaleString('en')} sessions, ${count.toLocaleString('en')} journal entries`;
}

/** One load against one server: its rate, and the server's CPU time (user + system) per request. */
interface Load {
  rate: number;
  cpuUs: number;
}

/** Runs `load` (which reports how many requests or flows it made) and reads the server's CPU meanwhile. */
async function measured(server: ServerProcess, load: () => Promise<{ rate: number; count: number }>) {
  const cpuBefore = server.cpuMs();
  const { rate, count } = await load();
  return { rate, cpuUs: ((server.cpuMs() - cpuBefore) * 1000) / Math.max(count, 1) };
}

function requestsPerSecond(server: ServerProcess, path: string, seconds: number): Promise<Load> {
  const url = `${server.url}${path}`;
  return measured(server, async () => {
    const result = await autocannon({ url, connections: 32, duration: seconds, pipelining: 1 });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return { rate: result.requests.average, count: result.requests.total };
  });
}

function shareFlows(server: ServerProcess, seconds: number): Promise<Load> {
  return measured(server, async () => {
    const rate = await shareFlowsPerSecond(server.url, QR_PATH, { durationMs: seconds * 1000 });
    return { rate, count: rate * seconds };
  });
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** A contender's median round, and the slowest and fastest rounds' rates. */
interface RoundsLoad extends Load {
  rates: { min: number; max: number };
}

/**
 * Runs each contender's load ROUNDS times, rotating the order; the median per contender. A round
 * that a burst on the shared host slowed moves a mean, not a median; the range shows the swing.
 */
async function rounds<K extends string>(
  contenders: Record<K, () => Promise<Load>>,
): Promise<Record<K, RoundsLoad>> {
  const names = Object.keys(contenders) as K[];
  const runs = Object.fromEntries(names.map((n) => [n, [] as Load[]])) as Record<K, Load[]>;
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      runs[name].push(await contenders[name]());
    }
  }
  return Object.fromEntries(
    names.map((n) => {
      const rates = runs[n].map((r) => r.rate);
      return [
        n,
        {
          rate: median(rates),
          cpuUs: median(runs[n].map((r) => r.cpuUs)),
          rates: { min: Math.min(...rates), max: Math.max(...rates) },
        },
      ];
    }),
  ) as Record<K, RoundsLoad>;
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(1));
const ratio = (n: number) => `${n.toFixed(2)}×`;
const tables: { title: string; rows: string[][] }[] = [];
const table = (title: string, header: string[]) => {
  const rows = [header];
  tables.push({ title, rows });
  return rows;
};
const goals = table('Goals (issue 15)', ['goal', 'measured', 'target', 'met']);
const goal = (name: string, measured: number, target: string, met: boolean) =>
  goals.push([name, ratio(measured), target, met ? 'yes' : 'NO']);
const measures = table('kyc-sim against its baselines', ['measure', 'kyc-sim', 'baseline', 'ratio']);
const measure = (name: string, sim: string, base: string, r: number) =>
  measures.push([name, sim, base, ratio(r)]);

const STARTS = 9;
if (want('startup')) {
  const startups = { sim: [] as number[], bare: [] as number[] };
  // One start of each uncounted: the first after a build compiles the bundle and keeps its code
  // (bin.ts), as a user's first start does once, and the bench's own fetch loads its HTTP client.
  for (let i = -1; i < STARTS; i++) {
    const s = await startSimulator();
    if (i >= 0) startups.sim.push(s.startupMs);
    await s.stop();
    const b = await startBare();
    if (i >= 0) startups.bare.push(b.startupMs);
    await b.stop();
  }
  const [sim, bare] = [median(startups.sim), median(startups.bare)];
  measure(
    `start-up to first answer (median of ${STARTS} alternating starts)`,
    `${fmt(sim)} ms`,
    `${fmt(bare)} ms (bare node:http)`,
    sim / bare,
  );
  goal('start-up ≤ 1.5× bare node', sim / bare, '≤ 1.50×', sim / bare <= 1.5);
}

let sim: ServerProcess | undefined;
let bare: ServerProcess | undefined;
if (want('refs') || want('share') || want('idv') || want('profile')) {
  sim = await startSimulator();
  bare = await startBare();
}
// Each server's footprint before any load: the code it loaded, apart from what the load leaves.
const idleRss = sim && bare ? { sim: sim.rssMb(), bare: bare.rssMb() } : undefined;
try {
  if (sim && bare && want('refs')) {
    const qr = (await (await fetch(`${sim.url}${QR_PATH}`)).json()) as { ref_id: string };
    const servers: Record<string, { process: ServerProcess; path: string }> = {
      'bare node:http': { process: bare, path: `${REFS_PATH_PREFIX}bench-ref` },
      'Hono + @hono/node-server, the route alone': {
        process: await startProcess({ args: [dist('hono-server.js')], probePath: `${REFS_PATH_PREFIX}x` }),
        path: `${REFS_PATH_PREFIX}bench-ref`,
      },
      'kyc-sim': { process: sim, path: `${REFS_PATH_PREFIX}${qr.ref_id}` },
      mockttp: {
        process: await startProcess({ args: [dist('mockttp-server.js')], probePath: `${REFS_PATH_PREFIX}x` }),
        path: `${REFS_PATH_PREFIX}bench-ref`,
      },
    };
    const skipped: string[] = [];
    const noWiremock = wiremockUnavailable();
    if (noWiremock) skipped.push(`WireMock skipped: ${noWiremock}`);
    else
      servers[`WireMock ${wiremockVersion()} (standalone jar, JVM warmed)`] = {
        process: await startWiremock(),
        path: `${REFS_PATH_PREFIX}bench-ref`,
      };
    try {
      // Warm-up: JIT on every server, the JVM's longest.
      for (const [name, { process: p, path }] of Object.entries(servers))
        await requestsPerSecond(p, path, name.startsWith('WireMock') ? 3 * SECONDS : SECONDS);
      const loads = await rounds(
        Object.fromEntries(
          Object.entries(servers).map(([name, { process: p, path }]) => [
            name,
            () => requestsPerSecond(p, path, SECONDS),
          ]),
        ),
      );
      const rows = table(
        `GET qrcodes/refs, the same JSON from each server (32 connections, median of ${ROUNDS} rounds of ${SECONDS} s)`,
        [
          'server',
          'req/s',
          'rounds (slowest–fastest)',
          'ratio to bare',
          'server CPU per request',
          'RSS after',
        ],
      );
      const base = loads['bare node:http'];
      for (const [name, { process: p }] of Object.entries(servers)) {
        const { rate, rates, cpuUs } = loads[name];
        const range = `${fmt(rates.min)}–${fmt(rates.max)}`;
        rows.push([
          name,
          fmt(rate),
          range,
          ratio(rate / base.rate),
          `${fmt(cpuUs)} µs`,
          `${fmt(p.rssMb())} MiB`,
        ]);
      }
      for (const line of skipped) rows.push([line, '', '', '', '', '']);
      const r = loads['kyc-sim'].rate / base.rate;
      goal('GET qrcodes/refs ≥ 0.9× bare node:http', r, '≥ 0.90×', r >= 0.9);
      const simCpu = loads['kyc-sim'].cpuUs;
      measure(
        'GET qrcodes/refs, server CPU per request',
        `${fmt(simCpu)} µs`,
        `${fmt(base.cpuUs)} µs (bare)`,
        base.cpuUs / simCpu,
      );
    } finally {
      for (const { process: p } of Object.values(servers)) if (p !== sim && p !== bare) await p.stop();
    }
  }

  if (sim && bare && want('share')) {
    const [s, b] = [sim, bare];
    // Warm-up, as for refs: each server's JIT has compiled the whole flow before the rounds count.
    for (const server of [s, b]) await shareFlows(server, SECONDS);
    const flows = await rounds({ sim: () => shareFlows(s, SECONDS), bare: () => shareFlows(b, SECONDS) });
    const r = flows.sim.rate / flows.bare.rate;
    measure(
      'complete share flows (QR, refs, websocket, COMPLETED)',
      `${fmt(flows.sim.rate)} /s (rounds ${fmt(flows.sim.rates.min)}–${fmt(flows.sim.rates.max)}), ${fmt(flows.sim.cpuUs)} µs CPU each`,
      `${fmt(flows.bare.rate)} /s (rounds ${fmt(flows.bare.rates.min)}–${fmt(flows.bare.rates.max)}), ${fmt(flows.bare.cpuUs)} µs CPU each (bare http + ws)`,
      r,
    );
    goal('share flows ≥ 0.85× bare http + ws', r, '≥ 0.85×', r >= 0.85);
  }

  if (sim && bare && (want('refs') || want('share'))) {
    const [s, b] = [sim.rssMb(), bare.rssMb()];
    if (idleRss)
      measure(
        'resident memory at idle, before the load',
        `${fmt(idleRss.sim)} MiB`,
        `${fmt(idleRss.bare)} MiB (bare)`,
        idleRss.bare / idleRss.sim,
      );
    // What the load left kyc-sim holding (the bare server keeps nothing), asked after RSS is read.
    const held = await retainedBy(sim.url);
    measure('resident memory after the load', `${fmt(s)} MiB (${held})`, `${fmt(b)} MiB (bare)`, b / s);
    goal('memory after load ≤ 1.3× bare', s / b, '≤ 1.30×', s / b <= 1.3);
  }

  const durationMs = SECONDS * 1000;
  let rsa: number | undefined;
  const rsaOps = () => {
    rsa ??= rsaPrivateOpsPerSecond();
    return rsa;
  };
  if (sim && bare && want('idv')) {
    const idv = await idvCreateSessionsPerSecond(sim.url, { sdkId: 'bench-app', durationMs });
    const idvBare = await idvCreateSessionsPerSecond(bare.url, {
      sdkId: 'bench-app',
      durationMs,
      keyFrom: sim.url,
    });
    measure(
      'signed IDV create-session (DBS example)',
      `${fmt(idv)} req/s`,
      `${fmt(idvBare)} req/s (bare, same signed requests)`,
      idv / idvBare,
    );
    measure(
      'signed IDV create-session against RSA',
      `${fmt(idv)} req/s`,
      `${fmt(rsaOps())} RSA-2048 ops/s`,
      idv / rsaOps(),
    );
  }
  if (sim && want('profile')) {
    const s = sim;
    const http = await profileExchangesPerSecond(s.url, { sdkId: 'bench-app', durationMs, mode: 'http' });
    measure(
      'profile exchange, signed GET /profile only',
      `${fmt(http)} /s`,
      `${fmt(rsaOps())} RSA-2048 ops/s`,
      http / rsaOps(),
    );
    const sdk = await profileExchangesPerSecond(s.url, { sdkId: 'bench-app', durationMs, mode: 'sdk' });
    measure(
      'profile exchange via the yoti SDK (getActivityDetails)',
      `${fmt(sdk)} /s`,
      `${fmt(rsaOps())} RSA-2048 ops/s`,
      sdk / rsaOps(),
    );
  }
} finally {
  await Promise.all([sim?.stop(), bare?.stop()]);
}
if (want('replicas'))
  table('Share flows across replicas (Redis)', REPLICA_COLUMNS).push(
    ...(await replicaShareFlowRows(cli, scenario, QR_PATH, SECONDS * 1000)),
  );

if (want('idle')) {
  const idle = await idleSockets(IDLE_SOCKETS, SECONDS);
  const n = (x: number) => x.toLocaleString('en');
  const rows = table(`Idle share websockets (asked for ${n(idle.asked)})`, ['measure', 'value']);
  const perSocketKb = ((idle.rssSocketsMb - idle.rssSharesMb) * 1024) / Math.max(idle.held, 1);
  const perShareKb = ((idle.rssSharesMb - idle.rssStartMb) * 1024) / idle.target;
  if (idle.limitedBy) rows.push(['tried', `${n(idle.target)}: ${idle.limitedBy}`]);
  rows.push(
    [
      'sockets held (ACCEPTED, then idle)',
      `${n(idle.held)} (${idle.failed} failed${idle.firstError ? `: ${idle.firstError}` : ''})`,
    ],
    ['still open after the health load', n(idle.heldAfter)],
    ['open-files limit per process / client processes', `${n(idle.serverOpenFiles)} / ${idle.clients}`],
    [
      'shares created (QR + refs each) / sockets opened in',
      `${fmt(idle.sharesMs / 1000)} s / ${fmt(idle.socketsMs / 1000)} s`,
    ],
    [
      'health p99 while held (4 connections)',
      `${idle.healthP99Ms} ms over ${n(idle.healthRequests)} requests, ${idle.healthErrors} failed`,
    ],
    [
      'server RSS: start / with the shares / with the sockets',
      `${fmt(idle.rssStartMb)} / ${fmt(idle.rssSharesMb)} / ${fmt(idle.rssSocketsMb)} MiB`,
    ],
    ['RSS per socket / per waiting share', `${fmt(perSocketKb)} KiB / ${fmt(perShareKb)} KiB`],
  );
  const healthy = idle.healthRequests > 0 && idle.healthErrors === 0 && idle.healthP99Ms <= 20;
  const met = idle.held === idle.asked && idle.heldAfter === idle.asked && healthy;
  goals.push([
    `${n(idle.asked)} idle share websockets, health p99 ≤ 20 ms`,
    `${n(idle.held)} held, p99 ${idle.healthP99Ms} ms`,
    `${n(idle.asked)}, ≤ 20 ms`,
    met
      ? 'yes'
      : idle.held === idle.target && idle.heldAfter === idle.target && healthy
        ? `NO (fd limit; ${n(idle.target)} held and healthy)`
        : 'NO',
  ]);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(
  `kyc-sim bench, ${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores (${cpu}), Node ${process.version}\n`,
);
// The goals last, under the figures they come from.
for (const { title, rows } of [...tables.slice(1), tables[0]]) {
  if (rows.length === 1) continue;
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  process.stdout.write(`\n${title}\n`);
  rows.forEach((r, i) => {
    process.stdout.write(`| ${r.map((c, j) => c.padEnd(widths[j])).join(' | ')} |\n`);
    if (i === 0) process.stdout.write(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
  });
}
process.stdout.write(
  '\nratio: kyc-sim relative to the baseline, higher is better (start-up and memory: baseline ÷ kyc-sim; in the goals, kyc-sim ÷ bare).\n' +
    'On a busy machine req/s ratios swing with the neighbours; the server CPU per request is the steadier figure.\n',
);
