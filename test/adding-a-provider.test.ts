import { describe, expect, it } from 'vitest';
import { providers } from '../simulator/providers/index.js';
import { scenarioJsonSchema } from '../simulator/tools/json-schema.js';
import { parcelProvider } from './support/parcel/index.js';
import { admin, useSimulator } from './support/simulator.js';

/**
 * docs/adding-a-provider.md, followed once: test/support/parcel/ is a provider made by its steps
 * (one folder; here the "one line" is the providers option instead of providers/index.ts). Every
 * part of the simulator must pick it up without naming it.
 */
const sim = useSimulator({
  providers: [...providers, parcelProvider],
  clock: 'manual',
  scenario: {
    name: 'parcels',
    parcel: { depots: ['ALA', 'AST'], outcome: { type: 'deliver', afterMs: 2_000 } },
  },
});

const send = (depot: unknown) =>
  fetch(`${sim().url}/parcel/api/parcels`, { method: 'POST', body: JSON.stringify({ depot }) });

describe('a provider added by docs/adding-a-provider.md', () => {
  it('serves its routes below its prefix and runs its kind on the engine', async () => {
    const res = await send('AST');
    expect(res.status).toBe(201);
    const { id, status } = await res.json();
    expect(status).toBe('SENT');
    const detail = await admin(sim(), 'GET', `/sessions/${id}`);
    expect(detail).toMatchObject({ provider: 'parcel', kind: 'parcel', state: 'SENT', actions: ['deliver'] });
    expect(detail.pending).toEqual([
      expect.objectContaining({ slot: 'outcome', explanation: 'delivered 2 s after sending' }),
    ]);
    expect(detail.traffic.map((t: { path: string }) => t.path)).toContain('/parcel/api/parcels');

    await admin(sim(), 'POST', '/clock/advance', { ms: 2_000 });
    expect(await (await fetch(`${sim().url}/parcel/api/parcels/${id}`)).json()).toEqual({
      id,
      status: 'DELIVERED',
    });
    const refused = await fetch(`${sim().url}/__admin/sessions/${id}/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'deliver' }),
    });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toBe(`parcel parcel session ${id} has already ended (DELIVERED)`);
  });

  it('answers errors in its own shape, and a not-found lists what exists', async () => {
    const bad = await send('XYZ');
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({ fault: { code: 'DEPOT', text: 'no depot "XYZ"' } });
    expect(bad.headers.get('x-kyc-sim-known')).toBe('known depots: ALA, AST');
    const unmatched = await fetch(`${sim().url}/parcel/api/nothing-here`);
    expect(unmatched.status).toBe(404);
    expect((await unmatched.json()).fault.code).toBe('NOT_FOUND');
  });

  it('has its scenario section validated, defaulted and in the JSON Schema', async () => {
    const invalid = await fetch(`${sim().url}/__admin/scenario`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ parcel: { outcome: { type: 'explode' } } }),
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ path: 'parcel.outcome.type' });
    const schema = scenarioJsonSchema(sim().runtime.scenarioSchema) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['yoti', 'attestr', 'biometric', 'parcel']),
    );
    const { scenario } = await admin(sim(), 'GET', '/scenario');
    expect(scenario.parcel).toEqual({ depots: ['ALA', 'AST'], outcome: { type: 'deliver', afterMs: 2_000 } });
  });

  it('describes its kind to the admin API and adds its panel to the console', async () => {
    const { kinds } = await admin(sim(), 'GET', '/kinds');
    expect(kinds.find((k: { provider: string }) => k.provider === 'parcel')).toMatchObject({
      kind: 'parcel',
      states: ['SENT', 'DELIVERED', 'LOST'],
      initial: 'SENT',
      ended: { DELIVERED: 'success', LOST: 'failure' },
      outcomes: ['deliver', 'lose', 'manual'],
    });
    const page = await (await fetch(`${sim().url}/__admin/ui`)).text();
    expect(page).toContain('data-tab="parcel-desk" data-provider="parcel" data-opens-kinds="parcel"');
    expect(page).toContain('<script type="module" src="/__admin/ui/assets/parcel-desk.js">');
    expect((await fetch(`${sim().url}/__admin/ui/assets/parcel-desk.js`)).status).toBe(200);
    expect(await (await fetch(`${sim().url}/__admin/ui/api/parcel/count`)).json()).toEqual({ parcels: 1 });
  });

  it('has an API document from its routes’ schemas', async () => {
    const doc = await admin(sim(), 'GET', '/openapi/parcel.json');
    expect(doc.servers[0].url).toBe(`${sim().url}/parcel`);
    expect(Object.keys(doc.paths)).toEqual(['/api/parcels', '/api/parcels/{id}']);
    expect(doc.paths['/api/parcels'].post.requestBody.content['application/json'].schema).toMatchObject({
      properties: { depot: { type: 'string' } },
      required: ['depot'],
    });
    const { openapi } = await admin(sim(), 'GET', '/api-documents');
    expect(openapi.map((d: { name: string }) => d.name)).toContain('parcel');
  });
});
