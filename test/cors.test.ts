import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useChromium } from './support/browser.js';
import { SCENARIO_ID, SDK_ID } from './support/kiosk.js';
import { useSimulator } from './support/simulator.js';

// Browser code calls the providers' APIs from the relying party's own origin; the admin plane
// stays closed to other origins.
const sim = useSimulator();
const APP_ORIGIN = 'http://app.example:3000';
const ATTESTR_TOKEN = 'ZGV2LWF1dGgtdG9rZW4'; // scenarios/default.yaml
const HANDSHAKE = '/attestr/api/v2/public/flowx/handshake';

const preflight = (path: string, method: string, headers: string) =>
  fetch(`${sim().url}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin: APP_ORIGIN,
      'access-control-request-method': method,
      'access-control-request-headers': headers,
    },
  });

describe('CORS on provider APIs', () => {
  it('answers a preflight for an authorised JSON POST with the origin, method and headers', async () => {
    const res = await preflight(HANDSHAKE, 'POST', 'authorization, content-type');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = res.headers.get('access-control-allow-headers')?.toLowerCase().split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toMatch(/origin/i);
  });

  it('lets each provider answer a cross-origin call: Attestr, Biometric.kz, Yoti', async () => {
    const calls = [
      fetch(`${sim().url}${HANDSHAKE}`, {
        method: 'POST',
        headers: {
          origin: APP_ORIGIN,
          authorization: `Basic ${ATTESTR_TOKEN}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ flow: 'FX02kycsimdevflow0001', snapshot: null, tag: 'cors' }),
      }),
      fetch(`${sim().url}/biometric/kyc/api/v1/flows/session/create/`, {
        method: 'POST',
        headers: { origin: APP_ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ api_key: 'kyc-sim-dev-flow-api-key-0000000000000000000000000' }),
      }),
      fetch(`${sim().url}/yoti/api/v1.1/sessions/apps/${SDK_ID}/scenarios/${SCENARIO_ID}`, {
        headers: { origin: APP_ORIGIN },
      }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    }
  });

  it('exposes the not-matched explanation to browser code', async () => {
    const res = await fetch(`${sim().url}/yoti/api/v1.1/qrcode/refs/x`, { headers: { origin: APP_ORIGIN } });
    expect(res.status).toBe(404);
    expect(res.headers.get('access-control-expose-headers')).toContain('X-Kyc-Sim-Not-Matched');
  });

  it('never grants /__admin to another origin, preflight or not', async () => {
    const pre = await preflight('/__admin/reset', 'POST', 'content-type');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const get = await fetch(`${sim().url}/__admin/health`, { headers: { origin: APP_ORIGIN } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS in Chromium', () => {
  // A relying party's page on its own origin (another port), calling kyc-sim from the browser.
  let app: Server;
  let appUrl = '';
  beforeAll(async () => {
    app = createServer((_req, res) => res.end('<!doctype html><title>relying party</title>'));
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => app.close(resolve)));
  const browser = useChromium();

  it('lets page code call a provider API with a preflighted request, and not the admin API', async () => {
    const page = await browser().newPage();
    await page.goto(appUrl);
    const result = await page.evaluate(
      async ({ base, token, handshake }) => {
        const res = await fetch(`${base}${handshake}`, {
          method: 'POST',
          headers: { authorization: `Basic ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ flow: 'FX02kycsimdevflow0001', snapshot: null, tag: 'from the page' }),
        });
        const handshakeId = (await res.json())._id;
        const adminCall = await fetch(`${base}/__admin/sessions`).then(
          () => 'read',
          (error) => `refused: ${error.name}`,
        );
        return { status: res.status, handshakeId, adminCall };
      },
      { base: sim().url, token: ATTESTR_TOKEN, handshake: HANDSHAKE },
    );
    expect(result.status).toBe(200);
    expect(result.handshakeId).toMatch(/\w+/);
    expect(result.adminCall).toBe('refused: TypeError');
    await page.close();
  });
});
