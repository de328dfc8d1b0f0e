import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  Client,
  IDVClient,
  RequestedDocumentAuthenticityCheckBuilder,
  RequestedTextExtractionTaskBuilder,
  RequestedThirdPartyIdentityCheckBuilder,
  RequiredIdDocumentBuilder,
  SdkConfigBuilder,
  SessionSpecificationBuilder,
  YotiDate,
} from 'yoti';
import { admin, useSimulator } from './support/simulator.js';

// The package ships no type declarations; load it as CommonJS, as its README does.
// biome-ignore lint/suspicious/noExplicitAny: untyped JavaScript package
const sandboxSdk: any = createRequire(import.meta.url)('@getyoti/sdk-sandbox');
const {
  SandboxAgeVerificationBuilder,
  SandboxAnchorBuilder,
  SandboxAttributeIssuanceDetailsBuilder,
  SandboxBreakdownBuilder,
  SandboxCheckReportsBuilder,
  SandboxDocumentAuthenticityCheckBuilder,
  SandboxDocumentImagesBuilder,
  SandboxDocumentTextDataCheckBuilder,
  SandboxDocumentTextDataExtractionTaskBuilder,
  SandboxExtraDataBuilder,
  SandboxIDVClientBuilder,
  SandboxProfileClientBuilder,
  SandboxRecommendationBuilder,
  SandboxResponseConfigBuilder,
  SandboxTaskResultsBuilder,
  SandboxThirdPartyIdentityCheckBuilder,
  TokenRequestBuilder,
} = sandboxSdk;

/**
 * @getyoti/sdk-sandbox used exactly as its README and examples use it (examples/profile/
 * profile.spec.js, examples/idv/features/support/world.js), with the `yoti` SDK doing the
 * exchange, both pointed at kyc-sim by their base URLs only.
 */

const SANDBOX_CLIENT_SDK_ID = 'sandbox-sdk-app';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

