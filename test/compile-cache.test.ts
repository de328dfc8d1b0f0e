import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../simulator/paths.js';

// The command as users run it (`npm test` builds first): the loader that runs the CLI bundle
// through V8's code cache.
const cli = join(packageRoot, 'dist/bundle/cli.mjs');

/** `kyc-sim scenarios` with the cache in `dir` (or turned off): its output, failing loudly. */
function listScenarios(env: NodeJS.ProcessEnv): string {
  const result = spawnSync(process.execPath, [cli, 'scenarios'], {
    encoding: 'utf8',
    env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '', ...env },
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`exited ${result.status}: ${result.stdout}${result.stderr}`);
  return result.stdout;
}

const cacheFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.bin'));

describe('the compile cache of the kyc-sim command', { timeout: 120_000 }, () => {
  it('keeps the code a command compiled, and a later run takes it as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kyc-sim-cache-'));
    const first = listScenarios({ NODE_COMPILE_CACHE: dir });
    expect(first).toContain('default');
    const [file] = cacheFiles(dir);
    expect(file).toMatch(/^scenarios-[0-9a-f]{8}\.bin$/);
    const written = statSync(join(dir, file));
    expect(written.size).toBeGreaterThan(0);
    // V8 took the cache: a refused one would have been written anew.
    expect(listScenarios({ NODE_COMPILE_CACHE: dir })).toBe(first);
    expect(cacheFiles(dir)).toEqual([file]);
    expect(statSync(join(dir, file)).mtimeMs).toBe(written.mtimeMs);
  });

  it('runs from a cache V8 refuses, and replaces it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kyc-sim-cache-'));
    const expected = listScenarios({ NODE_COMPILE_CACHE: dir });
    const [file] = cacheFiles(dir);
    // The file's first line says which build of the bundle it is for; the code after it is spoilt.
    const kept = readFileSync(join(dir, file));
    const garbage = Buffer.concat([kept.subarray(0, kept.indexOf('\n') + 1), Buffer.alloc(4096, 7)]);
    writeFileSync(join(dir, file), garbage);
    expect(listScenarios({ NODE_COMPILE_CACHE: dir })).toBe(expected);
    expect(readFileSync(join(dir, file)).equals(garbage)).toBe(false);
  });

  it('writes nothing with NODE_DISABLE_COMPILE_CACHE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kyc-sim-cache-'));
    expect(listScenarios({ NODE_COMPILE_CACHE: dir, NODE_DISABLE_COMPILE_CACHE: '1' })).toContain('default');
    expect(cacheFiles(dir)).toEqual([]);
  });
});
