import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BiometricClient } from '../clients/biometric/index.js';
import { biometricScenario, clientFor, KEYS, PNG_BASE64 } from './support/biometric.js';
import { CAMERA_GRANTED, useChromium } from './support/browser.js';
import { useSimulator } from './support/simulator.js';

/**
 * Chromium plays the app's WebView: it opens the flow URL from the reference client and, like
 * the doc's Flutter onPageStarted, watches every main-frame navigation for the finished URL.
 */
describe('Biometric.kz flow in a browser, as a WebView', () => {
  const sim = useSimulator({ scenario: biometricScenario() });
  const chromium = useChromium(CAMERA_GRANTED);

  /** Opens the flow and resolves with the finished URL once the WebView starts loading it. */
  async function openWebView(
    client: BiometricClient,
    sessionId: string,
  ): Promise<{ page: Page; finished: Promise<string> }> {
    const page = await chromium().newPage();
    const finished = new Promise<string>((resolve) => {
      page.on('request', (request) => {
        if (
          request.isNavigationRequest() &&
          request.frame() === page.mainFrame() &&
          client.isFinishedUrl(request.url())
        )
          resolve(request.url());
      });
    });
    await page.goto(client.flowUrl(sessionId, { webView: true, locale: 'en' }));
    return { page, finished };
  }

  it('completes Liveness, E-Document (locked IIN, OTP) and Face2Face, then reports success', async () => {
    const client = clientFor(sim(), KEYS.individuals);
    const { session_id } = await client.createSession({
      edocument: { iin: { value: '900101300123', changeable: false }, phone: { value: '+77011234567' } },
    });
    const { page, finished } = await openWebView(client, session_id);
    expect(await page.locator('body').getAttribute('data-ready')).toBe('true');
    await expect(page.locator('h1').textContent()).resolves.toBe('Liveness');
    await page.getByRole('button', { name: 'Start' }).click();

    await page.waitForSelector('h1[data-technology="ED"]');
    const iin = page.getByLabel('IIN');
    expect(await iin.inputValue()).toBe('900101300123');
    expect(await iin.isEditable()).toBe(false);
    const phone = page.getByLabel('Phone number');
    await phone.fill('');
    await phone.pressSequentially('+7 701 999-88-77');
    expect(await phone.inputValue()).toBe('+77019998877');
    await page.getByRole('button', { name: 'Get code' }).click();

    await page.getByLabel('SMS code').fill('000000');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForSelector('text=Wrong code, try again.');
    await page.getByLabel('SMS code').fill('123456');
    await page.getByRole('button', { name: 'Confirm' }).click();

    await page.waitForSelector('h1[data-technology="F2F"]');
    await page.getByRole('button', { name: 'Start' }).click();
    expect(await finished).toBe(client.finishedUrl);
    await page.close();

    const result = await client.getResult(session_id);
    expect(result).toMatchObject({ status: 'FINISHED', flow_session_result: true });
    expect(result.edocument_result).toMatchObject({ iin: '900101300123', phone: '+77019998877' });
  });

  it('fails Liveness by the tester’s choice and reports the chosen reason', async () => {
    const client = clientFor(sim(), KEYS.ldF2f);
    const { session_id } = await client.createSession({ face2face: { photo1: PNG_BASE64 } });
    const { page, finished } = await openWebView(client, session_id);
    await page.getByText('Simulator: choose the outcome').click();
    const reason = page.getByLabel('Failure reason');
    expect(await reason.isVisible()).toBe(false);
    await page.getByRole('combobox', { name: 'Simulator: choose the outcome' }).selectOption('fail');
    expect(await reason.isVisible()).toBe(true);
    await reason.selectOption('NO_CAM');
    await page.getByRole('button', { name: 'Apply' }).click();
    expect(client.isFinishedUrl(await finished)).toBe(true);
    await page.close();

    const result = await client.getResult(session_id);
    expect(result).toMatchObject({
      status: 'FINISHED',
      flow_session_result: false,
      flow_session_failure_reasons: [{ type: 'NO_CAM', technology: 'LD' }],
    });
  });

  it('fails Face2Face as the scenario says, after showing the metadata photo', async () => {
    const client = clientFor(sim(), KEYS.failing);
    const { session_id } = await client.createSession({ face2face: { photo1: PNG_BASE64 } });
    const { page, finished } = await openWebView(client, session_id);
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('h1[data-technology="F2F"]');
    const reference = page.locator('img[data-reference="metadata"]');
    expect(await reference.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    expect(await page.locator('details[data-tester] p').textContent()).toBe(
      'The scenario says: Fail (CALC_RESULT)',
    );
    await page.getByRole('button', { name: 'Start' }).click();
    await finished;
    await page.close();

    const result = await client.getResult(session_id);
    expect(result.flow_session_result).toBe(false);
    expect(result.flow_session_failure_reasons).toEqual([
      { type: 'CALC_RESULT', detail: 'Faces do not match', technology: 'F2F' },
    ]);

    const reopened = await chromium().newPage();
    const response = await reopened.goto(client.flowUrl(session_id, { locale: 'en' }));
    expect(response?.status()).toBe(410);
    expect(await reopened.locator('h1').textContent()).toBe('This session has already been used');
    await reopened.close();
  });
});
