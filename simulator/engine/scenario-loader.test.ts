import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadScenarioFile, ScenarioError } from './scenario-loader.js';

/** A schema of the engine test's own: engine tests never load providers' sections. */
const itemSchema = z.object({ id: z.string(), outcome: z.enum(['pass', 'fail']).default('pass') }).strict();
const testSchema = z
  .object({
    name: z.string().default('unnamed'),
    shop: z
      .object({ url: z.string().default('https://shop.example/'), items: z.array(itemSchema).default([]) })
      .strict()
      .prefault({}),
  })
  .strict();

const dir = mkdtempSync(join(tmpdir(), 'kyc-sim-scenario-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function errorOf(path: string): Promise<ScenarioError> {
  try {
    await loadScenarioFile(path, testSchema);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

describe('scenario loader', () => {
  it('names file, path and reason for a schema error', async () => {
    const path = file('bad.yaml', 'shop:\n  items:\n    - id: a\n      outcome: explode\n');
    const error = await errorOf(path);
    expect(error.file).toBe(path);
    expect(error.path).toBe('shop.items[0].outcome');
    expect(error.reason).toMatch(/pass/);
    expect(error.message).toBe(`${path}: shop.items[0].outcome: ${error.reason}`);
  });

  it('reports YAML syntax errors with line and column', async () => {
    const error = await errorOf(file('syntax.yaml', 'name: x\nshop: [unclosed\n'));
    expect(error.reason).toMatch(/invalid YAML at line \d+, column \d+/);
  });

  it('reads JSON as well, and rejects unknown top-level sections', async () => {
    const error = await errorOf(file('typo.json', '{"name": "x", "shopp": {}}'));
    expect(error.reason).toMatch(/shopp/);
  });

  it('reports invalid JSON', async () => {
    const error = await errorOf(file('broken.json', '{"name": '));
    expect(error.reason).toMatch(/^invalid JSON/);
  });

  it('reports a missing file', async () => {
    const error = await errorOf(join(dir, 'nope.yaml'));
    expect(error.reason).toMatch(/ENOENT/);
  });

  it('fills defaults for a minimal file', async () => {
    const { scenario, baseDir } = await loadScenarioFile(
      file('min.yaml', 'shop:\n  items:\n    - id: a\n'),
      testSchema,
    );
    expect(scenario).toEqual({
      name: 'unnamed',
      shop: { url: 'https://shop.example/', items: [{ id: 'a', outcome: 'pass' }] },
    });
    expect(baseDir).toBe(dir);
  });
});
