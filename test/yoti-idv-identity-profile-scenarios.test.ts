import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scenariosDir } from '../simulator/paths.js';
import { type RunningSimulator, startSimulator } from '../simulator/server.js';
import { admin } from './support/simulator.js';

/** The shipped identity-profile scenarios do what their names say, read with the official SDK. */
const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: the SDK is untyped JavaScript here
type Any = any;
const yoti: Any = require('yoti');

const DEMO_APP = '8b1f0a2e-6c3d-4f5a-9b7e-2d4c6a8e0f13';
const stateDir = mkdtempSync(join(tmpdir(), 'kyc-sim-idv-profile-'));
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** Starts the scenario, creates a UK_TFIDA RTW session with the SDK, lets five seconds pass. */
async function completedSession(file: string) {
  const running = await startSimulator({
    port: 0,
    logLevel: 'silent',
    clock: 'manual',
    stateDir,
    scenario: join(scenariosDir, file),
  });
  sim = running;
  const pem = await (await fetch(`${running.url}/__admin/yoti/apps/${DEMO_APP}/key.pem`)).text();
  const client = new yoti.IDVClient(DEMO_APP, pem, { apiUrl: `${running.url}/yoti/idverify/v1` });
  const spec = new yoti.SessionSpecificationBuilder()
    .withClientSessionTokenTtl(600)
    .withResourcesTtl(90_000)
    .withSubject({ subject_id: 'subject-1' })
    .withIdentityProfileRequirements({ trust_framework: 'UK_TFIDA', scheme: { type: 'RTW' } })
    .build();
  const { sessionId } = await client.createSession(spec);
  expect((await client.getSession(sessionId)).getIdentityProfile()).toBeUndefined();
  await admin(running, 'POST', '/clock/advance', { ms: 5_000 });
  const result = await client.getSession(sessionId);
  expect(result.getState()).toBe('COMPLETED');
  return result;
}

describe('shipped identity-profile scenarios', () => {
  it('yoti-idv-identity-profile-pass: DONE, RTW met, a report', async () => {
    const profile = (await completedSession('yoti-idv-identity-profile-pass.yaml')).getIdentityProfile();
    expect([profile.getSubjectId(), profile.getResult(), profile.getFailureReason()]).toEqual([
      'subject-1',
      'DONE',
      undefined,
    ]);
    const [rtw] = profile.getIdentityProfileReport().getSchemesCompliance();
    expect([rtw.getScheme().getType(), rtw.isRequirementsMet()]).toEqual(['RTW', true]);
  });

  it('yoti-idv-identity-profile-fail: ABORTED for the rejected document, no report', async () => {
    const result = await completedSession('yoti-idv-identity-profile-fail.yaml');
    const profile = result.getIdentityProfile();
    expect(profile.getResult()).toBe('ABORTED');
    expect(profile.getIdentityProfileReport()).toBeUndefined();
    expect(profile.getFailureReason().getReasonCode()).toBe('UNABLE_TO_VALIDATE_DOCUMENT');
    const [passport] = result.getResources().getIdDocuments();
    const [detail] = profile.getFailureReason().getRequirementsNotMetDetails();
    expect([
      detail.getFailureType(),
      detail.getDocumentType(),
      detail.getDocumentCountryIsoCode(),
      detail.getAuditId(),
      detail.getDetails(),
    ]).toEqual([
      'ID_DOCUMENT_AUTHENTICITY',
      passport.getDocumentType(),
      passport.getIssuingCountry(),
      result.getAuthenticityChecks()[0].getId(),
      'COUNTERFEIT',
    ]);
  });
});
