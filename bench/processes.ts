import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A server under test, in its own process so the load generator does not share its event loop. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first answered request. */
  startupMs: number;
  rssMb(): number;
  /** CPU time (user + system) the process has used so far, in milliseconds. */
  cpuMs(): number;
  /** The process's soft limit on open files. */
  openFilesLimit(): number;
  stop(): Promise<void>;
}

export interface ProcessSpec {
  /** Node (this one) when absent. */
  command?: string;
  args: string[];
  /** A path answered once the server is ready. */
  probePath: string;
  /** For servers that do not print `listening on <url>`: where they listen. */
  url?: string;
  /**
   * Raise the process's open-files limit to this (through the shell's `ulimit -n`, which root may
   * raise past the hard limit); when refused, the hard limit is taken.
   */
  openFiles?: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * `command args` run through the shell with its open-files limit raised to `limit` (root may go past
 * the hard limit, up to fs.nr_open); when that is refused, to the hard limit.
 */
export function withOpenFiles(limit: number, command: string, args: string[]): [string, string[]] {
  const script = `ulimit -n ${limit} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"`;
  return ['/bin/sh', ['-c', script, command, ...args]];
}

/** USER_HZ: Linux reports process times in hundredths of a second on every common platform. */
const CLOCK_TICKS_PER_S = 100;

const readProc = (pid: number | undefined, file: string) => readFileSync(`/proc/${pid}/${file}`, 'utf8');

export async function startProcess(spec: ProcessSpec): Promise<ServerProcess> {
  const command = spec.command ?? process.execPath;
  const [file, args] = spec.openFiles
    ? withOpenFiles(spec.openFiles, command, spec.args)
    : [command, spec.args];
  const started = performance.now();
  const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], env: spec.env ?? process.env });
  let output = '';
  const announced = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      if (output.length < 64 * 1024) output += d;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr?.on('data', (d) => {
      if (output.length < 64 * 1024) output += d;
    });
    child.once('exit', (code) => reject(new Error(`${spec.args.join(' ')} exited with ${code}: ${output}`)));
  });
  announced.catch(() => {}); // servers with a known url never announce; their exit is seen below
  const url = spec.url ?? (await announced);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${command} exited with ${code}: ${output}`))),
  );
  exited.catch(() => {});
  for (;;) {
    try {
      const res = await Promise.race([fetch(`${url}${spec.probePath}`), exited]);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch (error) {
      if (child.exitCode !== null) throw error;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  const startupMs = performance.now() - started;
  return {
    url,
    child,
    startupMs,
    rssMb() {
      return Number(/VmRSS:\s+(\d+)/.exec(readProc(child.pid, 'status'))?.[1] ?? 0) / 1024;
    },
    cpuMs() {
      // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name, in clock ticks.
      const fields = readProc(child.pid, 'stat').split(') ')[1].split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
    },
    openFilesLimit() {
      return Number(/Max open files\s+(\d+)/.exec(readProc(child.pid, 'limits'))?.[1] ?? 0);
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A port free right now on 127.0.0.1, for servers that cannot pick their own and say which. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
