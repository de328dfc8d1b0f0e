import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { DirectRoutes, plainGetHost } from '../simulator/engine/direct-routes.js';
import { admin, useSimulator } from './support/simulator.js';

const SDK = 'direct-app';
const QR_PATH = `/yoti/api/v1.1/sessions/apps/${SDK}/scenarios/s`;

/** One raw GET: status, headers as Node parsed them, and the body's bytes. */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      httpRequest(url, { headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
        .on('error', reject)
        .end();
    },
  );
}

/** Headers a client could tell apart (Date aside), and nothing the CORS grant adds. */
const comparable = (headers: Record<string, unknown>) => {
  const { date, vary, ...rest } = headers;
  return Object.fromEntries(Object.entries(rest).filter(([name]) => !name.startsWith('access-control-')));
};

describe('direct routes: the QR and refs GETs answered before Hono', () => {
  const sim = useSimulator({
    scenario: {
      yoti: {
        apps: [{ sdkId: SDK, name: 'Direct App', scenarios: [{ id: 's', outcome: { type: 'manual' } }] }],
      },
    },
  });

  it('answers refs with the same bytes and headers as the full route, and journals both alike', async () => {
    const qr = await get(`${sim().url}${QR_PATH}`, { 'x-trace': 'direct-qr' });
    expect(qr.status).toBe(200);
    const { ref_id } = JSON.parse(qr.body) as { ref_id: string };
    // No Origin: the direct route. An Origin sends the request through Hono's front door (CORS).
    const direct = await get(`${sim().url}/yoti/api/v1.1/qrcodes/refs/${ref_id}?probe=1`, {
      'x-trace': 'direct',
    });
    const full = await get(`${sim().url}/yoti/api/v1.1/qrcodes/refs/${ref_id}?probe=1`, {
      'x-trace': 'full',
      origin: 'http://localhost:3000',
    });
    expect(full.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(direct.status).toBe(200);
    expect(direct.body).toBe(full.body);
    expect(comparable(direct.headers)).toEqual(comparable(full.headers));
    expect(JSON.parse(direct.body)).toMatchObject({ name: 'Direct App', application_id: SDK });

    const { requests } = await admin(sim(), 'GET', `/requests?path=${ref_id}`);
    const [byHono, byDirect] = requests;
    expect(byDirect.requestHeaders['x-trace']).toBe('direct');
    expect(byHono.requestHeaders['x-trace']).toBe('full');
    const same = ({ id, at, realAt, durationMs, requestHeaders, ...rest }: Record<string, unknown>) => rest;
    expect(same(byDirect)).toEqual(same(byHono));
    expect(byDirect).toMatchObject({
      provider: 'yoti',
      method: 'GET',
      path: `/yoti/api/v1.1/qrcodes/refs/${ref_id}`,
      query: 'probe=1',
      status: 200,
      responseBody: direct.body,
    });
    expect(byDirect.sessionId).toBe(JSON.parse(direct.body).session_data);
    // The QR GET, answered directly too, names the session it created.
    const [qrEntry] = (await admin(sim(), 'GET', `/requests?path=/scenarios/s`)).requests;
    expect(qrEntry).toMatchObject({ status: 200, sessionId: byDirect.sessionId, responseBody: qr.body });
    expect(qrEntry.requestHeaders['x-trace']).toBe('direct-qr');
  });

  it('leaves what it does not plainly answer to the full routes, in Yoti’s error format', async () => {
    const unknown = await get(`${sim().url}/yoti/api/v1.1/qrcodes/refs/no-such-ref`);
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ code: 'NOT_FOUND' });
    const encoded = await get(`${sim().url}/yoti/api/v1.1/qrcodes/refs/no%2Dsuch`);
    expect(encoded.status).toBe(404);
    expect(JSON.parse(encoded.body).message).toContain('no-such');
    const noScenario = await get(`${sim().url}/yoti/api/v1.1/sessions/apps/${SDK}/scenarios/nope`);
    expect(JSON.parse(noScenario.body)).toMatchObject({ code: 'SCENARIO_NOT_FOUND' });
    const noApp = await get(`${sim().url}/yoti/api/v1.1/sessions/apps/nope/scenarios/s`);
    expect(JSON.parse(noApp.body)).toMatchObject({ code: 'APP_NOT_FOUND' });
    // The front door's Host check holds for direct routes too.
    const { ref_id } = JSON.parse((await get(`${sim().url}${QR_PATH}`)).body) as { ref_id: string };
    const rebound = await get(`${sim().url}/yoti/api/v1.1/qrcodes/refs/${ref_id}`, { host: 'evil.example' });
    expect(rebound.status).toBe(403);
  });

  // The refs answer is made once per share; what the scenario changes about the app still shows.
  it('answers refs with the app as the scenario now reads, after an override and after clearing it', async () => {
    const { ref_id } = JSON.parse((await get(`${sim().url}${QR_PATH}`)).body) as { ref_id: string };
    const refs = async () =>
      JSON.parse((await get(`${sim().url}/yoti/api/v1.1/qrcodes/refs/${ref_id}`)).body) as Record<
        string,
        unknown
      >;
    expect(await refs()).toMatchObject({ name: 'Direct App', receipt_bg_color: '#2D9FFF' });
    await sim().use({ yoti: { apps: [{ sdkId: SDK, name: 'Renamed', receiptBgColor: '#000000' }] } });
    expect(await refs()).toMatchObject({
      name: 'Renamed',
      application_name: 'Renamed',
      receipt_bg_color: '#000000',
    });
    await sim().clearOverrides();
    expect(await refs()).toMatchObject({ name: 'Direct App', receipt_bg_color: '#2D9FFF' });
  });
});

