import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { requestQrCode, resolveRef, watchSession } from '../../clients/yoti-share/index.js';
import type { RunningSimulator } from '../../simulator/server.js';
import { chromiumOptions } from './browser.js';

/** Shared by the console's browser tests: Debian's chromium, the demo Yoti app, a waiting kiosk. */
export const SDK_ID = 'c0n501e0-9a1b-4c2d-8e3f-000000000001';
export const MANUAL_SHARE = 'manual-share';

/** A Yoti app whose share waits for the QA person (outcome `manual`) for two minutes at most. */
export const consoleScenario = {
  name: 'console demo',
  description: 'One Yoti app whose shares wait for the QA person',
  seed: 11,
  yoti: {
    apps: [
      {
        sdkId: SDK_ID,
        name: 'Acme Age Check',
        receiptBgColor: '#1f6f5c',
        scenarios: [
          {
            id: MANUAL_SHARE,
            outcome: { type: 'manual' },
            lifetimeMs: 120_000,
            policy: {
              wanted: [
                { name: 'given_names' },
                { name: 'family_name' },
                { name: 'date_of_birth', derivation: 'age_over:18' },
              ],
            },
          },
        ],
      },
    ],
  },
};

export interface ConsoleBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/** One chromium for the file (fresh profile), one page per test file, 1280×800 for screenshots. */
export function useBrowser(): () => ConsoleBrowser {
  let state: (ConsoleBrowser & { profile: string }) | undefined;
  beforeAll(async () => {
    const profile = await mkdtemp(join(tmpdir(), 'kyc-sim-console-'));
    const context = await chromium.launchPersistentContext(profile, {
      ...chromiumOptions(),
      viewport: { width: 1280, height: 800 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    // Fail on the step that did not happen, well before the test's own timeout.
    page.setDefaultTimeout(8_000);
    page.on('pageerror', (error) => console.error('console page error:', error));
    state = { browser: context.browser() as Browser, context, page, profile };
  });
  afterAll(async () => {
    await state?.context.close();
    if (state) await rm(state.profile, { recursive: true, force: true });
  });
  return () => {
    if (!state) throw new Error('browser not started yet');
    return state;
  };
}

export interface WaitingKiosk {
  qrUrl: string;
  sessionData: string;
  /** Resolves with the final websocket message the kiosk heard (kind: completed, failed, timed-out…). */
  outcome: ReturnType<typeof watchSession>;
  /** Resolves once the kiosk heard ACCEPTED: it is waiting for the user. */
  accepted: Promise<void>;
}

/** The reference kiosk client's steps: QR code, ref metadata, then the websocket, waiting. */
export async function startKiosk(sim: RunningSimulator, scenarioId = MANUAL_SHARE): Promise<WaitingKiosk> {
  const base = `${sim.url}/yoti`;
  const limits = { timeoutMs: 5_000, retry: { retries: 0, backoffMs: 0 } };
  const qr = await requestQrCode(base, SDK_ID, scenarioId, limits);
  const metadata = await resolveRef(base, qr.refId, limits);
  let onAccepted: () => void = () => {};
  const accepted = new Promise<void>((resolve) => {
    onAccepted = resolve;
  });
  const outcome = watchSession(base, metadata.sessionData, {
    connectTimeoutMs: 5_000,
    outcomeTimeoutMs: 60_000,
    onMessage: (m) => m.kind === 'accepted' && onAccepted(),
  });
  outcome.catch(() => {}); // a test that fails early must not leave an unhandled rejection behind
  await accepted;
  return { qrUrl: qr.url, sessionData: metadata.sessionData, outcome, accepted };
}
