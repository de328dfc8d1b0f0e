import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { packageRoot } from '../simulator/paths.js';
import { openSocket } from './support/ws.js';
import { requestQr, resolveRef } from './support/yoti-share.js';

// The CLI as users run it: the bundled JavaScript of package.json's bin (`npm test` builds first).
const cli = join(packageRoot, 'dist/bundle/cli.mjs');
const children: ChildProcessWithoutNullStreams[] = [];

function serve(
  args: string[],
  nodeArgs: string[] = [],
): Promise<{ child: ChildProcessWithoutNullStreams; url: string; output: () => string }> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, cli, 'serve', '--port', '0', '--log-level', 'silent', ...args],
    { cwd: mkdtempSync(join(tmpdir(), 'kyc-sim-cli-')) },
  );
  children.push(child);
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', () => {
      const url = /listening on (https?:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url, output: () => output });
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('kyc-sim serve', () => {
  it('prints the base URL and where to point clients, and serves the default scenario on 127.0.0.1', async () => {
    const { url, output } = await serve([]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output()).toContain(`YOTI_API_URL=${url}/yoti/api/v1`);
    // Each official Yoti SDK's own setting (Python takes YOTI_API_URL as a host; Java reads system properties).
    expect(output()).toContain(`YOTI_API_ENDPOINT=${url}/yoti/api/v1`);
    expect(output()).toContain(`-Dyoti.docs.url=${url}/yoti/idverify/v1`);
    expect(output()).toContain(`YOTI_DOC_SCAN_API_URL=${url}/yoti/idverify/v1`);
    expect(output()).toContain('scenario: default');
    const res = await fetch(`${url}/__admin/health`);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('closes websockets with 1001 and exits 0 on SIGTERM', async () => {
    const { child, url } = await serve(['--clock', 'manual']);
    const scenario = await (await fetch(`${url}/__admin/scenario`)).json();
    const app = scenario.scenario.yoti.apps[0];
    const sim = { url } as Parameters<typeof requestQr>[0];
    const { ref_id } = await requestQr(sim, app.sdkId, app.scenarios[0].id);
    const { session_data } = await resolveRef(sim, ref_id);
    const socket = await openSocket(
      `${url.replace('http', 'ws')}/yoti/api/v1.1/connect-sessions/${session_data}`,
    );
    await socket.next();
    const exit = exited(child);
    child.kill('SIGTERM');
    expect((await socket.closed).code).toBe(1001);
    expect(await exit).toBe(0);
  });

  it('keeps as many ended sessions as --max-ended-sessions says, and refuses a limit of 0', async () => {
    const { url } = await serve(['--max-ended-sessions', '1']);
    const scenario = await (await fetch(`${url}/__admin/scenario`)).json();
    const app = scenario.scenario.yoti.apps[0];
    const sim = { url } as Parameters<typeof requestQr>[0];
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { session_data } = await resolveRef(
        sim,
        (await requestQr(sim, app.sdkId, app.scenarios[0].id)).ref_id,
      );
      ids.push(session_data);
      const done = await fetch(`${url}/__admin/sessions/${session_data}/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'fail' }),
      });
      expect(done.status).toBe(200);
    }
    const { sessions } = await (await fetch(`${url}/__admin/sessions`)).json();
    expect(sessions.map((s: { id: string }) => s.id)).toEqual([ids[1]]);
    for (const flag of ['--max-sessions', '--max-ended-sessions']) {
      const refused = spawnSync(process.execPath, [cli, 'serve', flag, '0'], { encoding: 'utf8' });
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain('expected a whole number of at least 1');
    }
  });

  it('fails with file, path and reason for a bad scenario, and does not start', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kyc-sim-')), 'bad.yaml');
    writeFileSync(file, 'yoti:\n  apps:\n    - sdkId: 42\n');
    await expect(serve(['--scenario', file])).rejects.toThrow(/path: +yoti\.apps\[0\]\.sdkId/);
  });
});

describe('the last-resort handlers of kyc-sim serve', () => {
  it('log an uncaught exception and an unhandled rejection, and keep serving', async () => {
    // Stands in for a bug in some background path of the process: on SIGUSR2 it throws outside
    // any try and leaves a rejected promise unhandled, as a fire-and-forget function would.
    const preload = join(mkdtempSync(join(tmpdir(), 'kyc-sim-bug-')), 'background-bug.mjs');
    writeFileSync(
      preload,
      `process.on('SIGUSR2', () => {
        setImmediate(() => { throw new Error('a bug in a background path'); });
        Promise.reject(new Error('a rejected background promise'));
      });`,
    );
    const { child, url, output } = await serve(['--log-level', 'error'], ['--import', preload]);
    child.kill('SIGUSR2');
    await vi.waitFor(
      () => {
        expect(output()).toContain('uncaught exception; still serving');
        expect(output()).toContain('a bug in a background path');
        expect(output()).toContain('unhandled rejection; still serving');
        expect(output()).toContain('a rejected background promise');
      },
      { timeout: 10_000 },
    );
    expect(child.exitCode).toBeNull();
    expect(await (await fetch(`${url}/__admin/health`)).json()).toEqual({ status: 'ok' });
  });
});

describe('kyc-sim serve --verbose', () => {
  it('prints a line per request on stdout', async () => {
    const { url, output } = await serve(['--verbose']);
    await fetch(`${url}/yoti/api/v1.1/qrcodes/refs/unknown-ref`);
    await vi.waitFor(() =>
      expect(output()).toMatch(/GET +\/yoti\/api\/v1\.1\/qrcodes\/refs\/unknown-ref {2}→ 404 {2}\d+ ms/),
    );
  });
});

describe('kyc-sim serve --https', () => {
  it('listens on https and prints where the CA is and how to trust it', async () => {
    const { url, output } = await serve(['--https-host', 'kiosk.lan']);
    await vi.waitFor(() => expect(output()).toContain('Certificate Trust Settings'));
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const caPath = /CA certificate: (\S+ca\.pem)/.exec(output())?.[1];
    expect(caPath).toMatch(/\.kyc-sim\/tls\/ca\.pem$/);
    expect(output()).toContain('covers localhost, 127.0.0.1, ::1, kiosk.lan');
    expect(output()).toContain(`NODE_EXTRA_CA_CERTS=${caPath}`);
    expect(output()).toContain(`curl --cacert ${caPath} ${url}/__admin/health`);
    expect(output()).toMatch(/Android: .*\n.*network_security_config/);
    expect(output()).toMatch(/iOS: .*Certificate Trust Settings/s);
  });
});

describe('kyc-sim keys (a command the Yoti provider adds)', () => {
  it('writes a key pair the Yoti SDK signs with and a scenario registers, and never overwrites one', () => {
    const out = mkdtempSync(join(tmpdir(), 'kyc-sim-keys-'));
    const run = spawnSync(process.execPath, [cli, 'keys', '--out', out], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`wrote ${join(out, 'key.pem')} (give it to the Yoti SDK)`);
    const privateKey = createPrivateKey(readFileSync(join(out, 'key.pem')));
    const publicKey = createPublicKey(readFileSync(join(out, 'public.pem')));
    expect(readFileSync(join(out, 'key.pem'), 'utf8')).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    const signature = sign('sha256', Buffer.from('GET&/sessions'), privateKey);
    expect(verify('sha256', Buffer.from('GET&/sessions'), publicKey, signature)).toBe(true);

    const again = spawnSync(process.execPath, [cli, 'keys', '--out', out], { encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('exists already; choose another --out folder');
    expect(spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' }).stdout).toMatch(
      /keys \[options\] +write a new Yoti app key pair/,
    );
  });
});

describe('shipped scenarios by name', () => {
  it('serves one from any working directory, and lists them with `kyc-sim scenarios`', async () => {
    const { url, output } = await serve(['--scenario', 'yoti-share-timed-out']);
    expect(output()).toContain('scenario: yoti-share-timed-out');
    expect((await (await fetch(`${url}/__admin/scenario`)).json()).scenario.name).toBe(
      'yoti-share-timed-out',
    );
    const listed = spawnSync(process.execPath, [cli, 'scenarios'], { encoding: 'utf8' }).stdout.split('\n');
    expect(listed).toContain('yoti-share-timed-out');
    expect(listed).toContain('default');
    expect(listed).not.toContain('scenario.schema');
  });

  it('names the shipped ones when neither a file nor a shipped scenario has that name', async () => {
    await expect(serve(['--scenario', 'yoti-share-faild'])).rejects.toThrow(
      /no such file, and no shipped scenario of that name \(shipped: .*yoti-share-failed/,
    );
  });

  it('prints the package version with --version', () => {
    const run = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
    const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
    expect(run.stdout.trim()).toBe(version);
  });
});

describe('kyc-sim validate', () => {
  it('accepts every shipped scenario', () => {
    const files = spawnSync('sh', ['-c', 'ls scenarios/*.yaml'], { cwd: packageRoot, encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean);
    const run = spawnSync(process.execPath, [cli, 'validate', ...files], {
      cwd: packageRoot,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(files.length);
  });

  it('exits non-zero at the first bad file with file, path and reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kyc-sim-'));
    writeFileSync(join(dir, 'good.yaml'), 'name: fine\n');
    writeFileSync(
      join(dir, 'bad.json'),
      '{"faults": [{"type": "error", "match": {"path": "/x"}, "status": 200}]}',
    );
    const run = spawnSync(
      process.execPath,
      [cli, 'validate', join(dir, 'good.yaml'), join(dir, 'bad.json')],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('ok  ');
    expect(run.stderr).toContain(`file:   ${join(dir, 'bad.json')}`);
    expect(run.stderr).toContain('path:   faults[0].status');
    expect(run.stderr).toMatch(/reason: .*400/);
  });
});
