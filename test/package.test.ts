import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, type PackedInstall } from './support/packed.js';

// kyc-sim as a user gets it: `npm pack`, installed from the tarball in a new project (offline,
// from the npm cache), used from there — never through this repository's files.
let consumer: PackedInstall;
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(() => {
  consumer = installPacked(['typescript', '@types/node', 'yoti']);
}, 180_000);

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  if (consumer) rmSync(consumer.dir, { recursive: true, force: true });
});

/** Runs a command in the consumer project (or a folder of it) and returns its stdout; fails loudly. */
function run(command: string, args: string[], folder = consumer.dir): string {
  const result = spawnSync(command, args, { cwd: folder, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} → ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const runModule = (script: string, folder = consumer.dir) =>
  run(process.execPath, ['--input-type=module', '-e', script], folder);

// Each step starts node, npx or tsc in the new project: seconds each, more on a busy machine.
describe('the packed tarball', { timeout: 120_000 }, () => {
  it('ships what a user runs and nothing of the development tree', () => {
    const { files } = consumer;
    expect(files).toContain('dist/bundle/cli.mjs');
    expect(files).toContain('dist/bundle/cli.cjs');
    expect(files).toContain('dist/simulator/index.d.ts');
    expect(files).toContain('dist/clients/yoti-share/index.js');
    expect(files).toContain('cjs/index.cjs');
    expect(files).toContain('scenarios/yoti-share-failed.yaml');
    expect(files).toContain('proto/qrpubapi_v1.proto');
    expect(files).toContain('simulator/admin/ui/assets/main.js');
    const unwanted = files.filter((f) =>
      /(^|\/)(test|contracts|bench|\.ci|tools)\/|\.test\.|\.map$|\.pem$|\.png$|^docs\/images|^biome|^tsconfig|^vitest|\.ts$/.test(
        f.replace(/\.d\.ts$/, '.d'),
      ),
    );
    expect(unwanted).toEqual([]);
  });

  it('answers `npx kyc-sim --version` with the package version', () => {
    expect(run('npx', ['kyc-sim', '--version']).trim()).toBe(consumer.version);
  });

  it('serves a shipped scenario by name from the CLI', async () => {
    const child = spawn(
      'npx',
      ['--no', 'kyc-sim', 'serve', '--port', '0', '--scenario', 'yoti-share-failed'],
      {
        cwd: consumer.dir,
      },
    );
    children.push(child);
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const found = /listening on (\S+)/.exec(output)?.[1];
        if (found) resolve(found);
      });
      child.stderr.on('data', (chunk) => {
        output += chunk;
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    const loaded = await (await fetch(`${url}/__admin/scenario`)).json();
    expect(loaded.scenario.name).toBe('yoti-share-failed');
    child.kill('SIGTERM');
  });

  it('runs the library from another folder, with the default scenario and a shipped one by name', () => {
    const elsewhere = join(consumer.dir, 'tests', 'e2e');
    mkdirSync(elsewhere, { recursive: true });
    const out = runModule(
      `
      import { startSimulator } from 'kyc-sim';
      const names = [];
      for (const scenario of [undefined, 'yoti-share-failed']) {
        const sim = await startSimulator({ scenario, logLevel: 'silent' });
        names.push((await (await fetch(sim.url + '/__admin/scenario')).json()).scenario.name);
        await sim.close();
      }
      console.log(JSON.stringify(names));
      `,
      elsewhere,
    );
    expect(JSON.parse(out)).toEqual(['default', 'yoti-share-failed']);
  });

  it('starts from CommonJS (require, as Jest does by default) as a child process', () => {
    const out = run(process.execPath, [
      '-e',
      `
      const { startSimulator } = require('kyc-sim');
      (async () => {
        const sim = await startSimulator({ scenario: 'yoti-share-failed', clock: 'manual' });
        const loaded = await (await fetch(sim.url + '/__admin/scenario')).json();
        await sim.close();
        console.log(JSON.stringify({ name: loaded.scenario.name, url: sim.url }));
      })();
      `,
    ]);
    const { name, url } = JSON.parse(out);
    expect(name).toBe('yoti-share-failed');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('type-checks strictly without skipLibCheck, from ES modules and CommonJS', () => {
    writeFileSync(
      join(consumer.dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          skipLibCheck: false,
          noEmit: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          types: ['node'],
        },
        include: ['check.mts', 'check.cts'],
      }),
    );
    writeFileSync(
      join(consumer.dir, 'check.mts'),
      `
      import { type RunningSimulator, startSimulator } from 'kyc-sim';
      import { YotiShareClient } from 'kyc-sim/clients/yoti-share';
      import { YotiIdvClient } from 'kyc-sim/clients/yoti-idv';
      import { startYotiBackend } from 'kyc-sim/clients/yoti-share-backend';
      import { BiometricClient } from 'kyc-sim/clients/biometric';
      import { hmacHex } from 'kyc-sim/clients/attestr';
      const sim: RunningSimulator = await startSimulator({ scenario: 'yoti-share-failed', clock: 'manual' });
      const url: string = sim.url;
      export const used = [url, YotiShareClient, YotiIdvClient, startYotiBackend, BiometricClient, hmacHex];
      `,
    );
    writeFileSync(
      join(consumer.dir, 'check.cts'),
      `
      import kycSim = require('kyc-sim');
      export const started: Promise<{ url: string; close(): Promise<void> }> = kycSim.startSimulator({ seed: 1 });
      `,
    );
    run(join(consumer.dir, 'node_modules', '.bin', 'tsc'), ['-p', '.']);
  });

  it('exports the reference clients as kyc-sim/clients/<name>', () => {
    const out = runModule(`
      const names = ['yoti-share', 'yoti-share-backend', 'yoti-idv', 'attestr', 'biometric'];
      const exported = {};
      for (const name of names) exported[name] = Object.keys(await import('kyc-sim/clients/' + name)).sort();
      console.log(JSON.stringify(exported));
    `);
    const exported = JSON.parse(out);
    expect(exported['yoti-share']).toContain('YotiShareClient');
    expect(exported['yoti-share-backend']).toContain('startYotiBackend');
    expect(exported['yoti-idv']).toContain('YotiIdvClient');
    expect(exported.attestr).toContain('hmacHex');
    expect(exported.biometric).toContain('BiometricClient');
  });
});
