import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadScenarioFile, type ScenarioError } from './engine/scenario-loader.js';
import { defineProvider } from './providers/provider.js';
import { composeScenarioSchema, scenarioSchema } from './scenario.js';

const dir = mkdtempSync(join(tmpdir(), 'kyc-sim-root-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const errorOf = (path: string) =>
  loadScenarioFile(path, scenarioSchema).then(
    () => undefined,
    (error: unknown) => error as ScenarioError,
  );

/** The root of kyc-sim's own scenario files: the engine's settings and each provider's section. */
describe('scenario root', () => {
  it('reports a provider section error with its full path', async () => {
    const error = await errorOf(
      file(
        'bad.yaml',
        'yoti:\n  apps:\n    - sdkId: a\n      scenarios:\n        - id: s\n          outcome: {type: explode}\n',
      ),
    );
    expect(error?.path).toBe('yoti.apps[0].scenarios[0].outcome.type');
    expect(error?.reason).toMatch(/complete/);
  });

  it('rejects an unknown section and duplicate ids inside one', async () => {
    expect((await errorOf(file('typo.json', '{"name": "x", "yotti": {}}')))?.reason).toMatch(/yotti/);
    const dup = await errorOf(file('dup.yaml', 'yoti:\n  apps:\n    - sdkId: a\n    - sdkId: a\n'));
    expect(dup?.path).toBe('yoti.apps[1].sdkId');
  });

  it('fills every section with its defaults', async () => {
    const { scenario } = await loadScenarioFile(
      file('min.yaml', 'yoti:\n  apps:\n    - sdkId: a\n      scenarios: [{id: s}]\n'),
      scenarioSchema,
    );
    expect(scenario.yoti.qrBaseUrl).toBe('https://code.yoti.com/');
    expect(scenario.yoti.apps[0].scenarios[0].outcome).toMatchObject({ type: 'complete', afterMs: 3000 });
    expect(scenario.attestr.flows).toEqual([]);
    expect(scenario.biometric.flows).toEqual([]);
  });

  it('is composed from the providers given, each under its name', () => {
    const shop = defineProvider({
      name: 'shop',
      prefix: '/shop',
      scenario: z.object({ open: z.boolean().default(true) }).strict(),
      clientHints: () => [],
      errorResponse: (c, e) => c.json({ oops: e.message }, 500),
      api: { title: 'shop', description: 'a test provider', operations: [] },
      create: () => {
        throw new Error('not started in this test');
      },
    });
    const schema = composeScenarioSchema([shop]);
    expect(schema.parse({})).toEqual({ name: 'unnamed', faults: [], shop: { open: true } });
    expect(() => schema.parse({ yoti: {} })).toThrow(/yoti/);
    expect(() => composeScenarioSchema([shop, shop])).toThrow(/shop is taken/);
    expect(() => composeScenarioSchema([{ ...shop, name: 'faults' }])).toThrow(/faults is taken/);
  });
});
