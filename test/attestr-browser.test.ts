import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttestrClient } from '../clients/attestr/client.js';
import { type RunningSampleApp, startSampleApp } from '../clients/attestr/sample-app.js';
import { APPS, ERRORS_SCENARIO } from './support/attestr.js';
import { useBrowser } from './support/console.js';
import { useSimulator } from './support/simulator.js';

/**
 * The sample web page in Debian's chromium: it asks its server for a handshake, launches the
 * simulator's flowx.js, and the server verifies the signature the success handler reports.
 */
const sim = useSimulator({ scenario: ERRORS_SCENARIO });
// Debian's chromium with a fresh profile (test/support/browser.ts has the agreed flags).
const browser = useBrowser();

let app: RunningSampleApp;
let tamperingApp: RunningSampleApp;

const clientFor = (fetchImpl?: typeof fetch) =>
  new AttestrClient({
    baseUrl: `${sim().url}/attestr`,
    authToken: APPS.ok.authToken,
    clientSecret: APPS.ok.secret,
    fetch: fetchImpl,
  });

/** A man in the middle that flips a value inside `result` and leaves the signature alone. */
const tamperingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const text = await response.text();
  return new Response(text.replace('"match":true', '"match":false'), {
    status: response.status,
    headers: response.headers,
  });
};

beforeAll(async () => {
  const common = {
    clientKey: APPS.ok.clientKey,
    flow: 'FLhappy',
    snapshot: null,
    flowxJsUrl: `${sim().url}/attestr/flowx.js`,
  };
  app = await startSampleApp({ ...common, client: clientFor() });
  tamperingApp = await startSampleApp({ ...common, client: clientFor(tamperingFetch) });
});

afterAll(async () => {
  await app?.close();
  await tamperingApp?.close();
});

async function openSample(query: string, base = app.url): Promise<Page> {
  const page = await browser().context.newPage();
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  await page.goto(`${base}/?${query}`);
  await page.click('#verify');
  return page;
}

async function handler(page: Page, name: string) {
  await page.waitForFunction((n) => document.getElementById('handler-name')?.textContent === n, name, {
    timeout: 15_000,
  });
  return JSON.parse((await page.textContent('#handler-data')) ?? 'null');
}

async function serverCheck(page: Page) {
  await page.waitForFunction(() =>
    /verified|rejected/.test(document.getElementById('server-check')?.textContent ?? ''),
  );
  return {
    outcome: await page.textContent('#server-check'),
    body: JSON.parse((await page.textContent('#server-data')) ?? 'null'),
  };
}

describe('Attestr FlowX in a real browser, through the sample web page', () => {
  it('runs the flow in an overlay; success reaches onFlowxSuccess and the server verifies the signature', async () => {
    const page = await openSample('flow=FLhappy');
    await page.waitForSelector('[data-testid="flowx-overlay"] [data-testid="flowx-stage-FSpan"]');
    const data = await handler(page, 'onFlowxSuccess');
    expect(Object.keys(data)).toEqual(['signature']);
    expect(data.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.$('[data-testid="flowx-overlay"]')).toBeNull();

    const check = await serverCheck(page);
    expect(check.outcome).toBe('verified');
    expect(check.body.result.FSselfie.output).toEqual({ match: true, score: 0.97 });
    const hs = app.store.list().at(-1);
    expect(hs?.verified).toBe(true);
    await page.close();
  });

  it('an error stage reaches onFlowxError with the documented data, localised in Hindi', async () => {
    const page = await openSample('flow=FLerror&lc=hi');
    expect(await handler(page, 'onFlowxError')).toEqual({
      code: 5001,
      httpStatusCode: 500,
      message: 'अनुरोध पूरा नहीं किया जा सका। बाद में कोशिश करें।',
      retry: false,
      stage: 'FSaadhaar',
      original: {
        code: 4035,
        httpStatusCode: 403,
        message: 'Requested service is not provisioned for your account',
      },
    });
    await page.close();
  });

  it('a skipped stage reaches onFlowxSkip with the stage id', async () => {
    const page = await openSample('flow=FLskip');
    expect(await handler(page, 'onFlowxSkip')).toEqual({ stage: 'FSselfie' });
    await page.close();
  });

  it("follows the tester's clicks: complete a stage, fail the next with a chosen code, then retry", async () => {
    const qr = encodeURIComponent(JSON.stringify({ pan: 'QWERT1234Y', nickname: 'not declared' }));
    const page = await openSample(`flow=FLmanual&retry=1&qr=${qr}`);
    await page.click('[data-testid="flowx-stage-FSpan"] [data-testid="flowx-complete"]');
    await page.waitForSelector('[data-testid="flowx-stage-FSselfie"] [data-testid="flowx-fail"]');
    await page.selectOption('[data-testid="flowx-fail-code"]', '4081');
    await page.click('[data-testid="flowx-fail"]');
    expect(await handler(page, 'onFlowxError')).toMatchObject({
      code: 4081,
      httpStatusCode: 408,
      stage: 'FSselfie',
    });

    // Retry: the stage that succeeded is not run again.
    await page.click('#verify');
    await page.waitForSelector('[data-testid="flowx-stage-FSselfie"] [data-testid="flowx-complete"]');
    expect(await page.getAttribute('[data-testid="flowx-stage-FSpan"]', 'data-status')).toBe('success');
    await page.click('[data-testid="flowx-stage-FSselfie"] [data-testid="flowx-complete"]');
    await handler(page, 'onFlowxSuccess');
    const check = await serverCheck(page);
    expect(check.outcome).toBe('verified');
    expect(check.body.result.FSpan.input).toEqual({ pan: 'QWERT1234Y' });
    await page.close();
  });

  it('closing the overlay skips the running stage', async () => {
    const page = await openSample('flow=FLmanual');
    await page.click('[data-testid="flowx-stage-FSpan"] [data-testid="flowx-complete"]');
    await page.waitForSelector('[data-testid="flowx-stage-FSselfie"] [data-testid="flowx-skip"]');
    await page.click('[data-testid="flowx-close"]');
    expect(await handler(page, 'onFlowxSkip')).toEqual({ stage: 'FSselfie' });
    await page.close();
  });

  it('the server rejects a result altered on its way, and a signature the browser did not get', async () => {
    const page = await openSample('flow=FLhappy', tamperingApp.url);
    const { signature } = await handler(page, 'onFlowxSuccess');
    const check = await serverCheck(page);
    expect(check.outcome).toBe('rejected');
    expect(check.body).toMatchObject({ verified: false, reason: 'hmac-mismatch' });
    await page.close();

    const honest = await openSample('flow=FLhappy');
    await handler(honest, 'onFlowxSuccess');
    await serverCheck(honest);
    const hs = app.store.list().at(-1);
    const forged = signature.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    const res = await fetch(`${app.url}/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hs: hs?.id, signature: forged }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ verified: false, reason: 'browser-signature-mismatch' });
    await honest.close();
  });
});
