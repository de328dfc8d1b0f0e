import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  androidExtractSession,
  androidGetSession,
  androidOutcome,
  androidStartUrl,
} from './support/android-legacy-sdk.js';
import { biometricScenario, clientFor, KEYS } from './support/biometric.js';
import { CAMERA_GRANTED, useChromium } from './support/browser.js';
import { useSimulator } from './support/simulator.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Biometric.kz legacy flow of the Android SDK over HTTP', () => {
  const sim = useSimulator({ scenario: biometricScenario(), clock: 'manual' });
  const legacy = () => `${sim().url}/biometric/test`;

  it('/short starts a session of the flow and sends the WebView to its own page', async () => {
    const res = await fetch(androidStartUrl(legacy(), KEYS.ldF2f), { redirect: 'manual' });
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    const id = /\/biometric\/test\/flow\/([^?]+)\?webview=true&locale=ru$/.exec(location)?.[1] ?? '';
    expect(id).toMatch(UUID);
    const page = await fetch(`${sim().url}${location}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-technology="LD"');
    expect(html).toContain(`action="/biometric/test/flow/${id}/step"`);
    expect(html).not.toContain('<header>');
    // The same session is on the result API of kyc.biometric.kz.
    expect(await clientFor(sim(), KEYS.ldF2f).getResult(id)).toMatchObject({ id, status: 'PROGRESS' });
  });

  it('serves the fork’s /demo/short too, and refuses unknown and inactive flows with a page', async () => {
    const demo = await fetch(`${legacy()}/demo/short?api_key=${KEYS.ldF2f}&webview=true`, {
      redirect: 'manual',
    });
    expect(demo.status).toBe(303);
    const unknown = await fetch(androidStartUrl(legacy(), 'nope'));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('data-error="flowNotFound"');
    const inactive = await fetch(androidStartUrl(legacy(), KEYS.inactive));
    expect(inactive.status).toBe(403);
  });

  it('answers /v1/main/session/<id>/ with compact JSON whose "result" is null until the end', async () => {
    const start = await fetch(androidStartUrl(legacy(), KEYS.ldF2f), { redirect: 'manual' });
    const id = /flow\/([^?]+)/.exec(start.headers.get('location') ?? '')?.[1] ?? '';
    const during = await androidGetSession(legacy(), id);
    expect(during.success).toBe(true);
    expect(during.text).toContain('"result":null');
    expect(JSON.parse(during.text)).toMatchObject({ id, status: 'PROGRESS', result: null });
    const unknown = await androidGetSession(legacy(), '00000000-0000-4000-8000-000000000000', false);
    expect(unknown).toMatchObject({ success: false, status: 404 });
    expect(JSON.parse(unknown.text)).toEqual({ detail: 'Not found.' });
  });
});

/**
 * Chromium plays the SDK's WebView: it loads BASE_URL + `api_key=…&webview=true` and, like its
 * onProgressChanged, looks at every URL the main frame reaches for test-ok / test-fail.
 */
describe('Biometric.kz legacy flow in a browser, as the Android SDK drives it', () => {
  const sim = useSimulator({ scenario: biometricScenario() });
  const legacy = () => `${sim().url}/biometric/test`;
  const chromium = useChromium(CAMERA_GRANTED);

  async function openDialog(apiKey: string): Promise<{ page: Page; ended: Promise<string> }> {
    const page = await chromium().newPage();
    const ended = new Promise<string>((resolve) => {
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame() && androidOutcome(frame.url())) resolve(frame.url());
      });
    });
    await page.goto(androidStartUrl(legacy(), apiKey));
    return { page, ended };
  }

  it('passes both steps, lands on test-ok and hands the app the session with "result":true', async () => {
    const { page, ended } = await openDialog(KEYS.ldF2f);
    await page.waitForSelector('h1[data-technology="LD"]');
    await page.locator('form button[value="scenario"]').click();
    await page.waitForSelector('h1[data-technology="F2F"]');
    await page.locator('form button[value="scenario"]').click();
    const url = await ended;
    expect(androidOutcome(url)).toBe('ok');
    const session = androidExtractSession(url);
    expect(session).toMatch(UUID);
    expect(new URL(url).searchParams.get('session')).toBe(session);
    await page.close();

    const official = await androidGetSession(legacy(), session);
    expect(official.success).toBe(true);
    expect(official.passedOn).toContain('"result":true');
    expect(official.passedOn).not.toContain('"result":false');
    const fork = await androidGetSession(legacy(), session, false);
    expect(fork.text).toBe(official.text);
    expect(await clientFor(sim(), KEYS.ldF2f).getResult(session)).toMatchObject({
      status: 'FINISHED',
      flow_session_result: true,
    });
  });

  it('lands on test-fail when a step fails, and the session says "result":false', async () => {
    const { page, ended } = await openDialog(KEYS.failing);
    await page.locator('form button[value="scenario"]').click();
    await page.waitForSelector('h1[data-technology="F2F"]');
    await page.locator('form button[value="scenario"]').click();
    const url = await ended;
    expect(androidOutcome(url)).toBe('fail');
    expect(await page.locator('h1').getAttribute('data-outcome')).toBe('fail');
    await page.close();
    const session = await androidGetSession(legacy(), androidExtractSession(url));
    expect(session.passedOn).toContain('"result":false');
    expect(JSON.parse(session.text)).toMatchObject({
      status: 'FINISHED',
      result: false,
      failure_reasons: [{ type: 'CALC_RESULT', technology: 'F2F' }],
    });
  });
});
