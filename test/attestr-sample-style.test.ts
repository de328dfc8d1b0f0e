import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPS, createHandshake, ERRORS_SCENARIO, executionResult } from './support/attestr.js';
import { useChromium } from './support/browser.js';
import { useSimulator } from './support/simulator.js';

/**
 * A page of our own that integrates flowx.js the way Attestr's official sample web app
 * (attestr/studio-sample-webapp) does: handshake id and client key typed into a form, handlers
 * named onFlowxComplete / onFlowxError / onFlowxSkip (before that: onComplete / onError / onSkip),
 * and `JSON.parse(data)` on what they receive. It loads a copy of flowx.js saved from kyc-sim and
 * served from the page's own host, as Attestr's doc allows, under deliberately hostile CSS.
 */
const sim = useSimulator({ scenario: ERRORS_SCENARIO });
const chromium = useChromium();

/** Rules a host page may well have; none may reach the overlay. */
const HOSTILE_CSS = `
  * { color: rgb(255, 0, 0) !important; font-size: 40px !important; font-family: serif !important; }
  button:not(#initiate), select { display: none !important; }
  ol, li, h2 { display: none !important; }
  div { opacity: 0 !important; }
  [data-testid], kyc-sim-flowx { display: none !important; visibility: hidden !important; }
  body > * { position: static !important; }
`;

function page(names: 'current' | 'legacy', hostile: boolean): string {
  const [complete, error, skip] =
    names === 'current'
      ? ['onFlowxComplete', 'onFlowxError', 'onFlowxSkip']
      : ['onComplete', 'onError', 'onSkip'];
  return `<!doctype html>
<html><head><meta charset="utf-8">
<script src="/flowx.js"></script>
<style>.hidden{display:none}${hostile ? HOSTILE_CSS : ''}</style>
</head><body>
<input id="hs"><input id="cl"><select id="retry"><option value="false">False</option><option value="true">True</option></select>
<button id="initiate" type="button" onclick="initiateSession()">Initiate Session</button>
<section id="success" class="hidden"><p id="successRes"></p></section>
<section id="error" class="hidden"><p id="errorRes"></p></section>
<p id="skipped" class="hidden">You have skipped the flow</p>
<script>
window.received = [];
function initiateSession() {
  var flowx = new AttestrFlowx({
    ${error}: function (data) {
      window.received.push({ handler: '${error}', asObject: data.message, asText: String(data) });
      document.getElementById('error').classList.remove('hidden');
      document.getElementById('errorRes').innerHTML = JSON.parse(data).message;
    },
    ${complete}: function (data) {
      window.received.push({ handler: '${complete}', asObject: data.signature, stringified: JSON.stringify(data) });
      document.getElementById('success').classList.remove('hidden');
      document.getElementById('successRes').innerHTML = JSON.parse(data).signature;
    },
    ${skip}: function (data) {
      window.received.push({ handler: '${skip}', stage: JSON.parse(data).stage });
      document.getElementById('skipped').classList.remove('hidden');
    },
    cl: document.getElementById('cl').value,
    hs: document.getElementById('hs').value,
    lc: 'en',
    qr: { a: 'b' },
    retry: document.getElementById('retry').value === 'true'
  });
  flowx.launch();
}
</script>
</body></html>`;
}

let host: Server;
let hostUrl: string;
/** Requests the page's own host received, to prove flowx.js talks to kyc-sim, not to it. */
const hostRequests: string[] = [];

beforeAll(async () => {
  // The copy an app downloads once and serves itself.
  const savedCopy = await (await fetch(`${sim().url}/attestr/flowx.js`)).text();
  host = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    hostRequests.push(`${req.method} ${url.pathname}`);
    if (url.pathname === '/flowx.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(savedCopy);
    } else if (url.pathname === '/') {
      const names = url.searchParams.get('names') === 'legacy' ? 'legacy' : 'current';
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(page(names, url.searchParams.has('hostile')));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => host?.close(resolve));
});

