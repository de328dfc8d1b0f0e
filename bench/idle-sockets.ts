import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import autocannon from 'autocannon';
import { packageRoot } from '../simulator/paths.js';
import { startProcess, withOpenFiles } from './processes.js';

export interface IdleSocketsResult {
  /** Sockets asked for, and those tried: fewer when the open-files limit cannot be raised enough. */
  asked: number;
  target: number;
  /** Why `target` is below `asked`. */
  limitedBy?: string;
  held: number;
  failed: number;
  firstError?: string;
  /** The open-files limit the server got. */
  serverOpenFiles: number;
  clients: number;
  /** Milliseconds to create the shares (QR + refs each), then to open the sockets. */
  sharesMs: number;
  socketsMs: number;
  rssStartMb: number;
  rssSharesMb: number;
  rssSocketsMb: number;
  healthP99Ms: number;
  healthRequests: number;
  healthErrors: number;
  /** Sockets still open after the health load. */
  heldAfter: number;
}

const IDLE_QR_PATH = '/yoti/api/v1.1/sessions/apps/bench-app/scenarios/idle';
/** Descriptors a process keeps for itself besides the sockets (listeners, health connections, files). */
const HEADROOM = 256;

type Client = ChildProcessByStdio<Writable, Readable, null> & { reports: AsyncIterator<string> };

/**
 * `asked` share websockets held open at once, each on a share of its own, by client processes beside
 * the server; meanwhile the admin health endpoint is loaded and its p99 latency taken. Every
 * process gets its open-files limit raised (`ulimit -n`) as far as the machine lets it; when the
 * server cannot get enough descriptors, as many sockets as it can hold are tried, and why is said.
 */
export async function idleSockets(asked: number, healthSeconds = 5): Promise<IdleSocketsResult> {
  const wanted = asked + HEADROOM * 4;
  const server = await startProcess({
    args: [join(packageRoot, 'dist/bench/idle-server.js'), String(asked)],
    probePath: '/__admin/health',
    openFiles: wanted,
  });
  const serverOpenFiles = server.openFilesLimit();
  const target = Math.min(asked, serverOpenFiles - HEADROOM);
  const limitedBy =
    target < asked
      ? `the open-files limit stays at ${serverOpenFiles.toLocaleString('en')} per process (raising it needs CAP_SYS_RESOURCE)`
      : undefined;
  // Clients are limited alike: spread the sockets over as many client processes as it takes.
  const perClient = serverOpenFiles - HEADROOM;
  const counts: number[] = [];
  for (let left = target; left > 0; left -= perClient) counts.push(Math.min(left, perClient));
  const clients = counts.map((count) => {
    const [file, args] = withOpenFiles(wanted, process.execPath, [
      join(packageRoot, 'dist/bench/idle-clients.js'),
      server.url,
      String(count),
      IDLE_QR_PATH,
    ]);
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'inherit'] }) as Client;
    child.reports = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    return child;
  });
  const reportsOf = async <T>(): Promise<T[]> =>
    Promise.all(
      clients.map(async (client) => {
        const line = await client.reports.next();
        if (line.done) throw new Error('an idle-socket client ended early');
        return JSON.parse(line.value) as T;
      }),
    );
  const ask = (word: string) => {
    for (const client of clients) client.stdin.write(`${word}\n`);
  };
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  try {
    const rssStartMb = server.rssMb();
    const shares = await reportsOf<{ ms: number }>();
    const rssSharesMb = server.rssMb();
    ask('open');
    const sockets = await reportsOf<{ held: number; failed: number; firstError?: string; ms: number }>();
    const rssSocketsMb = server.rssMb();
    const health = await autocannon({
      url: `${server.url}/__admin/health`,
      connections: 4,
      duration: healthSeconds,
    });
    ask('again');
    const after = await reportsOf<{ held: number }>();
    return {
      asked,
      target,
      limitedBy,
      held: sum(sockets.map((s) => s.held)),
      failed: sum(sockets.map((s) => s.failed)),
      firstError: sockets.find((s) => s.firstError)?.firstError,
      serverOpenFiles,
      clients: clients.length,
      sharesMs: Math.max(...shares.map((s) => s.ms)),
      socketsMs: Math.max(...sockets.map((s) => s.ms)),
      rssStartMb,
      rssSharesMb,
      rssSocketsMb,
      healthP99Ms: health.latency.p99,
      healthRequests: health.requests.total,
      healthErrors: health.errors + health.non2xx,
      heldAfter: sum(after.map((s) => s.held)),
    };
  } finally {
    for (const client of clients) {
      client.stdin.end();
      client.kill('SIGTERM');
    }
    await server.stop();
  }
}
