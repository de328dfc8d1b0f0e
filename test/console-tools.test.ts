import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { screenshotPath } from './support/browser.js';
import { consoleScenario, SDK_ID, startKiosk, useBrowser } from './support/console.js';
import { admin, useSimulator } from './support/simulator.js';

/** The console's scenario loader, request journal and clock, as a QA person uses them. */
const sim = useSimulator({ scenario: consoleScenario });
const browser = useBrowser();
const run = promisify(execFile);

async function openConsole(hash: string) {
  const { page } = browser();
  await page.goto('about:blank');
  await page.goto(`${sim().url}/__admin/ui${hash}`);
  await page.locator('#live.on').waitFor();
  return page;
}

beforeEach(async () => {
  await admin(sim(), 'PUT', '/clock', { mode: 'real' });
});

const BROKEN = `name: broken
yoti:
  apps:
    - sdkId: ${SDK_ID}
      scenarios:
        - id: quick
          lifetimeMs: -5
`;

describe('QA console tools', () => {
  it('shows where a pasted scenario is wrong, and changes nothing', async () => {
    const page = await openConsole('#scenario');
    await page.fill('#scenario-text', BROKEN);
    await page.click('#scenario-load');
    const box = page.locator('#scenario-result .error-box');
    await expect(box.locator('[data-field=path]').textContent()).resolves.toBe(
      'yoti.apps[0].scenarios[0].lifetimeMs',
    );
    await expect(box.locator('[data-field=reason]').textContent()).resolves.toMatch(/too small|>0/i);
    await expect(page.locator('#scenario-name').textContent()).resolves.toBe('console demo');
    await page.screenshot({ path: screenshotPath('console-scenario-error.png') });
    expect((await admin(sim(), 'GET', '/scenario')).scenario.name).toBe('console demo');
  });

  it('loads a scenario from a file', async () => {
    const page = await openConsole('#scenario');
    const fixed = BROKEN.replace('name: broken', 'name: from-a-file').replace('-5', '1000');
    await page.setInputFiles('#scenario-file', {
      name: 'quick.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(fixed),
    });
    await expect.poll(() => page.locator('#scenario-text').inputValue()).toBe(fixed);
    await page.click('#scenario-load');
    await page.locator('#scenario-name', { hasText: 'from-a-file' }).waitFor();
    const loaded = await admin(sim(), 'GET', '/scenario');
    expect(loaded.scenario.yoti.apps[0].scenarios[0]).toMatchObject({ id: 'quick', lifetimeMs: 1000 });
    const restored = await fetch(`${sim().url}/__admin/scenario`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(consoleScenario),
    });
    expect(restored.status).toBe(200);
  });

  it('filters the journal and copies a request as a curl command that replays it', async () => {
    const { context } = browser();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sim().url });
    await startKiosk(sim());
    const missing = await fetch(`${sim().url}/yoti/api/v1.1/qrcodes/refs/no-such-ref`, {
      headers: { 'x-yoti-sdk': 'Node' },
    });
    expect(missing.status).toBe(404);

    const page = await openConsole('#journal');
    await page.selectOption('#journal-filters [name=provider]', 'yoti');
    await page.fill('#journal-filters [name=status]', '404');
    const rows = page.locator('#journal-list tbody tr[data-entry]');
    await expect
      .poll(async () => (await rows.allTextContents()).map((t) => t.includes('/qrcodes/refs/no-such-ref')))
      .toEqual([true]);
    await rows.first().locator('button[data-curl]').click();
    await page.locator('#toast', { hasText: 'Copied curl' }).waitFor();
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    expect(curl).toContain(`'${sim().url}/yoti/api/v1.1/qrcodes/refs/no-such-ref'`);
    expect(curl).toContain(`-H 'x-yoti-sdk: Node'`);
    const replay = await run('sh', ['-c', `${curl} -s -w ' %{http_code}'`]);
    expect(replay.stdout).toMatch(/"code":"NOT_FOUND".* 404$/);

    // Without filters the kiosk's websocket frames are there too.
    await page.click('#journal-filters button[type=reset]');
    await page.locator('#journal-list tbody tr[data-entry]', { hasText: 'ACCEPTED' }).first().waitFor();
    // The replay is journaled too: two 404s now; open the newest.
    await expect
      .poll(() => page.locator('#journal-list tbody tr[data-entry]', { hasText: 'no-such-ref' }).count())
      .toBe(2);
    await page.locator('#journal-list tbody tr[data-entry]', { hasText: 'no-such-ref' }).first().click();
    await page.locator('#journal-list tr.detail', { hasText: 'NOT_FOUND' }).waitFor();
    await page.screenshot({ path: screenshotPath('console-journal.png') });
  });

  it('shows the clock, switches it and refuses to advance the real clock', async () => {
    const page = await openConsole('#sessions');
    await page.locator('#clock-mode', { hasText: 'real' }).waitFor();
    await expect(page.locator('#clock-advance button').isDisabled()).resolves.toBe(true);

    // Switched from elsewhere (a test, curl): the console follows without a reload.
    await admin(sim(), 'PUT', '/clock', { mode: 'manual' });
    await page.locator('#clock-mode', { hasText: 'manual' }).waitFor();
    const before = (await admin(sim(), 'GET', '/clock')).now;
    await page.fill('#clock-advance [name=amount]', '90');
    await page.selectOption('#clock-advance [name=unit]', '1000');
    await page.click('#clock-advance button[type=submit]');
    await page.locator('#toast', { hasText: 'Advanced the clock by 90 s' }).waitFor();
    expect((await admin(sim(), 'GET', '/clock')).now).toBe(before + 90_000);
    await expect(page.locator('#clock-now').textContent()).resolves.toBe(
      new Date(before + 90_000).toISOString().replace('T', ' ').slice(0, 23),
    );
  });
});