/** Opens the page, types the handshake and client key as the sample's user does, and starts. */
async function initiate(hs: string, query = ''): Promise<Page> {
  const tab = await chromium().newPage();
  tab.setDefaultTimeout(15_000);
  await tab.goto(`${hostUrl}/?${query}`);
  await tab.fill('#hs', hs);
  await tab.fill('#cl', APPS.ok.clientKey);
  await tab.click('#initiate');
  return tab;
}

const handshakeFor = async (flow: string) =>
  (await createHandshake(sim(), APPS.ok.authToken, { flow, snapshot: null, tag: `sample-${flow}` })).json
    ._id as string;

// biome-ignore lint/suspicious/noExplicitAny: whatever the page recorded
const received = (tab: Page) => tab.evaluate(() => (window as any).received);

// Chromium on a shared two-core machine: give each run room.
describe('a page integrating flowx.js as the official sample web app does', { timeout: 60_000 }, () => {
  it('reaches its success screen through onFlowxComplete and JSON.parse, from a saved copy on its own host', async () => {
    const hs = await handshakeFor('FLhappy');
    const tab = await initiate(hs);
    await tab.waitForSelector('#success:not(.hidden)');
    const { resultSignature } = (await executionResult(sim(), APPS.ok.authToken, hs)).json;
    expect(await tab.textContent('#successRes')).toBe(resultSignature);
    // The same data works as an object, and serialises to the documented keys only.
    expect(await received(tab)).toEqual([
      {
        handler: 'onFlowxComplete',
        asObject: resultSignature,
        stringified: JSON.stringify({ signature: resultSignature }),
      },
    ]);
    // The copy talked to kyc-sim: the page's host served the page and the script, nothing else.
    expect(hostRequests.filter((r) => !['GET /', 'GET /flowx.js', 'GET /favicon.ico'].includes(r))).toEqual(
      [],
    );
    await tab.close();
  });

  it('reaches its error screen through onFlowxError and JSON.parse(data).message', async () => {
    const tab = await initiate(await handshakeFor('FLerror'));
    await tab.waitForSelector('#error:not(.hidden)');
    expect(await tab.textContent('#errorRes')).toBe('Request could not be completed. Try again later.');
    const [call] = await received(tab);
    expect(call.handler).toBe('onFlowxError');
    expect(call.asObject).toBe('Request could not be completed. Try again later.');
    expect(JSON.parse(call.asText)).toMatchObject({ code: 5001, retry: false, stage: 'FSaadhaar' });
    await tab.close();
  });

  it("calls the sample's earlier names too: onComplete, onError, onSkip", async () => {
    const skipping = await initiate(await handshakeFor('FLskip'), 'names=legacy');
    await skipping.waitForSelector('#skipped:not(.hidden)');
    expect(await received(skipping)).toEqual([{ handler: 'onSkip', stage: 'FSselfie' }]);
    await skipping.close();

    const completing = await initiate(await handshakeFor('FLhappy'), 'names=legacy');
    await completing.waitForSelector('#success:not(.hidden)');
    expect((await received(completing))[0].handler).toBe('onComplete');
    await completing.close();
  });

  it("keeps the overlay visible and usable under the host page's hostile CSS", async () => {
    const tab = await initiate(await handshakeFor('FLmanual'), 'hostile');
    const complete = tab.locator('[data-testid="flowx-stage-FSpan"] [data-testid="flowx-complete"]');
    await complete.waitFor({ state: 'visible' });
    const style = await tab.locator('[data-testid="flowx-title"]').evaluate((title) => {
      const s = getComputedStyle(title);
      return { color: s.color, fontSize: s.fontSize, display: s.display };
    });
    expect(style).toEqual({ color: 'rgb(17, 17, 17)', fontSize: '19px', display: 'block' });
    const overlay = await tab.locator('[data-testid="flowx-overlay"]').boundingBox();
    expect(overlay?.width).toBeGreaterThan(0);
    expect(overlay?.height).toBeGreaterThan(0);
    await complete.click();
    await tab.locator('[data-testid="flowx-stage-FSselfie"] [data-testid="flowx-complete"]').click();
    await tab.waitForSelector('#success:not(.hidden)', { state: 'attached' });
    await tab.close();
  });
});
