import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeYotiKeyPair } from '../simulator/providers/yoti/auth/key-pair.js';
import { startSimulator } from '../simulator/server.js';
import { admin } from './support/simulator.js';

const DEV_APP = '8b1f0a2e-6c3d-4f5a-9b7e-2d4c6a8e0f13';

describe('Yoti apps and keys', () => {
  it('generates the default app key pair on first start, keeps it, and serves the private key', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'kyc-sim-state-'));
    const first = await startSimulator({ port: 0, logLevel: 'silent', stateDir });
    let pem: string;
    try {
      const { apps } = await admin(first, 'GET', '/yoti/apps');
      const dev = apps.find((a: { sdkId: string }) => a.sdkId === DEV_APP);
      expect(dev.key.source).toBe('generated');
      expect(dev.key.privateKeyUrl).toBe(`${first.url}/__admin/yoti/apps/${DEV_APP}/key.pem`);
      const res = await fetch(dev.key.privateKeyUrl);
      expect(res.status).toBe(200);
      pem = await res.text();
      expect(pem).toContain('-----BEGIN RSA PRIVATE KEY-----');
      expect(readFileSync(join(stateDir, 'yoti', `${DEV_APP}.pem`), 'utf8')).toBe(pem);
      // The listed public key is the one that goes with the downloaded private key.
      const derived = createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'pem' });
      expect(dev.key.publicKey).toBe(derived);
    } finally {
      await first.close();
    }
    const second = await startSimulator({ port: 0, logLevel: 'silent', stateDir });
    try {
      const res = await fetch(`${second.url}/__admin/yoti/apps/${DEV_APP}/key.pem`);
      expect(await res.text()).toBe(pem);
    } finally {
      await second.close();
    }
  });

  it('registers a public key from a file next to the scenario and never serves a private key for it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kyc-sim-keys-'));
    const { publicPath, privatePath } = await writeYotiKeyPair(dir);
    expect(readFileSync(privatePath, 'utf8')).toContain('PRIVATE KEY');
    const scenarioFile = join(dir, 'scenario.json');
    writeFileSync(
      scenarioFile,
      JSON.stringify({ yoti: { apps: [{ sdkId: 'pk-app', publicKey: 'public.pem' }] } }),
    );
    const sim = await startSimulator({ port: 0, logLevel: 'silent', scenario: scenarioFile, stateDir: dir });
    try {
      const { apps } = await admin(sim, 'GET', '/yoti/apps');
      expect(apps[0].key).toMatchObject({
        source: 'file',
        path: publicPath,
        publicKey: readFileSync(publicPath, 'utf8'),
      });
      expect(apps[0].key.privateKeyUrl).toBeUndefined();
      const res = await fetch(`${sim.url}/__admin/yoti/apps/pk-app/key.pem`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('PRIVATE KEY');
    } finally {
      await sim.close();
    }
  });

  it('refuses to start with a publicKey path that does not exist, naming the app and the path', async () => {
    const start = startSimulator({
      port: 0,
      logLevel: 'silent',
      scenario: { yoti: { apps: [{ sdkId: 'lost', publicKey: 'no/such/key.pem' }] } },
    });
    await expect(start).rejects.toThrow(/lost.*no\/such\/key\.pem/);
  });

  it('keeps an in-memory key pair across a reset, so a downloaded key.pem stays valid', async () => {
    const sim = await startSimulator({
      port: 0,
      logLevel: 'silent',
      scenario: { yoti: { apps: [{ sdkId: 'mem-app' }] } },
    });
    try {
      const key = () => fetch(`${sim.url}/__admin/yoti/apps/mem-app/key.pem`).then((r) => r.text());
      const before = await key();
      expect(before).toContain('PRIVATE KEY');
      expect((await admin(sim, 'GET', '/yoti/apps')).apps[0].key.source).toBe('ephemeral');
      await admin(sim, 'POST', '/reset');
      expect(await key()).toBe(before);
    } finally {
      await sim.close();
    }
  });

  it('kyc-sim keys refuses to overwrite an existing key pair', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kyc-sim-keys-'));
    await writeYotiKeyPair(dir);
    await expect(writeYotiKeyPair(dir)).rejects.toThrow(/exists already/);
  });
});
