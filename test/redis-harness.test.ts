import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../simulator/paths.js';

/**
 * The Redis suites without a redis-server: skipped with the reason on a developer's machine,
 * failing under CI (so a CI run can never pass by skipping them). Runs vitest on one suite with
 * REDIS_SERVER naming nothing.
 */
function runStoreSuite(ci: boolean) {
  const env: NodeJS.ProcessEnv = { ...process.env, REDIS_SERVER: '/nonexistent/redis-server' };
  delete env.CI;
  if (ci) env.CI = 'true';
  const run = spawnSync(
    process.execPath,
    [
      join(packageRoot, 'node_modules/vitest/vitest.mjs'),
      'run',
      'test/redis/store.test.ts',
      '--reporter=verbose',
    ],
    { cwd: packageRoot, env, encoding: 'utf8', timeout: 120_000 },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the Redis suites without a redis-server', () => {
  // A whole vitest run each: slower than a unit test, more so on a busy CI machine.
  it('are skipped with the reason when CI is not set', { timeout: 120_000 }, () => {
    const { status, output } = runStoreSuite(false);
    expect(status).toBe(0);
    expect(output).toContain('skipped: REDIS_SERVER=/nonexistent/redis-server is not an executable file');
    expect(output).not.toMatch(/\d+ passed/);
  });

  it('fail under CI', { timeout: 120_000 }, () => {
    const { status, output } = runStoreSuite(true);
    expect(status).toBe(1);
    expect(output).toContain('CI must run the Redis suites: REDIS_SERVER=/nonexistent/redis-server');
  });
});
