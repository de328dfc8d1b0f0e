import { describe, expect, it, vi } from 'vitest';
import { biometricScenario, clientFor, flowPage, KEYS, submitStep } from './support/biometric.js';
import { useSimulator } from './support/simulator.js';

/**
 * Every AsyncLocalStorage run or enterWith in this process, counted from before the simulator's
 * modules load. On Node 20 the first one switches on a promise hook that then runs for every
 * promise of the process, so rendering a page must never enter one (hono/jsx did, per component).
 */
const entered = vi.hoisted(() => {
  const calls: string[] = [];
  const { AsyncLocalStorage } = process.getBuiltinModule('node:async_hooks');
  for (const method of ['run', 'enterWith'] as const) {
    const original = AsyncLocalStorage.prototype[method] as (...args: unknown[]) => unknown;
    Object.defineProperty(AsyncLocalStorage.prototype, method, {
      value(this: unknown, ...args: unknown[]) {
        calls.push(`${method} ${new Error().stack}`);
        return original.apply(this, args);
      },
    });
  }
  return calls;
});

const NAME = `Tom's <script>alert("x")</script> & co`;
const sim = useSimulator({ scenario: { ...biometricScenario(), name: NAME }, clock: 'manual' });
const page = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${sim().url}${path}`, { headers: sim().adminHeaders, ...init });
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  return { status: res.status, html: await res.text() };
};
const titleOf = (html: string) =>
  /<title>([^<]*)<\/title>/
    .exec(html)?.[1]
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('HTML pages', () => {
  it('shows a scenario name with markup in it as text in the console page', async () => {
    const { html } = await page('/__admin/ui');
    expect(html).not.toContain('<script>alert');
    expect(titleOf(html)).toBe(`kyc-sim · ${NAME}`);
  });

  it('renders the console, the API reference and the Biometric.kz pages without AsyncLocalStorage', async () => {
    expect((await page('/__admin/ui')).html).toContain('id="tab-yoti-app"');
    expect((await page('/__admin/ui/reference')).html).toContain('id="reference-document"');
    const id = (await clientFor(sim(), KEYS.liveness).createSession()).session_id;
    expect((await flowPage(sim(), id)).html).toContain('data-technology="LD"');
    const finish = await submitStep(sim(), id, { technology: 'LD', action: 'scenario' });
    expect((await page(finish.location, { redirect: 'manual' })).html).toContain('data-finished');
    expect(await page(`/biometric/remote/flow/${id}`)).toMatchObject({ status: 410 });
    expect(await page(`/biometric/test/short?api_key=${KEYS.inactive}`)).toMatchObject({ status: 403 });
    expect(entered).toEqual([]);
  });
});