describe('@getyoti/sdk-sandbox against kyc-sim', () => {
  const sim = useSimulator({
    clock: 'manual',
    scenario: {
      yoti: {
        apps: [
          {
            sdkId: SANDBOX_CLIENT_SDK_ID,
            publicKey: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
            idv: { outcome: { type: 'manual' } },
          },
        ],
      },
    },
  });

  it('profile example: the token yields the posted profile, anchors, remember-me id and extra data', async () => {
    const anchors = [
      new SandboxAnchorBuilder()
        .withType('SOURCE')
        .withSubType('')
        .withTimestamp(YotiDate.fromDateString('2020-01-01T00:00:00Z'))
        .withValue('PASSPORT')
        .build(),
      new SandboxAnchorBuilder()
        .withType('VERIFIER')
        .withSubType('')
        .withTimestamp(YotiDate.fromDateString('2020-01-01T00:00:00Z'))
        .withValue('YOTI_ADMIN')
        .build(),
    ];
    const ageVerification = new SandboxAgeVerificationBuilder()
      .withDateOfBirthString('1980-01-02')
      .withAgeOver(18)
      .build();
    const expiryDate = new Date();
    expiryDate.setDate(expiryDate.getDate() + 1);
    const dataEntry = new SandboxAttributeIssuanceDetailsBuilder()
      .withIssuanceToken('some-token')
      .withDefinition('some-definition')
      .withExpiryDate(expiryDate)
      .build();
    const extraData = new SandboxExtraDataBuilder().withDataEntry(dataEntry).build();
    const documentImages = new SandboxDocumentImagesBuilder()
      .withJpegContent(Buffer.from('some-jpeg'))
      .withPngContent(Buffer.from('some-png'))
      .build();
    const tokenRequest = new TokenRequestBuilder()
      .withRememberMeId('Some Remember Me ID')
      .withGivenNames('Some Given Names', anchors)
      .withFamilyName('Some Family Name', anchors)
      .withFullName('Some Full Name', anchors)
      .withDateOfBirthString('1980-01-02', anchors)
      .withGender('Some Gender', anchors)
      .withPhoneNumber('Some Phone Number')
      .withNationality('Some Nationality', anchors)
      .withEmailAddress('some@email.address')
      .withAgeVerification(ageVerification)
      .withStructuredPostalAddress(JSON.stringify({ building_number: 1, address_line1: 'Some Address' }))
      .withBase64Selfie(Buffer.from('Some Selfie').toString('base64'))
      .withDocumentDetails('PASSPORT USA 1234abc', anchors)
      .withDocumentImages(documentImages, anchors)
      .withExtraData(extraData)
      .build();

    const sandboxProfileClient = new SandboxProfileClientBuilder()
      .withClientSdkId(SANDBOX_CLIENT_SDK_ID)
      .withPemString(PEM)
      .withSandboxUrl(`${sim().url}/yoti/sandbox/v1`)
      .build();
    const tokenResponse = await sandboxProfileClient.setupSharingProfile(tokenRequest);
    const token = tokenResponse.getToken();

    // The README: "Point the Yoti client at the sandbox by setting YOTI_API_URL to .../sandbox/v1".
    const yotiClient = new Client(SANDBOX_CLIENT_SDK_ID, PEM, { apiUrl: `${sim().url}/yoti/sandbox/v1` });
    const activityDetails = await yotiClient.getActivityDetails(token);
    const profile = activityDetails.getProfile();

    expect(Buffer.from(activityDetails.getRememberMeId(), 'base64').toString()).toBe('Some Remember Me ID');
    expect(profile.getGivenNames().getValue()).toEqual('Some Given Names');
    expect(profile.getFamilyName().getValue()).toEqual('Some Family Name');
    expect(profile.getFullName().getValue()).toEqual('Some Full Name');
    // The example predates yoti 4, whose DATE attributes are YotiDate objects (and age checks below).
    expect(profile.getDateOfBirth().getValue().toISOString()).toEqual('1980-01-02T00:00:00.000Z');
    expect(profile.getGender().getValue()).toEqual('Some Gender');
    expect(profile.getPhoneNumber().getValue()).toEqual('Some Phone Number');
    expect(profile.getNationality().getValue()).toEqual('Some Nationality');
    expect(profile.getEmailAddress().getValue()).toEqual('some@email.address');
    expect(profile.findAgeOverVerification(18).getValue().getResult()).toEqual(true); // yoti 4: getValue() first
    expect(profile.getStructuredPostalAddress().getValue()).toEqual({
      building_number: 1,
      address_line1: 'Some Address',
    });
    expect(profile.getDocumentImages().getValue()).toHaveLength(2);
    expect(profile.getSelfie().getValue().getContent()).toEqual(Buffer.from('Some Selfie')); // yoti 4: a Buffer
    const documentDetails = profile.getDocumentDetails().getValue();
    expect(documentDetails.getType()).toEqual('PASSPORT');
    expect(documentDetails.getIssuingCountry()).toEqual('USA');
    expect(documentDetails.getDocumentNumber()).toEqual('1234abc');
    expect(profile.getGivenNames().getSources()[0].getValue()).toEqual('PASSPORT');
    expect(profile.getGivenNames().getVerifiers()[0].getValue()).toEqual('YOTI_ADMIN');
    const attributeIssuanceDetails = activityDetails.getExtraData().getAttributeIssuanceDetails();
    expect(attributeIssuanceDetails.getToken()).toEqual(Buffer.from('some-token').toString('base64'));
    expect(attributeIssuanceDetails.getExpiryDate().getTime()).toEqual(expiryDate.getTime());
    expect(attributeIssuanceDetails.getIssuingAttributes()[0].getName()).toEqual('some-definition');
  });

  it("IDV example: the session response config (with a THIRD_PARTY_IDENTITY check) becomes the session's reports", async () => {
    const idvClient = new IDVClient(SANDBOX_CLIENT_SDK_ID, PEM, {
      apiUrl: `${sim().url}/yoti/sandbox/idverify/v1`,
    });
    const session = await idvClient.createSession(
      new SessionSpecificationBuilder()
        .withClientSessionTokenTtl(600)
        .withRequestedCheck(new RequestedDocumentAuthenticityCheckBuilder().build())
        .withRequestedCheck(new RequestedThirdPartyIdentityCheckBuilder().build())
        .withRequestedTask(new RequestedTextExtractionTaskBuilder().withManualCheckNever().build())
        .withRequiredDocument(new RequiredIdDocumentBuilder().build())
        .withSdkConfig(new SdkConfigBuilder().withAllowsCameraAndUpload().build())
        .build(),
    );
    const sessionId = session.getSessionId();

    const sandboxClient = new SandboxIDVClientBuilder()
      .withPemString(PEM)
      .withClientSdkId(SANDBOX_CLIENT_SDK_ID)
      .withSandboxUrl(`${sim().url}/yoti/sandbox/idverify/v1`)
      .build();
    const documentFields = {
      full_name: 'John Doe',
      nationality: 'GBR',
      date_of_birth: '1986-06-01',
      document_number: '123456789',
    };
    const responseConfig = new SandboxResponseConfigBuilder()
      .withCheckReports(
        new SandboxCheckReportsBuilder()
          .withAsyncReportDelay(5)
          .withDocumentAuthenticityCheck(
            new SandboxDocumentAuthenticityCheckBuilder()
              .withBreakdown(
                new SandboxBreakdownBuilder()
                  .withSubCheck('security_features')
                  .withResult('NOT_AVAILABLE')
                  .withDetail('some_detail', 'some_detail_value')
                  .build(),
              )
              .withRecommendation(
                new SandboxRecommendationBuilder()
                  .withValue('NOT_AVAILABLE')
                  .withReason('PICTURE_TOO_DARK')
                  .withRecoverySuggestion('BETTER_LIGHTING')
                  .build(),
              )
              .build(),
          )
          .withDocumentTextDataCheck(
            new SandboxDocumentTextDataCheckBuilder()
              .withBreakdown(
                new SandboxBreakdownBuilder().withSubCheck('document_in_date').withResult('PASS').build(),
              )
              .withRecommendation(new SandboxRecommendationBuilder().withValue('APPROVE').build())
              .withDocumentFields(documentFields)
              .build(),
          )
          .withThirdPartyIdentityCheck(
            new SandboxThirdPartyIdentityCheckBuilder()
              .withBreakdown(
                new SandboxBreakdownBuilder().withSubCheck('verified_identity').withResult('PASS').build(),
              )
              .withRecommendation(new SandboxRecommendationBuilder().withValue('APPROVE').build())
              .build(),
          )
          .build(),
      )
      .withTaskResults(
        new SandboxTaskResultsBuilder()
          .withDocumentTextDataExtractionTask(
            new SandboxDocumentTextDataExtractionTaskBuilder().withDocumentFields(documentFields).build(),
          )
          .build(),
      )
      .build();
    await sandboxClient.configureSessionResponse(sessionId, responseConfig);
    await admin(sim(), 'POST', '/clock/advance', { ms: 5_000 });

    const result = await idvClient.getSession(sessionId);
    expect(result.getState()).toBe('COMPLETED');
    const [authenticity] = result.getAuthenticityChecks();
    expect(authenticity.getReport().getBreakdown()[0].getSubCheck()).toBe('security_features');
    expect(authenticity.getReport().getBreakdown()[0].getResult()).toBe('NOT_AVAILABLE');
    expect(authenticity.getReport().getRecommendation().getReason()).toBe('PICTURE_TOO_DARK');
    const [thirdParty] = result.getThirdPartyIdentityChecks();
    expect(thirdParty.getReport().getRecommendation().getValue()).toBe('APPROVE');
    expect(thirdParty.getReport().getBreakdown()[0].getSubCheck()).toBe('verified_identity');
  });
});
