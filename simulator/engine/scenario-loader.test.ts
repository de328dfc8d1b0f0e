import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../scenario.js';
import { loadScenarioFile, ScenarioError } from './scenario-loader.js';

const dir = mkdtempSync(join(tmpdir(), 'kyc-sim-scenario-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function errorOf(path: string): Promise<ScenarioError> {
  try {
    await loadScenarioFile(path, scenarioSchema);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

describe('scenario loader', () => {
  it('names file, path and reason for a schema error', async () => {
    const path = file(
      'bad.yaml',
      'yoti:\n  apps:\n    - sdkId: a\n      scenarios:\n        - id: s\n          outcome: {type: explode}\n',
    );
    const error = await errorOf(path);
    expect(error.file).toBe(path);
    expect(error.path).toBe('yoti.apps[0].scenarios[0].outcome.type');
    expect(error.reason).toMatch(/complete/);
  });

  it('reports YAML syntax errors with line and column', async () => {
    const error = await errorOf(file('syntax.yaml', 'name: x\nyoti: [unclosed\n'));
    expect(error.reason).toMatch(/invalid YAML at line \d+, column \d+/);
  });

  it('reads JSON as well, and rejects unknown top-level sections', async () => {
    const error = await errorOf(file('typo.json', '{"name": "x", "yotti": {}}'));
    expect(error.reason).toMatch(/yotti/);
  });

  it('rejects duplicate ids', async () => {
    const error = await errorOf(file('dup.yaml', 'yoti:\n  apps:\n    - sdkId: a\n    - sdkId: a\n'));
    expect(error.path).toBe('yoti.apps[1].sdkId');
  });

  it('reports a missing file', async () => {
    const error = await errorOf(join(dir, 'nope.yaml'));
    expect(error.reason).toMatch(/ENOENT/);
  });

  it('fills defaults for a minimal file', async () => {
    const { scenario } = await loadScenarioFile(
      file('min.yaml', 'yoti:\n  apps:\n    - sdkId: a\n      scenarios: [{id: s}]\n'),
      scenarioSchema,
    );
    expect(scenario.yoti.qrBaseUrl).toBe('https://code.yoti.com/');
    expect(scenario.yoti.apps[0].scenarios[0].outcome).toMatchObject({
      type: 'complete',
      afterMs: 3000,
      profile: {},
    });
  });
});
