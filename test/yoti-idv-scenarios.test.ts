import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dbsExampleSession, YotiIdvClient } from '../clients/yoti-idv/index.js';
import { scenariosDir } from '../simulator/paths.js';
import { type RunningSimulator, startSimulator } from '../simulator/server.js';
import { admin } from './support/simulator.js';
import { deadlineIn } from './support/yoti-idv.js';

/** The shipped IDV scenarios do what their names say, with the SDK-style key download. */
const DEMO_APP = '8b1f0a2e-6c3d-4f5a-9b7e-2d4c6a8e0f13';
const stateDir = mkdtempSync(join(tmpdir(), 'kyc-sim-idv-'));
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(file: string) {
  sim = await startSimulator({
    port: 0,
    logLevel: 'silent',
    clock: 'manual',
    stateDir,
    scenario: join(scenariosDir, file),
  });
  const privateKeyPem = await (await fetch(`${sim.url}/__admin/yoti/apps/${DEMO_APP}/key.pem`)).text();
  const client = new YotiIdvClient({
    baseUrl: `${sim.url}/yoti/idverify/v1`,
    sdkId: DEMO_APP,
    privateKeyPem,
  });
  const now = (await admin(sim, 'GET', '/clock')).now as number;
  const { session_id } = await client.createSession(dbsExampleSession(deadlineIn(3, now)));
  const advance = (ms: number) => admin(sim as RunningSimulator, 'POST', '/clock/advance', { ms });
  const result = () => client.getSession(session_id);
  const recommendations = async () =>
    Object.fromEntries((await result()).checks.map((c) => [c.type, c.report?.recommendation]));
  return { sim, client, session_id, advance, result, recommendations };
}

describe('shipped IDV scenarios', () => {
  it('yoti-idv-approve: completes after 5 s, every check APPROVE', async () => {
    const { advance, result, recommendations } = await start('yoti-idv-approve.yaml');
    await advance(4_999);
    expect((await result()).state).toBe('ONGOING');
    await advance(1);
    expect((await result()).state).toBe('COMPLETED');
    expect(Object.values(await recommendations()).map((r) => r?.value)).toEqual([
      'APPROVE',
      'APPROVE',
      'APPROVE',
    ]);
  });

  it('yoti-idv-reject: the visual review rejects, the profile match is not available', async () => {
    const { advance, recommendations } = await start('yoti-idv-reject.yaml');
    await advance(5_000);
    expect(await recommendations()).toEqual({
      IBV_VISUAL_REVIEW_CHECK: {
        value: 'REJECT',
        reason: 'DOCUMENT_NOT_GENUINE',
        recovery_suggestion: 'BRING_ORIGINAL_DOCUMENT',
      },
      PROFILE_DOCUMENT_MATCH: { value: 'NOT_AVAILABLE', reason: 'APPLICANT_PROFILE_INCOMPLETE' },
      DOCUMENT_SCHEME_VALIDITY_CHECK: { value: 'APPROVE' },
    });
  });

  it('yoti-idv-expire: nothing happens until the deadline, then EXPIRED', async () => {
    const { advance, result } = await start('yoti-idv-expire.yaml');
    await advance(86_400_000);
    expect((await result()).state).toBe('ONGOING');
    await advance(2 * 86_400_000);
    expect((await result()).state).toBe('EXPIRED');
  });

  it('yoti-idv-dbs-branch: waits for the post office, which the admin action plays', async () => {
    const { sim, client, session_id, advance, result } = await start('yoti-idv-dbs-branch.yaml');
    await advance(2 * 86_400_000);
    expect((await result()).state).toBe('ONGOING');
    expect((await client.getConfiguration(session_id)).sdk_config).toMatchObject({
      primary_colour: '#D71440',
    });
    const { actions } = await admin(sim, 'GET', `/sessions/${session_id}`);
    expect(actions).toEqual(expect.arrayContaining(['ibv-review', 'complete', 'expire', 'pdf-supplied']));
    await admin(sim, 'POST', `/sessions/${session_id}/actions`, { action: 'ibv-review' });
    expect((await result()).state).toBe('COMPLETED');
  });
});
