import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, useSimulator } from './support/simulator.js';
import { openSocket } from './support/ws.js';
import { completeShare, downloadKey, yotiClient } from './support/yoti-profile.js';
import { requestQr, resolveRef, socketUrl } from './support/yoti-share.js';

const SDK = 'profile-app';
const everything = [
  'given_names',
  'family_name',
  'full_name',
  'gender',
  'nationality',
  'phone_number',
  'email_address',
  'postal_address',
  'structured_postal_address',
  'selfie',
  'document_details',
  'document_images',
].map((name) => ({ name }));

const scenario = {
  seed: 7,
  yoti: {
    apps: [
      {
        sdkId: SDK,
        name: 'Profile Test App',
        generateKey: true,
        scenarios: [
          {
            id: 'known-user',
            policy: {
              wanted: [
                { name: 'given_names' },
                { name: 'family_name' },
                { name: 'date_of_birth' },
                { name: 'date_of_birth', derivation: 'age_over:18' },
                { name: 'date_of_birth', derivation: 'age_under:30' },
                { name: 'email_address' },
              ],
              wanted_remember_me: true,
            },
            outcome: {
              type: 'complete',
              afterMs: 3000,
              profile: {
                given_names: 'Alex',
                family_name: 'Example',
                date_of_birth: '1990-04-01',
                email_address: { value: 'alex@example.test', anchors: [] },
              },
            },
          },
          { id: 'generated', policy: { wanted: everything } },
          { id: 'qa', policy: { wanted: [{ name: 'given_names' }] }, outcome: { type: 'manual' } },
          {
            id: 'refused',
            policy: { wanted: [{ name: 'given_names' }] },
            outcome: {
              type: 'complete',
              sharingOutcome: 'FAILURE',
              errorDetails: { error_code: 'FRAUD_DETECTED', description: 'The document looks altered' },
            },
          },
        ],
      },
    ],
  },
};

describe('Yoti profile exchange with the official SDK', () => {
  const sim = useSimulator({ scenario, clock: 'manual', stateDir: mkdtempSync(join(tmpdir(), 'kyc-yoti-')) });
  let pem: string;
  beforeAll(async () => {
    pem = await downloadKey(sim(), SDK);
  });

  const share = async (scenarioId: string) => {
    const { ref_id } = await requestQr(sim(), SDK, scenarioId);
    return completeShare(sim(), ref_id);
  };

  it("returns the scenario's values, remember-me id, receipt id and timestamp", async () => {
    const { token, sessionData } = await share('known-user');
    const details = await yotiClient(sim(), SDK, pem).getActivityDetails(token);
    const profile = details.getProfile();
    expect(profile.getGivenNames().getValue()).toBe('Alex');
    expect(profile.getFamilyName().getValue()).toBe('Example');
    expect(profile.getDateOfBirth().getValue()).toEqual(new Date('1990-04-01'));
    expect(profile.getEmailAddress().getValue()).toBe('alex@example.test');
    expect(profile.findAgeOverVerification(18).getValue().getResult()).toBe(true);
    expect(profile.findAgeUnderVerification(30).getValue().getResult()).toBe(false);
    expect(profile.getGivenNames().getSources()[0].getValue()).toBe('PASSPORT');
    expect(profile.getGivenNames().getVerifiers()[0].getValue()).toBe('YOTI_ADMIN');
    expect(profile.getEmailAddress().getSources()).toEqual([]);
    expect(details.getOutcome()).toBe('SUCCESS');
    expect(details.getApplicationProfile().getName().getValue()).toBe('Profile Test App');

    const session = await admin(sim(), 'GET', `/sessions/${sessionData}`);
    expect(details.getReceiptId()).toBe(session.data.shared.receiptId);
    // Yoti sends whole seconds (2026-01-02T03:04:05Z).
    expect(details.getTimestamp().getTime()).toBe(Math.floor(session.data.shared.sharedAt / 1000) * 1000);
    expect(details.getRememberMeId()).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(details.getParentRememberMeId()).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(session.timeline.map((e: { event: string }) => e.event)).toContain('receipt-exchanged');

    // The same simulated user shares again: same remember-me id, new receipt.
    const again = await yotiClient(sim(), SDK, pem).getActivityDetails((await share('known-user')).token);
    expect(again.getRememberMeId()).toBe(details.getRememberMeId());
    expect(again.getReceiptId()).not.toBe(details.getReceiptId());
  });

  it('fills every attribute the policy asks for with generated data the SDK decodes', async () => {
    const details = await yotiClient(sim(), SDK, pem).getActivityDetails((await share('generated')).token);
    const profile = details.getProfile();
    const names = profile.getAttributesList().map((a: { getName(): string }) => a.getName());
    expect(names.sort()).toEqual(everything.map((w) => w.name).sort());
    expect(profile.getFullName().getValue()).toBe(
      `${profile.getGivenNames().getValue()} ${profile.getFamilyName().getValue()}`,
    );
    expect(profile.getSelfie().getValue().getMimeType()).toBe('image/jpeg');
    expect(profile.getSelfie().getValue().getContent().subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(profile.getStructuredPostalAddress().getValue().country_iso).toBe('GBR');
    expect(profile.getPostalAddress().getValue()).toBe(
      profile.getStructuredPostalAddress().getValue().formatted_address,
    );
    expect(profile.getDocumentDetails().getValue().getType()).toBe('PASSPORT');
    expect(profile.getDocumentImages().getValue()).toHaveLength(2);
    expect(profile.getPhoneNumber().getValue()).toMatch(/^\+447\d{9}$/);
  });

  it('reports a refused share as the scenario says: sharing outcome and error details, no attributes', async () => {
    const details = await yotiClient(sim(), SDK, pem).getActivityDetails((await share('refused')).token);
    expect(details.getOutcome()).toBe('FAILURE');
    expect(details.getErrorDetails()).toEqual({
      errorCode: 'FRAUD_DETECTED',
      description: 'The document looks altered',
    });
    expect(details.getProfile().getAttributesList()).toEqual([]);
  });

  it("shares the profile a QA person gives the admin 'complete' action", async () => {
    const { ref_id } = await requestQr(sim(), SDK, 'qa');
    const meta = await resolveRef(sim(), ref_id);
    const socket = await openSocket(socketUrl(sim(), meta.session_data));
    await socket.next((m) => m.status === 'ACCEPTED');
    await admin(sim(), 'POST', `/sessions/${meta.session_data}/actions`, {
      action: 'complete',
      profile: { given_names: 'Quinn' },
    });
    const { token } = await socket.next((m) => m.status === 'COMPLETED');
    const details = await yotiClient(sim(), SDK, pem).getActivityDetails(token as string);
    expect(details.getProfile().getGivenNames().getValue()).toBe('Quinn');
  });

  it('exchanges a token once: the second call is rejected', async () => {
    const { token } = await share('known-user');
    const client = yotiClient(sim(), SDK, pem);
    await client.getActivityDetails(token);
    await expect(client.getActivityDetails(token)).rejects.toMatchObject({ status: 404 });
  });
});
