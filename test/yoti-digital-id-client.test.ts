import { describe, expect, it } from 'vitest';
import { YotiDigitalIdClient, YotiDigitalIdError } from '../clients/yoti-digital-id/index.js';
import { admin, useSimulator } from './support/simulator.js';
import {
  DIGITAL_ID_SDK_ID,
  digitalIdBase,
  digitalIdScenario,
  sessionAction,
} from './support/yoti-digital-id.js';
import { testKeys } from './support/yoti-idv.js';

/** clients/yoti-digital-id (no SDK) against the simulator: session, QR code, receipt decrypted by hand. */
describe('reference client clients/yoti-digital-id', () => {
  const sim = useSimulator({ scenario: { name: 'boot' } });
  const client = async () =>
    new YotiDigitalIdClient({
      baseUrl: digitalIdBase(sim()),
      sdkId: DIGITAL_ID_SDK_ID,
      privateKeyPem: (await testKeys()).privateKeyPem,
    });
  const config = {
    redirectUri: 'https://rp.example/profile',
    policy: {
      wanted: [
        { name: 'full_name' },
        { name: 'date_of_birth', derivation: 'age_over:18' },
        { name: 'selfie' },
      ],
      wanted_remember_me: true,
    },
  };

  it('creates a session and a QR code, and resolves the receipt into the profile', async () => {
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario());
    const c = await client();
    const session = await c.createSession(config);
    expect(session.status).toBe('CREATED');
    const qr = await c.createQrCode(session.id);
    expect(qr.uri.endsWith(qr.id)).toBe(true);
    await sessionAction(sim(), session.id, 'share', {
      profile: { full_name: 'Robin Reference', date_of_birth: '2000-01-01' },
    });
    const done = await c.getSession(session.id);
    expect(done).toMatchObject({ status: 'COMPLETED', qrCode: { id: qr.id } });

    const receipt = await c.resolveReceipt(done.receipt?.id ?? '');
    expect(receipt.sessionId).toBe(session.id);
    expect(receipt.error).toBeUndefined();
    expect(receipt.rememberMeId).toBeTruthy();
    expect(receipt.profile.full_name).toMatchObject({ contentType: 'STRING', value: 'Robin Reference' });
    expect(receipt.profile['age_over:18'].value).toBe('true');
    expect(receipt.profile.selfie.contentType).toBe('JPEG');
    expect(Buffer.from(receipt.profile.selfie.value as string, 'base64').subarray(0, 2)).toEqual(
      Buffer.from([0xff, 0xd8]),
    );
    expect(receipt.application.application_name.value).toBe('Digital ID Test App');
  });

  it('resolves a failure receipt to its error and reason, and reports API errors', async () => {
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario(undefined, 31));
    const c = await client();
    const session = await c.createSession(config);
    await sessionAction(sim(), session.id, 'fail', {
      error: 'FRAUD_DETECTED',
      errorReason: { requirements_not_met_details: [{ failure_type: 'DOCUMENT_AUTHENTICITY' }] },
    });
    const receipt = await c.resolveReceipt((await c.getSession(session.id)).receipt?.id ?? '');
    expect(receipt).toMatchObject({
      error: 'FRAUD_DETECTED',
      errorReason: { requirements_not_met_details: [{ failure_type: 'DOCUMENT_AUTHENTICITY' }] },
      profile: {},
    });
    const error = await c.getSession('ss.v2.nope').catch((e) => e);
    expect(error).toBeInstanceOf(YotiDigitalIdError);
    expect([error.status, error.code]).toEqual([404, 'NOT_FOUND']);
  });
});
