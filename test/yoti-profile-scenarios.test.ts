import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenariosDir } from '../simulator/paths.js';
import { useSimulator } from './support/simulator.js';
import { completeShare, downloadKey, yotiClient } from './support/yoti-profile.js';
import { requestQr } from './support/yoti-share.js';

const SDK = '8b1f0a2e-6c3d-4f5a-9b7e-2d4c6a8e0f13';
const SCENARIO = '5c7d9e1f-3a2b-4c6d-8e0f-1a3b5c7d9e2f';

describe('shipped scenario yoti-profile-refused.yaml', () => {
  const sim = useSimulator({
    scenario: join(scenariosDir, 'yoti-profile-refused.yaml'),
    clock: 'manual',
    stateDir: mkdtempSync(join(tmpdir(), 'kyc-sim-state-')),
  });

  it('gives the SDK a FAILURE outcome with the error details and no attributes', async () => {
    const pem = await downloadKey(sim(), SDK);
    const { ref_id } = await requestQr(sim(), SDK, SCENARIO);
    const { token } = await completeShare(sim(), ref_id);
    const details = await yotiClient(sim(), SDK, pem).getActivityDetails(token);
    expect(details.getOutcome()).toBe('FAILURE');
    expect(details.getErrorDetails()).toEqual({
      errorCode: 'FRAUD_DETECTED',
      description: 'The document looks altered',
    });
    expect(details.getProfile().getAttributesList()).toEqual([]);
  });
});
