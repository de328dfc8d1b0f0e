import { execFile } from 'node:child_process';
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../simulator/paths.js';
import { startSimulator } from '../simulator/server.js';
import { launchChromium, useChromium } from './support/browser.js';
import { SCENARIO_ID, SDK_ID, shareScenario } from './support/kiosk.js';
import { useSimulator } from './support/simulator.js';

// --https: a local CA in the state folder, a server certificate from it, and real TLS clients
// (Node with NODE_EXTRA_CA_CERTS, the kiosk client over wss, Chromium) that trust only that CA.
const stateDir = mkdtempSync(join(tmpdir(), 'kyc-sim-https-'));
const sim = useSimulator({
  https: true,
  httpsHosts: ['kyc-sim.test'],
  stateDir,
  scenario: shareScenario({ type: 'complete', afterMs: 0 }),
});
const caPath = join(stateDir, 'tls', 'ca.pem');
const run = promisify(execFile);

/** Runs Node in a child process, trusting the CA the way the README says (or not at all). */
const nodeWith = (args: string[], trustCa: boolean) =>
  run(process.execPath, args, {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: trustCa ? caPath : '' },
    timeout: 30_000,
  });

const fetchScript = (url: string) =>
  `fetch(${JSON.stringify(url)}).then(async (r) => console.log(r.status, await r.text()), (e) => { console.log('failed', e.cause?.code); process.exit(2); })`;

describe('kyc-sim --https', () => {
  it('serves HTTPS that Node fetch trusts with NODE_EXTRA_CA_CERTS, and that it refuses without the CA', async () => {
    expect(sim().url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sim().tls?.caPath).toBe(caPath);
    const trusted = await nodeWith(['-e', fetchScript(`${sim().url}/__admin/health`)], true);
    expect(trusted.stdout.trim()).toBe('200 {"status":"ok"}');
    const untrusted = await nodeWith(['-e', fetchScript(`${sim().url}/__admin/health`)], false).catch(
      (e) => e,
    );
    expect(untrusted.stdout).toMatch(/failed (UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN)/);
  });

  it('presents a certificate for localhost, 127.0.0.1, ::1 and each --https-host, issued by the CA', async () => {
    const ca = readFileSync(caPath, 'utf8');
    const peer = await new Promise<X509Certificate>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: sim().port, ca, servername: 'kyc-sim.test' }, () => {
        if (!socket.authorized) reject(socket.authorizationError);
        resolve(socket.getPeerX509Certificate() as X509Certificate);
        socket.end();
      });
      socket.on('error', reject);
    });
    const caCert = new X509Certificate(ca);
    expect(peer.checkIssued(caCert)).toBe(true);
    expect(peer.verify(caCert.publicKey)).toBe(true);
    expect(caCert.ca).toBe(true);
    expect(peer.ca).toBe(false);
    const names = peer.subjectAltName?.split(', ') ?? [];
    expect(names).toEqual(
      expect.arrayContaining([
        'DNS:localhost',
        'IP Address:127.0.0.1',
        'IP Address:0:0:0:0:0:0:0:1',
        'DNS:kyc-sim.test',
      ]),
    );
    expect(peer.checkHost('kyc-sim.test')).toBe('kyc-sim.test');
    expect(peer.checkHost('example.com')).toBeUndefined();
  });

  it('keeps the CA in the state folder: a second start reuses it', async () => {
    expect(sim().tls?.caCreated).toBe(true);
    const again = await startSimulator({ https: true, stateDir, logLevel: 'silent' });
    try {
      expect(again.tls?.caCreated).toBe(false);
      expect(again.tls?.caCert).toBe(readFileSync(caPath, 'utf8'));
    } finally {
      await again.close();
    }
  });

  it('carries a whole kiosk share over HTTPS and wss:// (the kiosk client trusting the CA)', async () => {
    const kiosk = join(packageRoot, 'dist/clients/yoti-share/cli.js');
    const args = [kiosk, '--base', `${sim().url}/yoti`, '--sdk-id', SDK_ID, '--scenario-id', SCENARIO_ID];
    const { stdout } = await nodeWith([...args, '--no-callback'], true);
    expect(stdout).toContain('websocket: ACCEPTED');
    expect(stdout).toContain('websocket: COMPLETED');
    const opened = sim().runtime.journal.query({ kind: 'ws-open' });
    expect(opened.map((entry) => entry.path)).toContainEqual(
      expect.stringMatching(/^\/yoti\/api\/v1\.1\/connect-sessions\//),
    );
  });
});

describe('Chromium and --https', () => {
  const spki = () =>
    createHash('sha256')
      .update(createPublicKey(readFileSync(caPath)).export({ type: 'spki', format: 'der' }))
      .digest('base64');
  const browser = useChromium();

  it('trusts the CA by its SPKI hash: loads the console and runs the share socket over wss://', async () => {
    const trusting = await launchChromium([`--ignore-certificate-errors-spki-list=${spki()}`]);
    try {
      const page = await trusting.newPage();
      await page.goto(`${sim().url}/__admin/ui`);
      await expect(page.title()).resolves.toMatch(/kyc-sim/);
      const heard = await page.evaluate(
        async ({ sdkId, scenarioId }) => {
          const qr = await (
            await fetch(`/yoti/api/v1.1/sessions/apps/${sdkId}/scenarios/${scenarioId}`)
          ).json();
          const ref = await (await fetch(`/yoti/api/v1.1/qrcodes/refs/${qr.ref_id}`)).json();
          const socket = new WebSocket(
            `wss://${location.host}/yoti/api/v1.1/connect-sessions/${ref.session_data}`,
          );
          const messages: string[] = [];
          await new Promise((resolve) => {
            socket.onmessage = (event) => messages.push(JSON.parse(event.data).status);
            socket.onclose = resolve;
          });
          return messages;
        },
        { sdkId: SDK_ID, scenarioId: SCENARIO_ID },
      );
      expect(heard).toEqual(['ACCEPTED', 'COMPLETED']);
    } finally {
      await trusting.close();
    }
  });

  it('refuses the page without that trust', async () => {
    const page = await browser().newPage();
    await expect(page.goto(`${sim().url}/__admin/ui`)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);
    await page.close();
  });
});
