import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biometricScenario, clientFor, KEYS } from './support/biometric.js';
import { CAMERA_GRANTED, useChromium } from './support/browser.js';
import { useSimulator } from './support/simulator.js';

/**
 * An integrator's page on another site (localhost vs 127.0.0.1), doing what public integrator
 * code does: load `<remote>/widget/flow-widget.umd.js`, call
 * `window.FlowWidget.startSession({id, selector, locale})` and wait for `finish` on window; a
 * second page embeds the flow in its own iframe and listens for messages from it.
 */
function integratorPage(simUrl: string, mode: 'widget' | 'iframe', sessionId: string): string {
  const remote = `${simUrl}/biometric/remote`;
  return `<!DOCTYPE html><html><body>
<div style="width:100vw;height:100vh"><div id="biometric-widget" style="width:100%;height:100%"></div></div>
<script>
window.events = [];
window.addEventListener('message', function (e) { window.events.push({ origin: e.origin, data: e.data }); });
window.addEventListener('finish', function (e) { window.finished = e.detail; });
if (${JSON.stringify(mode)} === 'widget') {
  var script = document.createElement('script');
  script.src = ${JSON.stringify(`${remote}/widget/flow-widget.umd.js`)};
  script.async = true;
  script.onload = function () {
    window.FlowWidget.startSession({ id: ${JSON.stringify(sessionId)}, selector: '#biometric-widget', locale: 'ru' });
  };
  document.body.appendChild(script);
} else {
  var frame = document.createElement('iframe');
  frame.src = ${JSON.stringify(`${remote}/flow/${sessionId}?locale=en`)};
  frame.allow = 'camera';
  document.getElementById('biometric-widget').appendChild(frame);
}
</script></body></html>`;
}

describe('Biometric.kz flow embedded in an iframe', () => {
  const sim = useSimulator({ scenario: biometricScenario() });
  const chromium = useChromium(CAMERA_GRANTED);
  let server: Server;
  let pages: Map<string, string>;
  let hostUrl: string;

  beforeAll(async () => {
    pages = new Map();
    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(pages.get(req.url ?? '') ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hostUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  async function run(mode: 'widget' | 'iframe') {
    const client = clientFor(sim(), KEYS.ldF2f);
    const { session_id } = await client.createSession();
    pages.set(`/${mode}`, integratorPage(sim().url, mode, session_id));
    const page = await chromium().newPage();
    await page.goto(`${hostUrl}/${mode}`);
    const flow = page.frameLocator('iframe');
    for (const code of ['LD', 'F2F']) {
      await flow.locator(`h1[data-technology="${code}"]`).waitFor();
      await flow.locator('form button[value="scenario"]').click();
    }
    await flow.locator('h1[data-finished]').waitFor();
    return { page, session_id, client };
  }

  it('FlowWidget.startSession mounts the flow in the element and fires finish on window at the end', async () => {
    const { page, session_id, client } = await run('widget');
    const detail = await page.waitForFunction(() => (window as { finished?: unknown }).finished);
    expect(await detail.jsonValue()).toEqual({ session_id, result: 'passed' });
    expect(await page.locator('#biometric-widget iframe').getAttribute('src')).toBe(
      `${sim().url}/biometric/remote/flow/${session_id}?locale=ru`,
    );
    await page.close();
    expect(await client.getResult(session_id)).toMatchObject({ status: 'FINISHED' });
  });

  it('posts a message to the embedding page for every step and for the end', async () => {
    const { page, session_id } = await run('iframe');
    await page.waitForFunction(() =>
      (window as { events?: { data: { event?: string } }[] }).events?.some((e) => e.data.event === 'finish'),
    );
    const events = (await page.evaluate(() => (window as { events?: unknown[] }).events)) as {
      origin: string;
      data: Record<string, unknown>;
    }[];
    await page.close();
    expect(events.every((e) => e.origin === sim().url)).toBe(true);
    expect(events.map((e) => e.data)).toEqual([
      { source: 'biometric-flow', event: 'step', session_id, technology: 'LD' },
      { source: 'biometric-flow', event: 'step', session_id, technology: 'F2F' },
      { source: 'biometric-flow', event: 'finish', session_id, result: 'passed' },
    ]);
  });
});
