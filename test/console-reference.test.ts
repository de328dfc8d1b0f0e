import { describe, expect, it } from 'vitest';
import { screenshotPath, useChromium } from './support/browser.js';
import { useSimulator } from './support/simulator.js';

/** The API reference page, drawn from the served documents in a real Chromium, with no network beyond kyc-sim. */
const sim = useSimulator();
const chromium = useChromium();

async function openReference(hash: string, width = 1366) {
  const context = await chromium().newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(sim().url)) outside.push(request.url());
  });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${sim().url}/__admin/ui/reference${hash}`);
  await page.locator('.operation, .schema-root').first().waitFor();
  return { page, outside, problems, close: () => context.close() };
}

describe('API reference page', () => {
  it('lists every document and draws an operation with its parameters, body schema and responses', async () => {
    const { page, outside, problems, close } = await openReference('#openapi/biometric');
    const nav = await page.locator('#reference-documents a').allTextContents();
    expect(nav).toEqual([
      'Admin API OpenAPI',
      'yoti OpenAPI',
      'attestr OpenAPI',
      'biometric OpenAPI',
      'yoti websocket · AsyncAPI',
    ]);
    const create = page.locator('.operation', { hasText: '/kyc/api/v1/flows/session/create/' });
    await create.locator('summary').click();
    await expect(create.locator('.schema li').first().textContent()).resolves.toMatch(/^api_key\*\s+string/);
    await expect(create.locator('.response .status').allTextContents()).resolves.toEqual([
      '200',
      '400',
      '403',
      '404',
    ]);
    await page.screenshot({ path: screenshotPath('console-api-reference.png'), fullPage: false });
    // The filter narrows the list to what matches every word.
    await page.fill('input[type=search]', 'get result');
    await expect(page.locator('.operation:not([hidden])').count()).resolves.toBe(1);
    await expect(page.locator('.op-group:not([hidden])').count()).resolves.toBe(1);
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('draws the Yoti websocket: its address, what kyc-sim sends and what clients send', async () => {
    const { page, problems, close } = await openReference('#asyncapi/yoti');
    await expect(page.locator('.op-group .path').textContent()).resolves.toBe(
      '/yoti/api/v1.1/connect-sessions/{sessionData}',
    );
    const messages = await page.locator('.operation.open > p').allTextContents();
    expect(messages[0]).toMatch(/^kyc-sim sends status:/);
    expect(messages[1]).toMatch(/^client sends subscription:/);
    await expect(page.locator('.operation.open').first().textContent()).resolves.toContain('"ACCEPTED"');
    expect(problems).toEqual([]);
    await close();
  });

  it('fits a 390 px phone screen without sideways scrolling', async () => {
    const { page, close } = await openReference('#openapi/yoti', 390);
    await page.locator('.operation summary').first().click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await close();
  });
});
