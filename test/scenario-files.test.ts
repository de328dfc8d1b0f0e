import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioFile } from './support/kiosk.js';
import { admin, useSimulator } from './support/simulator.js';

const SECRET = 'root:x:0:0:the-secret-line:/root:/bin/bash';

/** A folder with the loaded scenario, and next to it a folder the admin API must not read. */
const root = mkdtempSync(join(tmpdir(), 'kyc-sim-confine-'));
const mine = join(root, 'mine');
const elsewhere = join(root, 'elsewhere');
mkdirSync(mine);
mkdirSync(elsewhere);
writeFileSync(join(mine, 'start.yaml'), 'name: start\n');
writeFileSync(join(mine, 'other.json'), '{"name": "other"}');
writeFileSync(join(mine, 'broken.json'), '{"name": "broken",\n  "seed": }');
writeFileSync(join(mine, 'broken.yaml'), 'name: broken\n  seed: [1\n');
writeFileSync(join(elsewhere, 'passwd'), `${SECRET}\n`);
writeFileSync(join(elsewhere, 'secret.yaml'), `${SECRET}\n`);
symlinkSync(join(elsewhere, 'secret.yaml'), join(mine, 'link.yaml'));

const put = (sim: { url: string }, file: string) =>
  fetch(`${sim.url}/__admin/scenario?file=${encodeURIComponent(file)}`, { method: 'PUT' });

describe('PUT /__admin/scenario?file=', () => {
  const sim = useSimulator({ scenario: join(mine, 'start.yaml') });

  it('reads scenario files in the loaded scenario’s folder and the shipped ones', async () => {
    expect((await put(sim(), join(mine, 'other.json'))).status).toBe(200);
    expect((await admin(sim(), 'GET', '/scenario')).scenario.name).toBe('other');
    expect((await put(sim(), scenarioFile('yoti-share-failed.yaml'))).status).toBe(200);
  });

  it('refuses any other file without reading it, and never quotes it', async () => {
    for (const file of [
      join(elsewhere, 'passwd'),
      join(elsewhere, 'secret.yaml'),
      join(mine, '..', 'elsewhere', 'secret.yaml'),
      join(mine, 'link.yaml'), // a symlink out of the folder
      '/etc/passwd',
    ]) {
      const res = await put(sim(), file);
      const text = await res.text();
      expect(res.status, file).toBe(403);
      expect(text).not.toContain('the-secret-line');
      expect(text).not.toContain('root:x');
    }
    expect((await admin(sim(), 'GET', '/scenario')).scenario.name).not.toBe('root');
  });

  it('says which parser failed and where', async () => {
    const json = await (await put(sim(), join(mine, 'broken.json'))).json();
    expect(json.reason).toMatch(/^invalid JSON \(read as JSON: a \.json file\) at line 2, column \d+: /);
    const yaml = await (await put(sim(), join(mine, 'broken.yaml'))).json();
    expect(yaml.reason).toMatch(/^invalid YAML at line \d+, column \d+: [A-Z_]+: /);
    const body = await fetch(`${sim().url}/__admin/scenario`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"name": }',
    });
    expect((await body.json()).reason).toMatch(
      /^invalid JSON \(read as JSON: the text starts with \{ or \[\) at line 1/,
    );
  });
});

describe('scenario size', () => {
  const sim = useSimulator({ scenario: join(mine, 'start.yaml') });

  it('refuses a file over 1 MiB with a message that says so', async () => {
    const big = join(mine, 'big.yaml');
    writeFileSync(big, `name: big\ndescription: "${'x'.repeat(1024 * 1024)}"\n`);
    const res = await put(sim(), big);
    expect(res.status).toBe(400);
    expect((await res.json()).reason).toMatch(
      /^the scenario is \d+ bytes; scenarios are at most 1048576 bytes \(1 MiB\)/,
    );
  });

  it('parses a large YAML scenario off the event loop: other requests are answered meanwhile', async () => {
    const apps = Array.from(
      { length: 6000 },
      (_, i) => `    - sdkId: app-${i}\n      scenarios:\n        - id: s${i}\n          lifetimeMs: 1000\n`,
    ).join('');
    const text = `name: many-apps\nyoti:\n  apps:\n${apps}`;
    expect(text.length).toBeGreaterThan(64 * 1024);
    // The health check is sent after the scenario and must come back before it: on one thread
    // it would wait behind the parse.
    const order: string[] = [];
    const loading = fetch(`${sim().url}/__admin/scenario`, {
      method: 'PUT',
      headers: { 'content-type': 'application/yaml' },
      body: text,
    }).then(async (res) => {
      order.push(`scenario ${res.status}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const health = fetch(`${sim().url}/__admin/health`).then((res) => order.push(`health ${res.status}`));
    await Promise.all([loading, health]);
    expect(order).toEqual(['health 200', 'scenario 200']);
    expect((await admin(sim(), 'GET', '/scenario')).scenario.yoti.apps).toHaveLength(6000);
  }, 60_000);
});
