import { Parser as AsyncApiParser } from '@asyncapi/parser';
import { compileErrors, validate } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { admin, useSimulator } from './support/simulator.js';

// biome-ignore lint/suspicious/noExplicitAny: documents are read as the JSON they are
type Doc = any;

const sim = useSimulator();
const get = async (path: string): Promise<Doc> => admin(sim(), 'GET', path);
const PROVIDERS = ['yoti', 'attestr', 'biometric'];

/** Hono's `/a/:id` as the document's `/a/{id}`. */
const templated = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** `[method, full path]` of every operation of a document, its server's path prepended. */
function operationsOf(doc: Doc): string[] {
  const base = new URL(doc.servers[0].url).pathname;
  return Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${base}${path}`),
  );
}

/** The operation of `doc` a concrete request path falls under. */
function findOperation(doc: Doc, method: string, path: string): Doc | undefined {
  const base = new URL(doc.servers[0].url).pathname;
  if (!path.startsWith(base)) return undefined;
  const below = path.slice(base.length);
  for (const [template, ops] of Object.entries(doc.paths as Record<string, Record<string, Doc>>)) {
    const pattern = new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(below) && ops[method.toLowerCase()]) return ops[method.toLowerCase()];
  }
  return undefined;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
/** The JSON Schema of a request body or response in `doc`, compiled with the document's components. */
function compile(doc: Doc, schema: Doc) {
  return ajv.compile({ ...schema, components: doc.components });
}

describe('API documents', () => {
  it('lists every document, and each OpenAPI document validates as OpenAPI 3.1', async () => {
    const listed = await get('/api-documents');
    expect(listed.openapi.map((d: Doc) => d.name)).toEqual(['admin', ...PROVIDERS]);
    expect(listed.asyncapi.map((d: Doc) => d.name)).toEqual(['yoti']);
    for (const { url } of listed.openapi) {
      const doc = await get(url.slice('/__admin'.length));
      expect(doc.openapi).toBe('3.1.0');
      const result = await validate(structuredClone(doc));
      expect(result.valid, `${url}: ${result.valid ? '' : compileErrors(result)}`).toBe(true);
      expect(doc.servers[0].url).toMatch(new RegExp(`^${sim().url}/`));
    }
  });

  it('the Yoti websocket document validates as AsyncAPI 3 and describes the frames the socket sends', async () => {
    const doc = await get('/asyncapi/yoti.json');
    const { document, diagnostics } = await new AsyncApiParser().parse(doc);
    const errors = diagnostics.filter((d) => d.severity === 0);
    expect(errors.map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    const channel = document?.channels().get('connectSessions');
    expect(channel?.address()).toBe('/api/v1.1/connect-sessions/{sessionData}');
    const status = doc.channels.connectSessions.messages.status.payload;
    expect(status.properties.status.enum).toEqual([
      'ACCEPTED',
      'REJECTED',
      'COMPLETED',
      'FAILED',
      'TIMED_OUT',
    ]);
    expect(doc.servers['kyc-sim']).toMatchObject({
      protocol: 'ws',
      pathname: '/yoti',
      host: new URL(sim().url).host,
    });
  });

  it('documents every route the simulator answers, and nothing it does not', async () => {
    const docs = await Promise.all(['admin', ...PROVIDERS].map((name) => get(`/openapi/${name}.json`)));
    const documented = new Set(docs.flatMap(operationsOf));
    // The console's page and its own calls are a UI, not an API.
    const served = new Set(
      sim()
        .routes.filter((r) => r.method !== 'ALL' && !r.path.startsWith('/__admin/ui'))
        .map((r) => `${r.method} ${templated(r.path)}`),
    );
    expect([...served].filter((op) => !documented.has(op)).sort()).toEqual([]);
    expect([...documented].filter((op) => !served.has(op)).sort()).toEqual([]);
  });

  it('request schemas are the routes’ own: what the schema refuses, the route refuses with its 400', async () => {
    const cases: {
      doc: string;
      method: string;
      path: string;
      good: unknown;
      bad: unknown;
      accept?: string;
    }[] = [
      {
        doc: 'biometric',
        method: 'POST',
        path: '/biometric/kyc/api/v1/flows/session/create/',
        good: { api_key: 'no-such-flow' },
        bad: { api_key: 5 },
      },
      {
        doc: 'yoti',
        method: 'POST',
        path: '/yoti/api/v1/qrcodes/image',
        good: { url: 'https://example.com' },
        bad: {},
        accept: 'image/svg+xml',
      },
      {
        doc: 'attestr',
        method: 'POST',
        path: '/attestr/flowx/sim/runs',
        good: { cl: 'key', hs: 'no-such-handshake' },
        bad: { cl: 'key' },
      },
      { doc: 'admin', method: 'POST', path: '/__admin/clock/advance', good: { ms: 0 }, bad: { ms: -1 } },
    ];
    for (const { doc: name, method, path, good, bad, accept } of cases) {
      const doc = await get(`/openapi/${name}.json`);
      const op = findOperation(doc, method, path);
      const check = compile(doc, op.requestBody.content['application/json'].schema);
      expect(check(good), `${path} schema takes ${JSON.stringify(good)}`).toBe(true);
      expect(check(bad), `${path} schema refuses ${JSON.stringify(bad)}`).toBe(false);
      const res = await fetch(`${sim().url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) },
        body: JSON.stringify(bad),
      });
      expect(res.status, `${path} refuses ${JSON.stringify(bad)}`).toBe(400);
    }
  });

  it('every answer the journal saw matches the response schema its document gives for that status', async () => {
    const base = sim().url;
    // Error answers of each provider, in its own format.
    await fetch(`${base}/yoti/api/v1.1/qrcodes/refs/nope`);
    await fetch(`${base}/yoti/idverify/v1/sessions`, { method: 'POST', body: '{}' });
    await fetch(`${base}/yoti/share/v2/sessions/nope`);
    await fetch(`${base}/attestr/api/v2/public/flowx/handshake`, { method: 'POST', body: '{}' });
    await fetch(`${base}/attestr/flowx/sim/runs/nope?cl=x`);
    await fetch(`${base}/biometric/kyc/api/v1/flows/session/result/?session_id=x&flow_api_key=y`);
    await fetch(`${base}/biometric/kyc/api/v1/flows/session/create/`, {
      method: 'POST',
      body: '{"api_key": ""}',
    });
    const docs = await Promise.all(PROVIDERS.map((name) => get(`/openapi/${name}.json`)));
    const { requests } = await get('/requests?kind=http');
    let checked = 0;
    for (const entry of requests as Doc[]) {
      const doc = docs.find((d) => findOperation(d, entry.method, entry.path));
      const response = doc && findOperation(doc, entry.method, entry.path).responses[String(entry.status)];
      const schema = response?.content?.['application/json']?.schema;
      if (!schema) continue;
      expect(
        entry.responseBody,
        `${entry.method} ${entry.path} ${entry.status} journaled its body`,
      ).toBeDefined();
      const check = compile(doc, schema);
      expect(
        check(JSON.parse(entry.responseBody)),
        `${entry.method} ${entry.path} ${entry.status}: ${entry.responseBody}`,
      ).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(7);
  });

  it('names the documents it has when asked for another', async () => {
    const res = await fetch(`${sim().url}/__admin/openapi/nope.json`);
    expect(res.status).toBe(404);
    expect((await res.json()).known).toEqual(['admin.json', 'yoti.json', 'attestr.json', 'biometric.json']);
  });
});
