import { describe, expect, it } from 'vitest';
import { biometricScenario, KEYS } from './support/biometric.js';
import { CAMERA_GRANTED, useChromium } from './support/browser.js';
import { useSimulator } from './support/simulator.js';

/**
 * The official iOS SDK (biometrickz/kyc-ios-v2.0), restated: NetworkManager POSTs
 * `{"api_key": …}` with `Content-Type: Application/json` and decodes `{session_id, technologies}`;
 * the view controller opens `<remote>/flow/<id>?web_view=true` and observes the WebView's URL,
 * dismissing as soon as its description contains "finished".
 */
describe('Biometric.kz flow as the iOS SDK drives it', () => {
  const sim = useSimulator({ scenario: biometricScenario() });
  const chromium = useChromium(CAMERA_GRANTED);

  it('creates the session with its capitalised content type and ends on the first URL with "finished"', async () => {
    const created = await fetch(`${sim().url}/biometric/kyc/api/v1/flows/session/create/`, {
      method: 'POST',
      headers: { 'Content-Type': 'Application/json', Accept: 'Application/json' },
      body: JSON.stringify({ api_key: KEYS.ldF2f }),
    });
    expect(created.status).toBe(200);
    const decoded = (await created.json()) as { session_id: unknown; technologies: unknown };
    expect(typeof decoded.session_id).toBe('string');
    expect(decoded.technologies).toEqual(['LD', 'F2F']);

    const page = await chromium().newPage();
    const seen: string[] = [];
    const dismissed = new Promise<void>((resolve) => {
      page.on('framenavigated', (frame) => {
        if (frame !== page.mainFrame()) return;
        seen.push(frame.url());
        if (`Optional(${frame.url()})`.includes('finished')) resolve();
      });
    });
    await page.goto(`${sim().url}/biometric/remote/flow/${decoded.session_id}?web_view=true`);
    for (const code of ['LD', 'F2F']) {
      await page.waitForSelector(`h1[data-technology="${code}"]`);
      await page.locator('form button[value="scenario"]').click();
    }
    await dismissed;
    await page.close();
    // Only the last page tells the SDK to dismiss: no step URL says "finished".
    expect(seen.filter((url) => url.includes('finished'))).toEqual([
      `${sim().url}/biometric/remote/finished`,
    ]);
    expect(seen.at(-1)).toBe(`${sim().url}/biometric/remote/finished`);
  });
});
