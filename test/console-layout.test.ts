import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath, useChromium } from './support/browser.js';
import { consoleScenario, startKiosk } from './support/console.js';
import { admin, useSimulator } from './support/simulator.js';

/**
 * The console as a QA person sees it on a phone (390 px), a small laptop (1024 px) and a desktop
 * (1366 px), on the manual clock, with a share that has ended: real Chromium, real kiosk client.
 */
const sim = useSimulator({ scenario: consoleScenario, clock: 'manual' });
const chromium = useChromium();

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** A share the kiosk watched, timed out from the admin API after a few moments of real time. */
async function endedShare(): Promise<string> {
  await admin(sim(), 'POST', '/reset');
  const kiosk = await startKiosk(sim());
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  await admin(sim(), 'POST', `/sessions/${encodeURIComponent(kiosk.sessionData)}/actions`, {
    action: 'time-out',
  });
  expect((await kiosk.outcome).kind).toBe('timed-out');
  return kiosk.sessionData;
}

async function openSession(width: number, id: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await chromium().newContext({ viewport: { width, height: 860 } });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  await page.goto(`${sim().url}/__admin/ui#sessions/${encodeURIComponent(id)}`);
  await page.locator('#live.on').waitFor();
  await page.locator('#sd-head [data-state="TIMED_OUT"]').waitFor();
  await page.locator('#sd-actions form.action').first().waitFor();
  return { page, close: () => context.close() };
}

const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('QA console layout and session view', () => {
  it('disables the actions of an ended session and says why', async () => {
    const id = await endedShare();
    const { page, close } = await openSession(1366, id);
    const buttons = page.locator('#sd-actions form.action button[type=submit]');
    await expect(buttons.count()).resolves.toBeGreaterThan(0);
    for (const button of await buttons.all()) await expect(button.isDisabled()).resolves.toBe(true);
    await expect(page.locator('#sd-ended').textContent()).resolves.toBe(
      'The session has ended (TIMED_OUT): its actions no longer apply.',
    );
    await close();
  });

  it('disables the actions as soon as an open session ends', async () => {
    await admin(sim(), 'POST', '/reset');
    const kiosk = await startKiosk(sim());
    const context = await chromium().newContext({ viewport: { width: 1366, height: 860 } });
    const page = await context.newPage();
    page.setDefaultTimeout(8_000);
    await page.goto(`${sim().url}/__admin/ui#sessions/${encodeURIComponent(kiosk.sessionData)}`);
    await page.locator('#sd-actions form.action').first().waitFor();
    await expect(page.locator('#sd-actions form[data-action=fail] button').isEnabled()).resolves.toBe(true);
    await page.click('#sd-actions form[data-action=fail] button');
    expect((await kiosk.outcome).kind).toBe('failed');
    await page.locator('#sd-ended:not([hidden])').waitFor();
    await expect(page.locator('#sd-actions form[data-action=fail] button').isDisabled()).resolves.toBe(true);
    await context.close();
  });

  it('orders the timeline as things happened and shows real time while the manual clock stands still', async () => {
    const id = await endedShare();
    const { page, close } = await openSession(1366, id);
    const lines = await page.locator('#sd-timeline li').allTextContents();
    const first = (text: string) => lines.findIndex((line) => line.includes(text));
    // The QR code is asked for, its ref looked up, the socket opened and told ACCEPTED; then the
    // admin action times the share out and the socket says so.
    const order = ['qr-created', '/qrcodes/refs/', 'ws-open', '"ACCEPTED"', 'TIMED_OUT', '"TIMED_OUT"'].map(
      first,
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Every simulated time is the same instant; the real times under them move on.
    const simulated = new Set(
      await page.locator('#sd-timeline time').evaluateAll((ts) => ts.map((t) => t.firstChild?.textContent)),
    );
    expect(simulated.size).toBe(1);
    const real = await page.locator('#sd-timeline .real-time').allTextContents();
    expect(real.length).toBe(lines.length);
    expect(new Set(real).size).toBeGreaterThan(1);
    await close();
  });

  for (const width of [390, 1024, 1366]) {
    it(`fits ${width} px: nothing cut off or sideways, the toast clear of the timeline`, async () => {
      const id = await endedShare();
      const { page, close } = await openSession(width, id);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      const list = (await page.locator('#tab-sessions .pane.list').boundingBox()) as Box;
      const detail = (await page.locator('#session-detail').boundingBox()) as Box;
      if (width < 800)
        expect(detail.y).toBeGreaterThanOrEqual(list.y + list.height); // stacked
      else expect(detail.x).toBeGreaterThanOrEqual(list.x + list.width); // side by side
      // Every column of the session list is inside its pane, and the state badge has its colour.
      for (const th of await page.locator('#session-list th').all()) {
        const box = (await th.boundingBox()) as Box;
        expect(box.x + box.width).toBeLessThanOrEqual(list.x + list.width);
      }
      await expect(page.locator('#sd-head .badge').getAttribute('data-tone')).resolves.toBe('bad');
      // A toast (here: the clock advanced) stays clear of the timeline.
      await page.locator('#sd-timeline').scrollIntoViewIfNeeded();
      await page.fill('#clock-advance [name=amount]', '1');
      await page.click('#clock-advance button[type=submit]');
      const toast = (await page.locator('#toast:not([hidden])').boundingBox()) as Box;
      const timeline = (await page.locator('#sd-timeline').boundingBox()) as Box;
      expect(overlap(toast, timeline)).toBe(false);
      await page.screenshot({ path: screenshotPath(`console-${width}.png`), fullPage: true });

      // The journal: on a wide screen every column shows; on a narrow one the table scrolls in its box.
      await page.goto(`${sim().url}/__admin/ui#journal`);
      await page.locator('#journal-list tbody tr').first().waitFor();
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      const table = page.locator('#journal-list');
      if (width < 800) {
        const scrolls = await table.evaluate(
          (t) => t.scrollWidth > t.clientWidth && getComputedStyle(t).overflowX === 'auto',
        );
        expect(scrolls).toBe(true);
      } else {
        for (const th of await page.locator('#journal-list th').all()) {
          const box = (await th.boundingBox()) as Box;
          expect(box.x + box.width).toBeLessThanOrEqual(width);
        }
      }
      await close();
    });
  }
});
