import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { biometricScenario, clientFor, KEYS, submitStep } from './support/biometric.js';
import { CAMERA_DENIED, CAMERA_GRANTED, useChromium } from './support/browser.js';
import { admin, useSimulator } from './support/simulator.js';

const FINISHED = '/biometric/remote/finished';

/**
 * The real flow pages ask for the camera with getUserMedia. Chromium's fake media devices play
 * the phone: once with the permission granted, once refused.
 */
describe('Biometric.kz flow pages and the camera', () => {
  const sim = useSimulator({ scenario: biometricScenario() });
  const granted = useChromium(CAMERA_GRANTED);
  const denied = useChromium(CAMERA_DENIED);

  async function open(browser: Browser, apiKey: string, query: string) {
    const client = clientFor(sim(), apiKey);
    const { session_id } = await client.createSession();
    const page = await browser.newPage();
    await page.goto(`${sim().url}/biometric/remote/flow/${session_id}?${query}`);
    return { client, session_id, page };
  }

  it('films the user once the camera is allowed, and ends on an English /finished with its header', async () => {
    const { client, session_id, page } = await open(granted(), KEYS.ldF2f, 'locale=en');
    const start = page.getByRole('button', { name: 'Start' });
    await page.waitForSelector('body[data-camera="granted"]');
    expect(await start.isEnabled()).toBe(true);
    await page.waitForFunction(() => (document.querySelector('video')?.videoWidth ?? 0) > 0);
    expect(await page.locator('[data-camera-status]').textContent()).toBe('The camera is on.');
    await start.click();
    await page.waitForSelector('h1[data-technology="F2F"]');
    await page.waitForSelector('body[data-camera="granted"]');
    await page.getByRole('button', { name: 'Start' }).click();

    await page.waitForURL(`${sim().url}${FINISHED}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').getAttribute('data-outcome')).toBe('passed');
    expect(await page.locator('h1').textContent()).toBe('Verification finished');
    expect(await page.locator('header').count()).toBe(1);
    await page.close();
    expect(await client.getResult(session_id)).toMatchObject({ flow_session_result: true });
  });

  it('ends the flow with NO_CAM when the camera is refused, on a failed /finished in the flow’s language', async () => {
    const { client, session_id, page } = await open(denied(), KEYS.ldF2f, 'web_view=true&locale=kz');
    await page.waitForURL(`${sim().url}${FINISHED}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
    expect(await page.locator('h1').getAttribute('data-outcome')).toBe('failed');
    expect(await page.locator('h1').textContent()).toBe('Тексеруден өтпеді');
    expect(await page.locator('header').count()).toBe(0);
    await page.close();

    const result = await client.getResult(session_id);
    expect(result).toMatchObject({ status: 'FINISHED', flow_session_result: false });
    // The guide's NO_CAM has no detail; the session timeline says which error the page met.
    expect(result.flow_session_failure_reasons).toEqual([{ type: 'NO_CAM', detail: null, technology: 'LD' }]);
    // Which name the refusal has depends on the Chromium build (a system Chromium says
    // NotAllowedError, the headless one npm ci brings NotSupportedError): ask this very browser.
    const probe = await denied().newPage();
    await probe.goto(`${sim().url}${FINISHED}`);
    const refusal = await probe.evaluate(() =>
      navigator.mediaDevices.getUserMedia({ video: true }).then(
        () => 'granted',
        (error: Error) => error.name,
      ),
    );
    await probe.close();
    expect(refusal).toMatch(/^Not[A-Za-z]+Error$/);
    const { timeline } = await admin(sim(), 'GET', `/sessions/${session_id}`);
    expect(JSON.stringify(timeline)).toContain(`getUserMedia: ${refusal}`);
  });

  it('never asks on a flow whose scenario says camera: skip, so a browser without one goes on', async () => {
    const { client, session_id, page } = await open(denied(), KEYS.noCamera, 'locale=en');
    expect(await page.locator('video').count()).toBe(0);
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('h1[data-technology="ED"]');
    expect(await page.locator('body').getAttribute('data-camera')).toBeNull();
    await page.close();
    expect((await client.getResult(session_id)).request_sessions).toEqual([
      expect.objectContaining({ technology: 'LD', status: 'PASSED' }),
      expect.objectContaining({ technology: 'ED', status: 'STARTED', finished_at: null }),
    ]);
  });

  it('ignores a camera failure posted where no camera was asked for', async () => {
    const { session_id } = await clientFor(sim(), KEYS.noCamera).createSession();
    const posted = await submitStep(sim(), session_id, { technology: 'LD', action: 'camera' });
    expect(posted.location).toBe(`/biometric/remote/flow/${session_id}?locale=en`);
    expect((await clientFor(sim(), KEYS.noCamera).getResult(session_id)).status).toBe('PROGRESS');
  });

  it('shows /finished neutral, in every language, to a browser that did not walk a flow', async () => {
    const res = await fetch(`${sim().url}${FINISHED}`);
    const html = await res.text();
    expect(html).toContain('data-outcome="unknown"');
    expect(html).toContain('Verification finished');
    expect(html).toContain('Проверка завершена');
  });
});
