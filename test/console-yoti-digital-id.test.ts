import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowser } from './support/console.js';
import { admin, useSimulator } from './support/simulator.js';
import {
  type Any,
  digitalIdentityClient,
  digitalIdScenario,
  shareSessionConfig,
} from './support/yoti-digital-id.js';

/**
 * A QA person plays the phone for a Digital ID (share v2) integration: the relying party's backend
 * made a share session and a QR code with the unmodified SDK; the console's virtual Yoti app reads
 * the QR code, shows what is asked, and shares or declines. The backend then reads the outcome
 * through the SDK as it would in production.
 */
const sim = useSimulator({ scenario: { name: 'boot' } });
const browser = useBrowser();

async function newShare(build?: (policy: Any) => Any) {
  const client = await digitalIdentityClient(sim());
  const { id } = await client.createShareSession(shareSessionConfig(build));
  const qr = await client.createShareQrCode(id);
  return { client, id: id as string, uri: qr.getUri() as string };
}

async function scanInConsole(uri: string) {
  const { page } = browser();
  await page.goto('about:blank');
  await page.goto(`${sim().url}/__admin/ui#yoti-app`);
  await page.locator('#live.on').waitFor();
  await page.fill('#yoti-url', uri);
  await page.click('#yoti-scan');
  await page.locator('#yoti-attributes li').first().waitFor();
  return page;
}

describe('the virtual Yoti app reads Digital ID QR codes', () => {
  beforeAll(async () => {
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario({ outcome: { type: 'manual' } }, 31));
  });

  it('scans: the session is IN_PROGRESS with that QR code; Share completes it with a receipt', async () => {
    const share = await newShare((p: Any) => p.withGivenNames().withEmail());
    const page = await scanInConsole(share.uri);
    await expect(page.locator('#yoti-app-name').textContent()).resolves.toBe('Digital ID Test App');
    const asked = await page
      .locator('#yoti-attributes li')
      .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.attribute));
    expect(asked).toEqual(['given_names', 'email_address']);

    const scanned = await share.client.getShareSession(share.id);
    expect(scanned.getStatus()).toBe('IN_PROGRESS');
    expect(share.uri.endsWith(scanned.getScannedQrCodeId())).toBe(true);

    await page.click('#yoti-share');
    await page.locator('#yoti-phone [data-state="COMPLETED"]').waitFor();
    await expect(page.locator('#yoti-decline').isDisabled()).resolves.toBe(true);
    const done = await share.client.getShareSession(share.id);
    expect(done.getStatus()).toBe('COMPLETED');
    const receipt = await share.client.getShareReceipt(done.getReceiptId());
    expect(receipt.getError()).toBeUndefined();
    expect(receipt.getProfile().getGivenNames().getValue()).toEqual(expect.any(String));
    expect(receipt.getProfile().getEmailAddress().getValue()).toMatch(/@/);
  });

  it('declines a session picked from the pending list: CANCELLED', async () => {
    const share = await newShare();
    const { page } = browser();
    await page.goto('about:blank');
    await page.goto(`${sim().url}/__admin/ui#yoti-app`);
    await page.locator('#live.on').waitFor();
    await page.locator(`#yoti-pending option[value="${share.id}"]`).waitFor({ state: 'attached' });
    await page.selectOption('#yoti-pending', share.id);
    await page.locator('#yoti-attributes li').first().waitFor();
    await page.click('#yoti-decline');
    await page.locator('#yoti-phone [data-state="CANCELLED"]').waitFor();
    expect((await share.client.getShareSession(share.id)).getStatus()).toBe('CANCELLED');
  });

  it('is linked from the Digital ID session view, and says when a QR code is unknown', async () => {
    const share = await newShare();
    const { page } = browser();
    await page.goto('about:blank');
    await page.goto(`${sim().url}/__admin/ui#sessions/${encodeURIComponent(share.id)}`);
    await page.locator('a', { hasText: 'Open in the virtual Yoti app' }).click();
    await page.locator('#yoti-attributes li').first().waitFor();
    expect((await share.client.getShareSession(share.id)).getStatus()).toBe('IN_PROGRESS');

    await page.fill('#yoti-url', 'https://code.yoti.com/qr.v2.unknownQrCodeId');
    await page.click('#yoti-scan');
    await page
      .locator('#yoti-error .error', { hasText: 'no Digital ID share session has the QR code' })
      .waitFor();
  });
});
