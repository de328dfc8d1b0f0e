import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { admin, useSimulator } from './support/simulator.js';

/** A raw HTTP request, so the Host header can be anything (fetch always sends the URL's host). */
function rawRequest(
  url: string,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('admin plane: requests from other web pages', () => {
  const sim = useSimulator({ clock: 'manual' });

  it('refuses a cross-origin text/plain reset (what any web page can send) and changes nothing', async () => {
    const before = (await admin(sim(), 'GET', '/clock')).now;
    const res = await fetch(`${sim().url}/__admin/clock/advance`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: '{"ms": 60000}',
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/another origin \(https:\/\/evil\.example\)/);
    expect((await admin(sim(), 'GET', '/clock')).now).toBe(before);
  });

  it('refuses writes a browser marks as cross-site, even with a JSON body', async () => {
    const res = await fetch(`${sim().url}/__admin/reset`, {
      method: 'POST',
      headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    const sameSite = await fetch(`${sim().url}/__admin/requests`, {
      headers: { 'sec-fetch-site': 'same-site' },
    });
    expect(sameSite.status).toBe(403);
  });

  it('refuses form and text bodies on admin writes, whatever their origin', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await fetch(`${sim().url}/__admin/clock/advance`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: '{"ms": 1000}',
      });
      expect(res.status, type).toBe(415);
      expect((await res.json()).error).toMatch(/application\/json/);
    }
  });

  it('accepts its own console (same origin, JSON) and tools that send no browser headers', async () => {
    const before = (await admin(sim(), 'GET', '/clock')).now;
    const console = await fetch(`${sim().url}/__admin/clock/advance`, {
      method: 'POST',
      headers: { origin: sim().url, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      body: '{"ms": 1000}',
    });
    expect(console.status).toBe(200);
    const tool = await fetch(`${sim().url}/__admin/reset`, { method: 'POST' });
    expect(tool.status).toBe(200);
    expect((await admin(sim(), 'GET', '/clock')).now).toBeGreaterThanOrEqual(before + 1000);
  });

  it('lets a link from elsewhere open the console page, but not read the API', async () => {
    // Node's fetch sets Sec-Fetch-Mode itself; a raw request says what a browser says.
    const page = await rawRequest(sim().url, '/__admin/ui', {
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'navigate',
      'sec-fetch-dest': 'document',
    });
    expect(page.status).toBe(200);
    const api = await fetch(`${sim().url}/__admin/sessions`, {
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors' },
    });
    expect(api.status).toBe(403);
  });
});

describe('Host allowlist (DNS rebinding)', () => {
  const sim = useSimulator({ allowedHosts: ['kyc-sim.internal'] });

  it('answers nothing, admin or provider, for a Host it does not know', async () => {
    for (const path of [
      '/__admin/health',
      '/__admin/yoti/apps',
      '/yoti/idverify/v1/supported-documents',
      '/nowhere',
    ]) {
      const res = await rawRequest(sim().url, path, { host: `rebind.evil.example:${sim().port}` });
      expect(res.status, path).toBe(403);
      expect(JSON.parse(res.body).error).toMatch(/--allowed-host rebind\.evil\.example/);
    }
  });

  it('answers loopback names, the bound address and --allowed-host names', async () => {
    for (const host of [
      'localhost',
      '127.0.0.1',
      '[::1]',
      'kyc-sim.internal',
      'KYC-SIM.internal.',
      'app.localhost',
    ]) {
      const res = await rawRequest(sim().url, '/__admin/health', { host: `${host}:${sim().port}` });
      expect(res.status, host).toBe(200);
    }
  });

  it('refuses websocket upgrades for an unknown Host', async () => {
    const url = `${sim().url.replace('http', 'ws')}/yoti/api/v1.1/connect-sessions/anything`;
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(url, { headers: { host: 'rebind.evil.example' } });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => {
        ws.close();
        resolve(101);
      });
      ws.on('error', () => {});
    });
    expect(status).toBe(403);
  });
});
