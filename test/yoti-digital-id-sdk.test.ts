import { describe, expect, it } from 'vitest';
import { admin, useSimulator } from './support/simulator.js';
import {
  type Any,
  DIGITAL_ID_SDK_ID,
  digitalIdentityClient,
  digitalIdScenario,
  OTHER_DIGITAL_ID_SDK_ID,
  sessionAction,
  shareSessionConfig,
} from './support/yoti-digital-id.js';

/** The unmodified SDK's DigitalIdentityClient, end to end: session → QR code → share → receipt. */
describe('Yoti Digital ID with the official SDK', () => {
  const sim = useSimulator({ scenario: { name: 'boot' }, clock: 'manual' });

  it('creates a session and a QR code, and reads both back', async () => {
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario());
    const client = await digitalIdentityClient(sim());
    const created = await client.createShareSession(shareSessionConfig());
    expect(created.getId()).toMatch(/^ss\.v2\./);
    expect(created.getStatus()).toBe('CREATED');
    const { now } = await admin(sim(), 'GET', '/clock');
    expect(created.getExpiry().getTime()).toBe(now + 600_000);

    const qr = await client.createShareQrCode(created.getId());
    expect(qr.getUri()).toBe(`https://code.yoti.com/${qr.getId()}`);
    const read = await client.getShareQrCode(qr.getId());
    expect(read.getSessionId()).toBe(created.getId());
    expect(read.getRedirectUri()).toBe('/profile');
    expect(read.getExpiry()).toEqual(created.getExpiry());

    const session = await client.getShareSession(created.getId());
    expect(session.getStatus()).toBe('CREATED');
    expect(session.getScannedQrCodeId()).toBeUndefined();
    expect(session.getReceiptId()).toBeUndefined();
  });

  it('shares the asked attributes: the receipt decrypts into the profile, remember-me ids and the app', async () => {
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario());
    const client = await digitalIdentityClient(sim());
    const { id } = await client.createShareSession(shareSessionConfig());
    const qr = await client.createShareQrCode(id);
    await sessionAction(sim(), id, 'scan');
    const scanned = await client.getShareSession(id);
    expect(scanned.getStatus()).toBe('IN_PROGRESS');
    expect(scanned.getScannedQrCodeId()).toBe(qr.getId());

    await sessionAction(sim(), id, 'share', {
      profile: { full_name: 'Alex Example', email_address: 'alex@example.com', date_of_birth: '1990-04-01' },
    });
    const session = await client.getShareSession(id);
    expect(session.getStatus()).toBe('COMPLETED');
    const receiptId: string = session.getReceiptId();
    expect(Buffer.from(receiptId, 'base64').toString('base64')).toBe(receiptId);

    const receipt = await client.getShareReceipt(receiptId);
    expect(receipt.getSessionId()).toBe(id);
    expect(receipt.getReceiptId()).toBe(receiptId);
    expect(receipt.getError()).toBeUndefined();
    const profile = receipt.getProfile();
    expect(profile.getFullName().getValue()).toBe('Alex Example');
    expect(profile.getEmailAddress().getValue()).toBe('alex@example.com');
    expect(profile.findAgeOverVerification(18).getValue().getResult()).toBe(true);
    expect(profile.getGivenNames()).toBeNull();
    expect(receipt.getRememberMeId()).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(receipt.getParentRememberMeId()).toBeTruthy();
    const application = receipt.getApplicationContent().getProfile();
    expect(application.getName().getValue()).toBe('Digital ID Test App');
    expect(application.getUrl().getValue()).toBe(sim().url);

    // A receipt can be fetched again while it lives: same user, fresh encryption.
    const again = await client.getShareReceipt(receiptId);
    expect(again.getProfile().getFullName().getValue()).toBe('Alex Example');
    expect(again.getRememberMeId()).toBe(receipt.getRememberMeId());
  });

  it('leaves out remember-me ids the policy does not ask for', async () => {
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario());
    const client = await digitalIdentityClient(sim());
    const { id } = await client.createShareSession(shareSessionConfig((p: Any) => p.withGivenNames()));
    await sessionAction(sim(), id, 'share');
    const receipt = await client.getShareReceipt((await client.getShareSession(id)).getReceiptId());
    expect(receipt.getRememberMeId()).toBeUndefined();
    expect(typeof receipt.getProfile().getGivenNames().getValue()).toBe('string');
  });

  it('hands a failure receipt with the error and its reason', async () => {
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario());
    const client = await digitalIdentityClient(sim());
    const { id } = await client.createShareSession(shareSessionConfig());
    await sessionAction(sim(), id, 'fail', {
      error: 'MANDATORY_DOCUMENT_NOT_PROVIDED',
      errorReason: {
        requirements_not_met_details: [
          {
            failure_type: 'ID_DOCUMENT_EXTRACTION',
            document_type: 'PASSPORT',
            document_country_iso_code: 'GBR',
            audit_id: 'audit-1',
            details: 'NOT_APPLICABLE_FOR_SCHEME',
          },
        ],
      },
    });
    const session = await client.getShareSession(id);
    expect(session.getStatus()).toBe('FAILED');
    const receipt = await client.getShareReceipt(session.getReceiptId());
    expect(receipt.getError()).toBe('MANDATORY_DOCUMENT_NOT_PROVIDED');
    expect(receipt.getErrorReason().requirementsNotMetDetails).toEqual([
      {
        failureType: 'ID_DOCUMENT_EXTRACTION',
        documentType: 'PASSPORT',
        documentCountryIsoCode: 'GBR',
        auditId: 'audit-1',
        details: 'NOT_APPLICABLE_FOR_SCHEME',
      },
    ]);
    expect(receipt.getProfile().getAttributesList()).toEqual([]);
  });

  it('answers unknown and foreign ids with 404 in the error shape the SDK reads', async () => {
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario());
    const client = await digitalIdentityClient(sim());
    const other = await digitalIdentityClient(sim(), OTHER_DIGITAL_ID_SDK_ID);
    const { id } = await client.createShareSession(shareSessionConfig());
    for (const call of [
      () => other.getShareSession(id),
      () => client.getShareSession('ss.v2.nope'),
      () => client.getShareQrCode('qr.v2.nope'),
      () => client.getShareReceipt('AAAA'),
    ]) {
      const error = await call().catch((e: Any) => e);
      expect(error.name).toBe('DigitalIdentityServiceError');
      expect(error.status).toBe(404);
      expect(error.code).toBe('NOT_FOUND');
      expect(error.reason).toMatch(/^No /);
    }
  });

  it('refuses a session without a redirect URI with the payload errors', async () => {
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario());
    const client = await digitalIdentityClient(sim());
    const config = shareSessionConfig();
    config.redirectUri = undefined;
    const error = await client.createShareSession(config).catch((e: Any) => e);
    expect(error.status).toBe(400);
    expect(error.code).toBe('PAYLOAD_VALIDATION');
  });

  it('refuses a QR code for a session that has ended', async () => {
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario());
    const client = await digitalIdentityClient(sim());
    const { id } = await client.createShareSession(shareSessionConfig());
    await sessionAction(sim(), id, 'decline');
    expect((await client.getShareSession(id)).getStatus()).toBe('CANCELLED');
    const error = await client.createShareQrCode(id).catch((e: Any) => e);
    expect(error.status).toBe(400);
    expect(error.code).toBe('SESSION_NOT_ACTIVE');
  });

  it('journals the calls against the session', async () => {
    // A seed of its own: the same seed gives the same session ids after a reload.
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario(undefined, 12));
    const client = await digitalIdentityClient(sim());
    const { id } = await client.createShareSession(shareSessionConfig());
    await client.createShareQrCode(id);
    const session = await admin(sim(), 'GET', `/sessions/${encodeURIComponent(id)}`);
    expect(session.kind).toBe('digital-id');
    expect(session.data.sdkId).toBe(DIGITAL_ID_SDK_ID);
    expect(session.actions).toEqual(['scan', 'share', 'fail', 'decline', 'expire']);
    expect(session.traffic.map((t: Any) => `${t.method} ${t.path}`)).toEqual([
      'POST /yoti/share/v2/sessions',
      `POST /yoti/share/v2/sessions/${id}/qr-codes`,
    ]);
  });
});
