import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { CHROMIUM_ARGS } from './support/browser.js';
import { bundledChromium } from './support/find-chromium.js';
import { useSimulator } from './support/simulator.js';

// The Chromium `npm ci` brings, used when a machine has no system one: it must start here and
// render the console. (KYC_SIM_BUNDLED_CHROMIUM=1 runs every browser test with it.)
const sim = useSimulator();

it('launches the Chromium bundled by @sparticuz/chromium and renders the QA console', async () => {
  const { executablePath, env } = await bundledChromium();
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
    env: { ...process.env, ...env },
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${sim().url}/__admin/ui`);
    await expect(page.title()).resolves.toMatch(/kyc-sim/);
    expect(browser.version()).toMatch(/^\d+\./);
  } finally {
    await browser.close();
  }
}, 60_000);
