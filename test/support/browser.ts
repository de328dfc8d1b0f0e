import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type LaunchOptions } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { packageRoot } from '../../simulator/paths.js';

/**
 * Chromium driven by playwright-core, headless, with every background connection off (this
 * machine's closed network refuses them) and a fresh profile per launch. Which Chromium: CHROMIUM_PATH,
 * else a system one (/usr/bin/chromium, ...), else the one @sparticuz/chromium brings with `npm ci`
 * — chosen once per run by chromium-setup.ts (vitest's globalSetup).
 */
export const chromiumChoice = () => inject('chromium');

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium's fake camera, and its permission answered yes without a prompt. */
export const CAMERA_GRANTED = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
/** A fake camera is there, but every permission prompt is answered no. */
export const CAMERA_DENIED = ['--use-fake-device-for-media-stream', '--deny-permission-prompts'];

export const chromiumOptions = (): LaunchOptions => {
  const { executablePath, env } = chromiumChoice();
  return { executablePath, args: CHROMIUM_ARGS, ...(env && { env: { ...process.env, ...env } }) };
};

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const options = chromiumOptions();
  return chromium.launch({ ...options, args: [...(options.args ?? []), ...extraArgs] });
}

/** One Chromium for the file's tests (each `newPage()` is its own context), closed afterwards. */
export function useChromium(extraArgs: string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium(extraArgs);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium not launched yet');
    return browser;
  };
}

/**
 * Where a test's screenshot goes: docs/images/ for the README when KYC_SIM_SCREENSHOTS=1
 * (`npm run screenshots`), else a temporary folder, so `npm test` leaves the tree clean.
 */
const screenshotsDir =
  process.env.KYC_SIM_SCREENSHOTS === '1'
    ? join(packageRoot, 'docs', 'images')
    : mkdtempSync(join(tmpdir(), 'kyc-sim-screenshots-'));

export const screenshotPath = (name: string) => join(screenshotsDir, name);
