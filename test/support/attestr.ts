import { join } from 'node:path';
import { scenariosDir } from '../../simulator/paths.js';
import type { RunningSimulator } from '../../simulator/server.js';

export const ERRORS_SCENARIO = join(scenariosDir, 'attestr-errors.yaml');

/** Apps of scenarios/attestr-errors.yaml, by what they are for. */
export const APPS = {
  ok: { clientKey: '0a0000000000000000000000000000ff', secret: 'ok-secret', authToken: 'b2stdG9rZW4' },
  lowCredits: { authToken: 'bG93LWNyZWRpdHM' },
  unprovisioned: { authToken: 'dW5wcm92aXNpb25lZA' },
  suspended: { authToken: 'c3VzcGVuZGVk' },
  foreignIp: { authToken: 'Zm9yZWlnbi1pcA' },
  localIp: { authToken: 'bG9jYWwtaXA' },
  accountLimit: { authToken: 'YWNjb3VudC1saW1pdA' },
  apiLimit: { authToken: 'YXBpLWxpbWl0' },
  dailyLimit: { authToken: 'ZGFpbHktbGltaXQ' },
} as const;

/** The published snapshots of the scenario's FLhappy flow (Strings, as Attestr's are). */
export const SNAPSHOTS = ['d79c9c09-0000-4000-8000-000000000001', 'd79c9c09-0000-4000-8000-000000000002'];

export interface Answer {
  status: number;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON comes back
  json: any;
}

/** One raw HTTP call to the simulator, as a client would make it. */
export async function call(
  sim: RunningSimulator,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Basic ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${sim.url}${path}`, { method, headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

export const createHandshake = (sim: RunningSimulator, token: string, body: unknown, version = 'v2') =>
  call(sim, 'POST', `/attestr/api/${version}/public/flowx/handshake`, { token, body });

export const executionResult = (sim: RunningSimulator, token: string, id: string, version = 'v2') =>
  call(sim, 'GET', `/attestr/api/${version}/public/flowx/handshake/${id}`, { token });

/** What flowx.js does on launch(). */
export const launch = (
  sim: RunningSimulator,
  hs: string,
  options: { cl?: string; lc?: string; qr?: Record<string, unknown>; retry?: boolean } = {},
) => call(sim, 'POST', '/attestr/flowx/sim/runs', { body: { cl: APPS.ok.clientKey, hs, ...options } });

export const runView = (sim: RunningSimulator, hs: string, cl: string = APPS.ok.clientKey) =>
  call(sim, 'GET', `/attestr/flowx/sim/runs/${hs}?cl=${cl}`);

/** Moves the manual clock and lets timers' async work settle. */
export async function advance(sim: RunningSimulator, ms: number): Promise<void> {
  const res = await fetch(`${sim.url}/__admin/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ms }),
  });
  if (!res.ok) throw new Error(`advance failed: ${res.status} ${await res.text()}`);
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Polls `probe` until it returns a value (async work after a timer may take a few ticks). */
export async function until<T>(
  probe: () => Promise<T | undefined | false>,
  what: string,
  ms = 5_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until the handshake's run view reaches `state`; returns the view. */
export function untilState(sim: RunningSimulator, hs: string, state: string) {
  return until(async () => {
    const view = await runView(sim, hs);
    return view.json?.state === state ? view.json : undefined;
  }, `handshake ${hs} to reach ${state}`);
}

/** Waits until `stage` is the running stage of the handshake. */
export function untilRunning(
  sim: RunningSimulator,
  hs: string,
  stage: string,
  cl: string = APPS.ok.clientKey,
) {
  return until(async () => {
    const view = await runView(sim, hs, cl);
    return view.json?.current === stage ? view.json : undefined;
  }, `stage ${stage} of ${hs} to run`);
}
