import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { packageRoot } from '../simulator/paths.js';

it("is importable by package name as `import { startSimulator } from 'kyc-sim'`", () => {
  const script = `
    import { startSimulator } from 'kyc-sim';
    const sim = await startSimulator({ logLevel: 'silent' });
    const health = await (await fetch(sim.url + '/__admin/health')).json();
    console.log(JSON.stringify({ url: sim.url, health }));
    await sim.close();
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: packageRoot,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  const out = JSON.parse(run.stdout);
  expect(out.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(out.health).toEqual({ status: 'ok' });
});
