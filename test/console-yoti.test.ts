import { beforeEach, describe, expect, it } from 'vitest';
import { screenshotPath } from './support/browser.js';
import { consoleScenario, startKiosk, useBrowser } from './support/console.js';
import { admin, useSimulator } from './support/simulator.js';

/**
 * A QA person in the console reproduces Yoti share outcomes while the reference kiosk client
 * waits on its websocket; each test checks what the kiosk heard and takes the README's screenshots.
 */
const sim = useSimulator({ scenario: consoleScenario });
const browser = useBrowser();

async function openConsole(hash = '') {
  const { page } = browser();
  await page.goto('about:blank'); // the same URL with a #hash again would not reload the page
  await page.goto(`${sim().url}/__admin/ui${hash}`);
  await page.locator('#live.on').waitFor();
  return page;
}

beforeEach(async () => {
  await admin(sim(), 'POST', '/reset');
  await admin(sim(), 'PUT', '/clock', { mode: 'real' });
});

describe('QA console, Yoti share', () => {
  it('reproduces TIMED_OUT with the clock control: the waiting kiosk hears it', async () => {
    const page = await openConsole();
    const kiosk = await startKiosk(sim());

    // The new session shows up without a reload; open it.
    const row = page.locator(`#session-list tr[data-id="${kiosk.sessionData}"]`);
    await row.locator('[data-state="CONNECTED"]').waitFor();
    await row.click();
    await page.locator('#sd-head [data-state="CONNECTED"]').waitFor();

    await page.click('#clock-toggle');
    await page.locator('#clock-mode', { hasText: 'manual' }).waitFor();
    await page.fill('#clock-advance [name=amount]', '2');
    await page.selectOption('#clock-advance [name=unit]', '60000');
    await page.click('#clock-advance button[type=submit]');

    const heard = await kiosk.outcome;
    expect(heard.kind).toBe('timed-out');
    await page.locator('#sd-head [data-state="TIMED_OUT"]').waitFor();
    await page.locator('#sd-timeline li.wsout', { hasText: '"status":"TIMED_OUT"' }).waitFor();
    await expect(page.locator('#clock-timers').textContent()).resolves.toBe('no timers');
    await page.screenshot({ path: screenshotPath('console-timed-out.png'), fullPage: true });
  });

  it('declines a share in the virtual Yoti app: the waiting kiosk hears FAILED', async () => {
    const kiosk = await startKiosk(sim());
    const page = await openConsole('#yoti-app');

    await page.fill('#yoti-url', kiosk.qrUrl);
    await page.click('#yoti-scan');
    await expect(page.locator('#yoti-app-name').textContent()).resolves.toBe('Acme Age Check');
    const asked = await page
      .locator('#yoti-attributes li')
      .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.attribute));
    expect(asked).toEqual(['given_names', 'family_name', 'age_over:18']);
    await page.screenshot({ path: screenshotPath('console-yoti-app.png') });

    await page.click('#yoti-decline');
    const heard = await kiosk.outcome;
    expect(heard.kind).toBe('failed');
    await page.locator('#yoti-frame', { hasText: '"status":"FAILED"' }).waitFor();
    await expect(page.locator('#yoti-share').isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: screenshotPath('console-yoti-declined.png') });

    // The phone looked the ref up the way the real app does: the journal has its request.
    const { requests } = await admin(
      sim(),
      'GET',
      `/requests?sessionId=${kiosk.sessionData}&path=/qrcodes/refs/`,
    );
    expect(
      requests.map((r: { requestHeaders: Record<string, string> }) => r.requestHeaders['user-agent']),
    ).toContain('kyc-sim virtual Yoti app');
  });

  it('shares a pending session picked from the list: the kiosk gets a token', async () => {
    const kiosk = await startKiosk(sim());
    const page = await openConsole('#yoti-app');
    const option = page.locator(`#yoti-pending option[value="${kiosk.sessionData}"]`);
    await option.waitFor({ state: 'attached' });
    await page.selectOption('#yoti-pending', kiosk.sessionData);
    await page.locator('#yoti-attributes li').first().waitFor();
    await page.click('#yoti-share');

    const heard = await kiosk.outcome;
    expect(heard).toMatchObject({ kind: 'completed', token: expect.any(String) });
    await page.locator('#yoti-frame', { hasText: '"status":"COMPLETED"' }).waitFor();
  });

  it('runs a session action with parameters from the generated form', async () => {
    const kiosk = await startKiosk(sim());
    const page = await openConsole(`#sessions/${encodeURIComponent(kiosk.sessionData)}`);
    const complete = page.locator('form[data-action="complete"]');
    await complete.locator('textarea[name=profile]').fill('{"given_names": "Ada"}');
    await complete.locator('button').click();

    expect((await kiosk.outcome).kind).toBe('completed');
    await page.locator('#sd-head [data-state="COMPLETED"]').waitFor();
    const session = await admin(sim(), 'GET', `/sessions/${kiosk.sessionData}`);
    expect(session.data.profile).toEqual({ given_names: 'Ada' });
  });

  it('reports bad action parameters instead of sending them', async () => {
    const kiosk = await startKiosk(sim());
    const page = await openConsole(`#sessions/${encodeURIComponent(kiosk.sessionData)}`);
    const complete = page.locator('form[data-action="complete"]');
    await complete.locator('textarea[name=profile]').fill('{not json');
    await complete.locator('button').click();
    await page.locator('#toast.bad', { hasText: 'profile is not JSON' }).waitFor();
    const session = await admin(sim(), 'GET', `/sessions/${kiosk.sessionData}`);
    expect(session.state).toBe('CONNECTED');
  });

  it('tells what is wrong with a URL that is not a Yoti QR code', async () => {
    const page = await openConsole('#yoti-app');
    await page.fill('#yoti-url', 'https://code.yoti.com/not-a-qr-payload');
    await page.click('#yoti-scan');
    await page.locator('#yoti-error .error', { hasText: 'QrCodeMsg' }).waitFor();
  });
});
