import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useChromium } from './support/browser.js';
import { admin, useSimulator } from './support/simulator.js';
import {
  type Any,
  DIGITAL_ID_SDK_ID,
  digitalIdentityClient,
  digitalIdScenario,
  shareSessionConfig,
} from './support/yoti-digital-id.js';
import { type LocalServer, listen } from './support/yoti-idv.js';

/**
 * A relying party's web page as Yoti's digital-identity example builds it (views/pages/share.ejs):
 * it loads the web share client, creates a web share whose sessionIdResolver asks the backend for
 * a new session and whose completionHandler asks the backend for the receipt. The backend uses
 * the unmodified SDK's DigitalIdentityClient. Only the script URL and the API URL point at kyc-sim.
 */
function sharePage(clientScript: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Share</title></head><body>
  <div id="yoti-share-button"></div>
  <pre id="receipt"></pre>
  <script src="${clientScript}"></script>
  <script>
    const sessionIdResolver = async () => (await fetch('/get-new-session-id')).text();
    const completionHandler = async (receiptId) => {
      const res = await fetch('/get-receipt?' + new URLSearchParams({ receiptId }));
      document.getElementById('receipt').textContent = await res.text();
    };
    const errorListener = (code) => { document.body.dataset.error = String(code); };
    (async () => {
      await Yoti.ready();
      await Yoti.createWebShare({
        name: 'share', domId: 'yoti-share-button', sdkId: '${DIGITAL_ID_SDK_ID}',
        hooks: { sessionIdResolver, completionHandler, errorListener },
      });
    })();
  </script></body></html>`;
}

describe('the web share client stand-in in Chromium', () => {
  const sim = useSimulator({ scenario: { name: 'boot' } });
  const chromium = useChromium();
  let backend: LocalServer;
  let resolverSessionId = () => Promise.resolve('');

  beforeAll(async () => {
    backend = await listen(async (request) => {
      const url = new URL(request.url);
      const client = await digitalIdentityClient(sim());
      if (url.pathname === '/')
        return new Response(sharePage(`${sim().url}/yoti/share/client/v2`), {
          headers: { 'content-type': 'text/html' },
        });
      if (url.pathname === '/get-new-session-id') return new Response(await resolverSessionId());
      if (url.pathname === '/get-receipt') {
        const receipt = await client.getShareReceipt(url.searchParams.get('receiptId'));
        const profile = receipt.getProfile();
        return Response.json({
          sessionId: receipt.getSessionId(),
          error: receipt.getError() ?? null,
          fullName: profile.getFullName()?.getValue() ?? null,
          email: profile.getEmailAddress()?.getValue() ?? null,
          rememberMeId: receipt.getRememberMeId() ?? null,
        });
      }
      return new Response('not found', { status: 404 });
    });
    resolverSessionId = async () => {
      const client = await digitalIdentityClient(sim());
      return (
        await client.createShareSession(
          shareSessionConfig((p: Any) => p.withFullName().withEmail().withWantedRememberMe()),
        )
      ).getId();
    };
  });
  afterAll(async () => {
    await backend?.close();
  });

  it('shows the QR code of the resolved session, plays the Yoti app, and hands the receipt id to completionHandler', async () => {
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario({ outcome: { type: 'manual' } }, 21));
    const page = await chromium().newPage();
    await page.goto(`${backend.url}/`);
    await page.click('.kyc-sim-yoti-button');
    const qr = page.locator('.kyc-sim-yoti-qr[data-qr-uri]');
    await qr.waitFor();
    expect(await qr.getAttribute('data-qr-uri')).toMatch(/^https:\/\/code\.yoti\.com\/qr\.v2\./);
    expect(await page.locator('.kyc-sim-yoti-qr svg').count()).toBe(1);
    await page.click('[data-action="scan"]');
    await page.locator('[data-status="IN_PROGRESS"]').waitFor();
    await page.click('[data-action="share"]');
    await page.locator('[data-status="COMPLETED"]').waitFor();
    await page.waitForFunction(() => document.getElementById('receipt')?.textContent);
    const receipt = JSON.parse((await page.textContent('#receipt')) ?? '');
    expect(receipt.error).toBeNull();
    expect(typeof receipt.fullName).toBe('string');
    expect(receipt.email).toMatch(/@/);
    expect(receipt.rememberMeId).toBeTruthy();

    const session = await (await digitalIdentityClient(sim())).getShareSession(receipt.sessionId);
    expect(session.getStatus()).toBe('COMPLETED');
    expect(session.getScannedQrCodeId()).toBe(
      (await qr.getAttribute('data-qr-uri'))?.replace('https://code.yoti.com/', ''),
    );
    await page.close();
  });

  it('hands a failure receipt over too, and a scripted share completes on its own', async () => {
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario({ outcome: { type: 'manual' } }, 22));
    const page = await chromium().newPage();
    await page.goto(`${backend.url}/`);
    await page.click('.kyc-sim-yoti-button');
    await page.locator('[data-action="fail"]:not([disabled])').click();
    await page.waitForFunction(() => document.getElementById('receipt')?.textContent);
    expect(JSON.parse((await page.textContent('#receipt')) ?? '').error).toBe(
      'MANDATORY_DOCUMENT_NOT_PROVIDED',
    );

    await admin(
      sim(),
      'PUT',
      '/scenario',
      await digitalIdScenario({ outcome: { type: 'share', afterMs: 200 } }, 23),
    );
    await page.evaluate(() => {
      const receipt = document.getElementById('receipt');
      if (receipt) receipt.textContent = '';
    });
    await page.click('[data-action="restart"]');
    await page.locator('[data-action="scan"]:not([disabled])').click();
    await page.waitForFunction(() => document.getElementById('receipt')?.textContent, undefined, {
      timeout: 10_000,
    });
    expect(JSON.parse((await page.textContent('#receipt')) ?? '').error).toBeNull();
    await page.close();
  });

  it('tells errorListener when the session is not the app’s', async () => {
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario({ outcome: { type: 'manual' } }, 24));
    const saved = resolverSessionId;
    resolverSessionId = async () => 'ss.v2.unknown';
    try {
      const page = await chromium().newPage();
      await page.goto(`${backend.url}/`);
      await page.click('.kyc-sim-yoti-button');
      await page.waitForFunction(() => document.body.dataset.error);
      expect(await page.evaluate(() => document.body.dataset.error)).toBe('404');
      await page.close();
    } finally {
      resolverSessionId = saved;
    }
  });
});
