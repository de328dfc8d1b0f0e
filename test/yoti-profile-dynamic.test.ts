import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DynamicPolicyBuilder, DynamicScenarioBuilder, Payload, RequestBuilder } from 'yoti';
import { SELFIE_JPEG_BASE64 } from '../simulator/providers/yoti/receipt/images.js';
import { admin, useSimulator } from './support/simulator.js';
import { completeShare, yotiClient } from './support/yoti-profile.js';
import { resolveRef } from './support/yoti-share.js';

const SDK = 'dynamic-app';
const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('createShareUrl and the sandbox token API with the official SDK', () => {
  const sim = useSimulator({
    clock: 'manual',
    scenario: {
      seed: 3,
      yoti: {
        apps: [
          {
            sdkId: SDK,
            name: 'Dynamic App',
            publicKey: publicKeyPem,
            dynamicShare: {
              outcome: { type: 'complete', afterMs: 2000, profile: { family_name: 'Dynamo' } },
            },
          },
        ],
      },
    },
  });

  it('createShareUrl → QR flow → a receipt with exactly the posted policy', async () => {
    const client = yotiClient(sim(), SDK, pem);
    const policy = new DynamicPolicyBuilder()
      .withFamilyName()
      .withGivenNames()
      .withAgeOver(21)
      .withEmail()
      .build();
    const dynamicScenario = new DynamicScenarioBuilder()
      .withCallbackEndpoint('https://rp.example.test/dynamic-callback')
      .withPolicy(policy)
      .build();
    const share = await client.createShareUrl(dynamicScenario);
    expect(share.getShareUrl()).toMatch(/^https:\/\/code\.yoti\.com\/[A-Za-z0-9_-]+$/);
    const meta = await resolveRef(sim(), share.getRefId());
    expect(meta.callback_endpoint).toBe('https://rp.example.test/dynamic-callback');

    const { token, status } = await completeShare(sim(), share.getRefId(), 2000);
    expect(status).toBe('COMPLETED');
    const profile = (await client.getActivityDetails(token)).getProfile();
    const names = profile.getAttributesList().map((a: { getName(): string }) => a.getName());
    expect(names.sort()).toEqual(['age_over:21', 'email_address', 'family_name', 'given_names']);
    expect(profile.getFamilyName().getValue()).toBe('Dynamo');
    expect(typeof profile.findAgeOverVerification(21).getValue().getResult()).toBe('boolean');
  });

  it('rejects a createShareUrl body without a policy with PAYLOAD_VALIDATION', async () => {
    const request = new RequestBuilder()
      .withBaseUrl(`${sim().url}/yoti/api/v1`)
      .withEndpoint(`/qrcodes/apps/${SDK}`)
      .withQueryParam('appId', SDK)
      .withPemString(pem)
      .withPayload(new Payload({ callback_endpoint: '/cb' }))
      .withPost()
      .build();
    const res = await fetch(request.getUrl(), {
      method: 'POST',
      headers: request.getHeaders(),
      body: JSON.stringify({ callback_endpoint: '/cb' }), // the bytes the digest was made over
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'PAYLOAD_VALIDATION', errors: [{ property: 'policy' }] });
  });

  it('a sandbox token (the @getyoti/sdk-sandbox request) turns into exactly the posted attributes', async () => {
    const anchoredAt = Date.UTC(2024, 4, 1) * 1000; // microseconds, as SandboxAnchor sends them
    const tokenRequest = {
      remember_me_id: 'sandbox-remember-me',
      profile_attributes: [
        {
          name: 'given_names',
          value: 'Sandy',
          anchors: [{ type: 'SOURCE', value: 'DRIVING_LICENCE', sub_type: 'OCR', timestamp: anchoredAt }],
        },
        { name: 'date_of_birth', value: '2001-02-03' },
        { name: 'date_of_birth', value: '2001-02-03', derivation: 'age_over:18' },
        { name: 'selfie', value: SELFIE_JPEG_BASE64 },
        { name: 'document_details', value: 'DRIVING_LICENCE GBR 1234abc 2030-01-01 DVLA' },
        { name: 'structured_postal_address', value: JSON.stringify({ postal_code: 'AB1 2CD' }) },
      ],
      extra_data: {
        data_entry: [
          {
            type: 'THIRD_PARTY_ATTRIBUTE',
            value: {
              issuance_token: 'c29tZS1pc3N1YW5jZS10b2tlbg==',
              issuing_attributes: {
                expiry_date: '2030-01-01T00:00:00.000Z',
                definitions: [{ name: 'com.example.member' }],
              },
            },
          },
        ],
      },
    };
    // Exactly what SandboxProfileClient.setupSharingProfile sends: signed, no appId parameter.
    const response = await new RequestBuilder()
      .withBaseUrl(`${sim().url}/yoti/sandbox/v1`)
      .withEndpoint(`/apps/${SDK}/tokens`)
      .withPemString(pem)
      .withPayload(new Payload(tokenRequest))
      .withPost()
      .build()
      .execute();
    const { token } = response.getParsedResponse();
    const details = await yotiClient(sim(), SDK, pem).getActivityDetails(token);
    const profile = details.getProfile();
    expect(profile.getAttributesList().map((a: { getName(): string }) => a.getName())).toEqual([
      'given_names',
      'date_of_birth',
      'age_over:18',
      'selfie',
      'document_details',
      'structured_postal_address',
    ]);
    expect(profile.getGivenNames().getValue()).toBe('Sandy');
    const [source] = profile.getGivenNames().getSources();
    expect([source.getValue(), source.getSubType()]).toEqual(['DRIVING_LICENCE', 'OCR']);
    expect(source.getSignedTimeStamp().getTimestamp().getTime()).toBe(anchoredAt / 1000);
    expect(profile.getDateOfBirth().getSources()).toEqual([]);
    expect(profile.findAgeOverVerification(18).getValue().getResult()).toBe(true);
    expect(profile.getSelfie().getValue().getBase64Content()).toBe(
      `data:image/jpeg;base64,${SELFIE_JPEG_BASE64}`,
    );
    expect(profile.getDocumentDetails().getValue().getIssuingAuthority()).toBe('DVLA');
    expect(profile.getStructuredPostalAddress().getValue()).toEqual({ postal_code: 'AB1 2CD' });
    // Yoti's sandbox answers the base64 of the posted id.
    expect(Buffer.from(details.getRememberMeId(), 'base64').toString()).toBe('sandbox-remember-me');
    const issuance = details.getExtraData().getAttributeIssuanceDetails();
    expect(issuance.getToken()).toBe('c29tZS1pc3N1YW5jZS10b2tlbg==');
    expect(issuance.getIssuingAttributes()[0].getName()).toBe('com.example.member');

    const { sessions } = await admin(sim(), 'GET', '/sessions?kind=sandbox-token');
    expect(sessions).toHaveLength(1);
  });
});