describe('DirectRoutes matching', () => {
  const routes = new DirectRoutes();
  const answer = async () => undefined;
  routes.add('p', { path: '/p/apps/:app/items/:item', answer });
  routes.add('p', { path: '/p/refs/:ref', answer });

  it('matches whole literal segments and takes each parameter as it is', () => {
    expect(routes.match('/p/apps/a1/items/i2?x=1')).toMatchObject({
      params: { app: 'a1', item: 'i2' },
      path: '/p/apps/a1/items/i2',
      query: 'x=1',
      provider: 'p',
    });
    expect(routes.match('/p/refs/r')).toMatchObject({ params: { ref: 'r' }, query: undefined });
  });

  it('declines partial, longer, empty and percent-encoded paths', () => {
    for (const target of [
      '/p/refs/',
      '/p/refs/r/x',
      '/p/refs',
      '/p/apps/a/item/i',
      '/p/apps/a/items',
      '/p/apps/a/items/',
      '/p/apps//items/i',
      '/p/apps/a/items/i/',
      '/p/refsx/r',
      '/p/refs/a%20b',
      '/q/refs/r',
    ])
      expect(routes.match(target), target).toBeUndefined();
  });
});

describe('plainGetHost', () => {
  const request = (method: string, rawHeaders: string[]) => ({ method, rawHeaders }) as IncomingMessage;

  it('gives the Host of a GET with no Origin and no body, whatever the names’ case', () => {
    expect(plainGetHost(request('GET', ['HOST', '127.0.0.1:9', 'Accept', '*/*']))).toBe('127.0.0.1:9');
    expect(plainGetHost(request('GET', ['accept', '*/*']))).toBe('');
  });

  it('refuses other methods, an Origin and any declared body', () => {
    expect(plainGetHost(request('HEAD', ['host', 'localhost']))).toBe(false);
    for (const name of ['Origin', 'content-length', 'Transfer-Encoding'])
      expect(plainGetHost(request('GET', ['host', 'localhost', name, '1'])), name).toBe(false);
  });
});
