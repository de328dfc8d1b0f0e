import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttestrClient } from '../clients/attestr/client.js';
import { type RunningSampleApp, startSampleApp } from '../clients/attestr/sample-app.js';
import { APPS, ERRORS_SCENARIO } from './support/attestr.js';
import { screenshotPath } from './support/browser.js';
import { useBrowser } from './support/console.js';
import { useSimulator } from './support/simulator.js';

/**
 * A QA person fails the running Attestr FlowX stage from the console, with a code chosen in the
 * action's form, while the sample web page (flowx.js in the same chromium) waits on that stage.
 * The console knows nothing of Attestr: it draws whatever actions the session offers.
 */
const sim = useSimulator({ scenario: ERRORS_SCENARIO });
const browser = useBrowser();
let app: RunningSampleApp;

beforeAll(async () => {
  app = await startSampleApp({
    client: new AttestrClient({
      baseUrl: `${sim().url}/attestr`,
      authToken: APPS.ok.authToken,
      clientSecret: APPS.ok.secret,
    }),
    clientKey: APPS.ok.clientKey,
    flow: 'FLmanual',
    snapshot: null,
    flowxJsUrl: `${sim().url}/attestr/flowx.js`,
  });
});
afterAll(async () => {
  await app?.close();
});

/** The sample page's handler output once flowx.js has called one. */
async function handlerCalled(page: Page, name: string) {
  await page.waitForFunction((n) => document.getElementById('handler-name')?.textContent === n, name);
  return JSON.parse((await page.textContent('#handler-data')) ?? 'null');
}

describe('QA console, Attestr FlowX', () => {
  it('fails the running stage with a chosen code: the waiting page gets onFlowxError with it', async () => {
    const sample = await browser().context.newPage();
    await sample.goto(`${app.url}/?flow=FLmanual`);
    await sample.click('#verify');
    await sample.waitForSelector('[data-testid="flowx-stage-FSpan"] [data-testid="flowx-fail"]');
    const hs = app.store.list().at(-1)?.id as string;

    const { page } = browser();
    await page.goto(`${sim().url}/__admin/ui`);
    await page.selectOption('#session-provider', 'attestr');
    await page.locator(`#session-list tr[data-id="${hs}"]`).click();
    const fail = page.locator('form[data-action="fail-stage"]');
    await fail.locator('input[name=code]').fill('4081');
    await page.screenshot({ path: screenshotPath('console-attestr-actions.png') });
    await fail.locator('button').click();

    const error = await handlerCalled(sample, 'onFlowxError');
    expect(error).toMatchObject({ code: 4081, stage: 'FSpan' });
    await page.locator('#sd-timeline li', { hasText: '4081' }).first().waitFor();
    await page.screenshot({ path: screenshotPath('console-attestr-stage-error.png'), fullPage: true });
    await sample.screenshot({ path: screenshotPath('console-attestr-sample-page.png') });
    await sample.close();
  });

  it('disables the actions an ended handshake cannot take and says why; archive, meant for ended ones, stays', async () => {
    const sample = await browser().context.newPage();
    await sample.goto(`${app.url}/?flow=FLmanual`);
    await sample.click('#verify');
    await sample.waitForSelector('[data-testid="flowx-stage-FSpan"] [data-testid="flowx-skip"]');
    const hs = app.store.list().at(-1)?.id as string;
    await sample.click('[data-testid="flowx-stage-FSpan"] [data-testid="flowx-skip"]');
    expect(await handlerCalled(sample, 'onFlowxSkip')).toEqual({ stage: 'FSpan' });

    const { page } = browser();
    await page.goto('about:blank');
    await page.goto(`${sim().url}/__admin/ui#sessions/${hs}`);
    await page.locator('#sd-ended', { hasText: 'The session has ended (SKIPPED)' }).waitFor();
    await expect(page.locator('form[data-action="succeed-stage"] button').isDisabled()).resolves.toBe(true);
    await expect(page.locator('form[data-action="archive"] button').isEnabled()).resolves.toBe(true);
    // The engine refuses it anyway, with the reason, for whoever asks without the console.
    const refused = await fetch(`${sim().url}/__admin/sessions/${hs}/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'succeed-stage' }),
    });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatch(/has already ended \(SKIPPED\)/);
    await page.locator('form[data-action="archive"] button').click();
    await page.locator('#toast', { hasText: 'archive: the session is SKIPPED' }).waitFor();
    await sample.close();
  });
});
