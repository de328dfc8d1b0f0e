import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { scenariosDir } from '../simulator/paths.js';
import type { RunningSimulator } from '../simulator/server.js';
import { admin, useSimulator } from './support/simulator.js';
import { type Any, sessionAction, shareSessionConfig, yoti } from './support/yoti-digital-id.js';
import { downloadKey } from './support/yoti-profile.js';

const SDK = '8b1f0a2e-6c3d-4f5a-9b7e-2d4c6a8e0f13';

/** One shipped scenario on the manual clock; returns the SDK client and a session scanned at t0. */
function useShipped(file: string) {
  const sim = useSimulator({
    scenario: join(scenariosDir, file),
    clock: 'manual',
    stateDir: mkdtempSync(join(tmpdir(), 'kyc-sim-state-')),
  });
  const start = async () => {
    const client = new yoti.DigitalIdentityClient(SDK, await downloadKey(sim(), SDK), {
      apiUrl: `${sim().url}/yoti/share`,
    });
    const { id } = await client.createShareSession(shareSessionConfig());
    await client.createShareQrCode(id);
    await sessionAction(sim(), id, 'scan');
    return { client, id };
  };
  return { sim, start };
}

const advance = (sim: RunningSimulator, ms: number) => admin(sim, 'POST', '/clock/advance', { ms });
const settled = (client: Any, id: string, status: string) =>
  vi.waitFor(
    async () => {
      const session = await client.getShareSession(id);
      expect(session.getStatus()).toBe(status);
      return session;
    },
    { timeout: 5_000, interval: 20 },
  );

describe('shipped scenario yoti-digital-id-completed.yaml', () => {
  const { sim, start } = useShipped('yoti-digital-id-completed.yaml');
  it('completes 3 s after the scan; the receipt has the scripted profile', async () => {
    const { client, id } = await start();
    await advance(sim(), 3_000);
    const session = await settled(client, id, 'COMPLETED');
    const profile = (await client.getShareReceipt(session.getReceiptId())).getProfile();
    expect(profile.getFullName().getValue()).toBe('Alex Example');
    expect(profile.getEmailAddress().getValue()).toBe('alex@example.com');
    expect(profile.findAgeOverVerification(18).getValue().getResult()).toBe(true);
  });
});

describe('shipped scenario yoti-digital-id-declined.yaml', () => {
  const { sim, start } = useShipped('yoti-digital-id-declined.yaml');
  it('is CANCELLED 2 s after the scan, without a receipt', async () => {
    const { client, id } = await start();
    await advance(sim(), 2_000);
    expect((await settled(client, id, 'CANCELLED')).getReceiptId()).toBeUndefined();
  });
});

describe('shipped scenario yoti-digital-id-expired.yaml', () => {
  const { sim, start } = useShipped('yoti-digital-id-expired.yaml');
  it('stays IN_PROGRESS, then EXPIRES 5 minutes after creation', async () => {
    const { client, id } = await start();
    await advance(sim(), 299_999);
    expect((await client.getShareSession(id)).getStatus()).toBe('IN_PROGRESS');
    await advance(sim(), 1);
    await settled(client, id, 'EXPIRED');
  });
});

describe('shipped scenario yoti-digital-id-failure-receipt.yaml', () => {
  const { sim, start } = useShipped('yoti-digital-id-failure-receipt.yaml');
  it('FAILS 3 s after the scan with the error and its reason', async () => {
    const { client, id } = await start();
    await advance(sim(), 3_000);
    const receipt = await client.getShareReceipt((await settled(client, id, 'FAILED')).getReceiptId());
    expect(receipt.getError()).toBe('MANDATORY_DOCUMENT_NOT_PROVIDED');
    expect(receipt.getErrorReason().requirementsNotMetDetails[0]).toMatchObject({
      failureType: 'ID_DOCUMENT_EXTRACTION',
      documentType: 'PASSPORT',
      details: 'NOT_APPLICABLE_FOR_SCHEME',
    });
  });
});
