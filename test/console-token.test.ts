import { describe, expect, it } from 'vitest';
import { startSimulator } from '../simulator/server.js';
import { consoleScenario, useBrowser } from './support/console.js';
import { admin, useSimulator } from './support/simulator.js';

const TOKEN = 'correct-horse-battery-staple';

/** The admin token on: tools carry it, the console logs in once by link or by typing it. */
describe('admin token', () => {
  const sim = useSimulator({ scenario: consoleScenario, adminToken: TOKEN });
  const browser = useBrowser();

  it('refuses every admin call without it, and takes it as a bearer token', async () => {
    for (const path of ['/health', '/sessions', '/yoti/apps', '/ui/assets/main.js', '/events']) {
      const res = await fetch(`${sim().url}/__admin${path}`);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    const wrong = await fetch(`${sim().url}/__admin/health`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect((await admin(sim(), 'GET', '/health')).status).toBe('ok');
    // Provider APIs are not the admin plane: they need no token.
    expect((await fetch(`${sim().url}/yoti/idverify/v1/supported-documents`)).status).toBe(200);
  });

  it('opens the console by the one-time link, live, with a clean address', async () => {
    const { page, context } = browser();
    await context.clearCookies();
    const link = sim().consoleUrl();
    await page.goto(link);
    await page.locator('#live.on').waitFor();
    expect(page.url()).toBe(`${sim().url}/__admin/ui`);
    // The console's own writes work with the cookie alone.
    await admin(sim(), 'PUT', '/clock', { mode: 'manual' });
    await page.locator('#clock-mode', { hasText: 'manual' }).waitFor();
    const before = (await admin(sim(), 'GET', '/clock')).now;
    await page.fill('#clock-advance [name=amount]', '5');
    await page.selectOption('#clock-advance [name=unit]', '1000');
    await page.click('#clock-advance button[type=submit]');
    await page.locator('#toast', { hasText: 'Advanced the clock by 5 s' }).waitFor();
    expect((await admin(sim(), 'GET', '/clock')).now).toBe(before + 5_000);

    // The link worked once; a second browser (no cookie) gets the login page.
    await context.clearCookies();
    const again = await page.goto(link);
    expect(again?.status()).toBe(401);
    await page.locator('[role=alert]', { hasText: 'already used' }).waitFor();
  });

  it('logs in by typing the token, and says so when it is wrong', async () => {
    const { page, context } = browser();
    await context.clearCookies();
    await page.goto(`${sim().url}/__admin/ui`);
    await page.fill('#token', 'not-it');
    await page.click('button[type=submit]');
    await page.locator('[role=alert]', { hasText: 'not the admin token' }).waitFor();
    await page.fill('#token', TOKEN);
    await page.click('button[type=submit]');
    await page.locator('#live.on').waitFor();
    expect(page.url()).toBe(`${sim().url}/__admin/ui`);
  });
});

describe('binding beyond loopback', () => {
  it('refuses to start without a token, unless told it is unsafe', async () => {
    await expect(startSimulator({ host: '0.0.0.0', port: 0, logLevel: 'silent' })).rejects.toThrow(
      /--admin-token or KYC_SIM_ADMIN_TOKEN\), or --unsafe-open-admin/,
    );
    for (const options of [{ adminToken: TOKEN }, { unsafeOpenAdmin: true }]) {
      const sim = await startSimulator({ host: '0.0.0.0', port: 0, logLevel: 'silent', ...options });
      const res = await fetch(`http://127.0.0.1:${sim.port}/__admin/health`, { headers: sim.adminHeaders });
      expect(res.status).toBe(200);
      await sim.close();
    }
  });
});
