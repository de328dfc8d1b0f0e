import { describe, expect, it } from 'vitest';
import { consoleScenario, MANUAL_SHARE, SDK_ID } from './support/console.js';
import { admin, useSimulator } from './support/simulator.js';

/** The console's page, assets and helper endpoints under /__admin/ui, over HTTP. */
const sim = useSimulator({ scenario: consoleScenario });
const get = (path: string) => fetch(`${sim().url}/__admin/ui${path}`);

async function newShare() {
  const res = await fetch(`${sim().url}/yoti/api/v1.1/sessions/apps/${SDK_ID}/scenarios/${MANUAL_SHARE}`);
  const { qrcode } = (await res.json()) as { qrcode: string };
  const [session] = (await admin(sim(), 'GET', '/sessions?provider=yoti')).sessions;
  return { qrcode, id: session.id as string };
}

describe('/__admin/ui', () => {
  it.each(['', '/'])(
    'serves the page at /__admin/ui%s, loading only its own and its panels’ assets',
    async (suffix) => {
      const res = await get(suffix);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toMatch(/^<!doctype html>/);
      const assets = [...html.matchAll(/(?:src|href)="([^"#]+)"/g)]
        .map((m) => m[1])
        .filter((a) => !a.startsWith('data:'));
      // Yoti's panel (the virtual app) loads before main.js, so it has registered when main.js routes.
      expect(assets).toEqual([
        '/__admin/ui/assets/console.css',
        '/__admin/ui/assets/yoti-app.css',
        '/__admin/ui/assets/yoti-app.js',
        '/__admin/ui/assets/main.js',
        // The header's link to the API reference page.
        '/__admin/ui/reference',
      ]);
      expect(html).toContain('<a href="#yoti-app" data-tab="yoti-app" data-provider="yoti"');
    },
  );

  it('serves every module the page imports, with a JavaScript type, and nothing from outside', async () => {
    const pending = ['main.js', 'yoti-app.js'];
    const seen = new Set<string>();
    while (pending.length) {
      const name = pending.pop() as string;
      if (seen.has(name)) continue;
      seen.add(name);
      const res = await get(`/assets/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      const source = await res.text();
      for (const [, spec] of source.matchAll(/from '([^']+)'/g)) {
        expect(spec, `${name} imports ${spec}`).toMatch(/^\.\/[\w-]+\.js$/);
        pending.push(spec.slice(2));
      }
    }
    expect(seen.size).toBeGreaterThan(5);
    expect((await get('/assets/../../api.ts')).status).toBe(404);
    expect((await get('/assets/nope.js')).status).toBe(404);
  });

  it('describes a session’s actions with a JSON Schema for each form', async () => {
    const { id } = await newShare();
    const res = await get(`/api/sessions/${id}/actions`);
    const { actions } = await res.json();
    expect(actions.map((a: { name: string }) => a.name)).toEqual(['complete', 'fail', 'time-out']);
    expect(actions[0].params).toMatchObject({ type: 'object', properties: { profile: { type: 'object' } } });
    expect((await get('/api/sessions/missing/actions')).status).toBe(404);
  });

  it('describes every session kind of every provider, each action with a form the console can draw', async () => {
    const { kinds } = await admin(sim(), 'GET', '/kinds');
    const byKey = Object.fromEntries(
      kinds.map((k: { provider: string; kind: string }) => [`${k.provider}/${k.kind}`, k]),
    );
    expect(Object.keys(byKey).sort()).toEqual([
      'attestr/flowx-handshake',
      'biometric/flow-session',
      'yoti/digital-id',
      'yoti/idv',
      'yoti/share',
    ]);
    expect(byKey['yoti/share']).toMatchObject({
      initial: 'WAITING',
      ended: { COMPLETED: 'success', FAILED: 'failure', TIMED_OUT: 'failure', REJECTED: 'failure' },
      outcomes: ['complete', 'fail', 'time-out', 'manual', 'reject'],
    });
    for (const kind of kinds) {
      expect(kind.actions.length, `${kind.provider}/${kind.kind} has actions`).toBeGreaterThan(0);
      for (const action of kind.actions) {
        expect(action.params, `${kind.provider} ${kind.kind} ${action.name}`).toMatchObject({
          type: 'object',
        });
        expect(action.description).toMatch(/^[A-Z].{8,}/);
      }
    }
  });

  it('scans a QR URL the way the phone does: app name, asked attributes, session', async () => {
    const { qrcode, id } = await newShare();
    const res = await fetch(`${sim().url}/__admin/ui/api/yoti/scan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: qrcode }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      appName: 'Acme Age Check',
      receiptBgColor: '#1f6f5c',
      attributes: ['given_names', 'family_name', 'age_over:18'],
      session: { id, state: 'WAITING' },
    });
    const pending = await (await get('/api/yoti/pending')).json();
    expect(pending.pending.map((p: { id: string }) => p.id)).toContain(id);
  });

  it.each([
    ['no url', {}, /expected \{"url"/],
    ['a URL without a payload', { url: 'https://code.yoti.com/' }, /base64url QR payload/],
    ['a payload that is not a QrCodeMsg', { url: 'https://code.yoti.com/aGVsbG8gd29ybGQ' }, /QrCodeMsg/],
  ])('refuses %s with a 400 that says why', async (_, body, reason) => {
    const res = await fetch(`${sim().url}/__admin/ui/api/yoti/scan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(reason);
  });

  it('answers 404 for a QR code of a session that no longer exists', async () => {
    const { qrcode } = await newShare();
    await admin(sim(), 'POST', '/reset');
    const res = await fetch(`${sim().url}/__admin/ui/api/yoti/scan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: qrcode }),
    });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toContain('404');
  });

  it('renders any text as a QR code SVG for the page', async () => {
    const res = await get(`/qr.svg?text=${encodeURIComponent('https://code.yoti.com/abc')}`);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(await res.text()).toMatch(/^<svg /);
    expect((await get('/qr.svg')).status).toBe(400);
  });
});
