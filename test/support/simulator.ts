import { afterAll, beforeAll } from 'vitest';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../simulator/server.js';

/** Starts a real simulator on a free port for the file's tests and stops it afterwards. */
export function useSimulator(options: SimulatorOptions = {}): () => RunningSimulator {
  let sim: RunningSimulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, logLevel: 'silent', ...options });
  });
  afterAll(async () => {
    await sim?.close();
  });
  return () => {
    if (!sim) throw new Error('simulator not started yet');
    return sim;
  };
}

/** Calls the admin API and returns the parsed JSON, failing loudly on an unexpected status. */
// biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the admin API sends
export async function admin<T = any>(
  sim: RunningSimulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${sim.url}/__admin${path}`, {
    method,
    headers: {
      ...sim.adminHeaders,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`admin ${method} ${path} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
