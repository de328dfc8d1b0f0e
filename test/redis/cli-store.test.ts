import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { packageRoot } from '../../simulator/paths.js';
import { describeWithRedis, freshPrefix } from '../support/redis-server.js';
import { requestQr, resolveRef } from '../support/yoti-share.js';

// Replicas as users start them: the bundled CLI (`npm test` builds first), one process each.
const cli = join(packageRoot, 'dist/bundle/cli.mjs');
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

/** Runs `kyc-sim serve` until it prints its URL (resolves) or exits (rejects with its output). */
function replica(args: string[], env: Record<string, string> = {}): Promise<{ url: string; output: string }> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--log-level', 'silent', ...args], {
    cwd: mkdtempSync(join(tmpdir(), 'kyc-sim-replica-')),
    env: { ...process.env, ...env },
  });
  running.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url && output.includes('QA console')) resolve({ url, output });
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(Object.assign(new Error(output), { code })));
  });
}

describeWithRedis('kyc-sim serve --store redis://', (redis) => {
  it('two processes, one given --store and one KYC_SIM_STORE, share sessions', async () => {
    const store = `${redis().url}/0?prefix=${freshPrefix()}`;
    const a = await replica(['--store', store, '--scenario', 'default']);
    const b = await replica(['--scenario', 'default'], { KYC_SIM_STORE: store });
    expect(a.output).toMatch(/store: redis:\/\/127\.0\.0\.1:\d+\/0 prefix t\S+, replica 1/);
    expect(b.output).toMatch(/replica 2/);
    const { scenario } = await (await fetch(`${a.url}/__admin/scenario`)).json();
    const app = scenario.yoti.apps[0];
    const qr = await requestQr({ url: a.url } as never, app.sdkId, app.scenarios[0].id);
    const ref = await resolveRef({ url: b.url } as never, qr.ref_id);
    expect(ref.session_data).toMatch(/^[A-Za-z0-9]{8}-/);
  });

  it('says what is wrong with a store URL, and which Redis it cannot reach', async () => {
    await expect(replica(['--store', 'redis://127.0.0.1:1/db'])).rejects.toThrow(
      /--store redis:\/\/127\.0\.0\.1:1\/db: the path is a database number/,
    );
    await expect(replica(['--store', 'memcached://127.0.0.1:11211'])).rejects.toThrow(
      /only redis:\/\/ and rediss:\/\/ stores are supported/,
    );
    await expect(replica(['--store', 'redis://user:secret@127.0.0.1:1'])).rejects.toThrow(
      /cannot reach Redis at redis:\/\/user:\*\*\*@127\.0\.0\.1:1/,
    );
  });
});
