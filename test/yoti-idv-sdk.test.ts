import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbsExampleSession } from '../clients/yoti-idv/index.js';
import { admin, useSimulator } from './support/simulator.js';
import { deadlineIn, officialIdvClient } from './support/yoti-idv.js';

// The SDK's own modules, for the base classes below (officialIdvClient loads it pointed here).
const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: the SDK is untyped JavaScript here
type Any = any;

/**
 * The SDK has no builders for the in-branch (IBV) parts of the guide's DBS session, so — as an
 * integrator would — we subclass its public base classes: a requested check of any type, the
 * UK_DBS objective, and a specification that adds ibv_options and the applicant profile.
 */
function dbsSpecification(yoti: Any, deadline: Date): Any {
  const RequestedCheck: Any = require('yoti/src/idv_service/session/create/check/requested.check.js');
  const Objective: Any = require('yoti/src/idv_service/session/create/objective/objective.js');
  const SessionSpecification: Any = require('yoti/src/idv_service/session/create/session.specification.js');
  class IbvCheck extends RequestedCheck {
    constructor(type: string, config: object) {
      super(type, config);
    }
  }
  class UkDbsObjective extends Objective {
    constructor() {
      super('UK_DBS');
    }
  }
  const idDocument = (type: string) =>
    new yoti.RequiredIdDocumentBuilder()
      .withFilter(
        new yoti.DocumentRestrictionsFilterBuilder()
          .forWhitelist()
          .withDocumentRestriction(
            new yoti.DocumentRestrictionBuilder().withCountries(['GBR']).withDocumentTypes([type]).build(),
          )
          .build(),
      )
      .build();
  const base = new yoti.SessionSpecificationBuilder()
    .withSessionDeadline(deadline)
    .withResourcesTtl(1_209_600)
    .withUserTrackingId('some_id')
    .withNotifications(
      new yoti.NotificationConfigBuilder()
        .withEndpoint('https://some-domain.example')
        .forSessionCompletion()
        .build(),
    )
    .withRequestedCheck(new IbvCheck('IBV_VISUAL_REVIEW_CHECK', { manual_check: 'IBV' }))
    .withRequestedCheck(new IbvCheck('PROFILE_DOCUMENT_MATCH', { manual_check: 'IBV' }))
    .withRequestedCheck(
      new IbvCheck('DOCUMENT_SCHEME_VALIDITY_CHECK', { manual_check: 'IBV', scheme: 'UK_DBS' }),
    )
    .withRequiredDocument(idDocument('PASSPORT'))
    .withRequiredDocument(idDocument('DRIVING_LICENCE'))
    .withRequiredDocument(
      new yoti.RequiredSupplementaryDocumentBuilder()
        .withObjective(new UkDbsObjective())
        .withDocumentTypes(['UTILITY_BILL'])
        .withCountryCodes(['GBR'])
        .build(),
    )
    .build();
  class IbvSessionSpecification extends SessionSpecification {
    toJSON() {
      return {
        ...super.toJSON(),
        ibv_options: { support: 'MANDATORY' },
        // The applicant profile as the guide writes it.
        resources: dbsExampleSession(deadline).resources,
      };
    }
  }
  return Object.assign(Object.create(IbvSessionSpecification.prototype), base);
}

describe('the official yoti SDK (IDVClient) against the simulator', () => {
  const sim = useSimulator({ scenario: { name: 'boot' }, clock: 'manual' });
  let yoti: Any;
  let client: Any;

  beforeAll(async () => {
    ({ yoti, client } = await officialIdvClient(sim()));
  });

  it('creates the guide’s DBS session, reads its configuration, then the branch review results', async () => {
    const now = (await admin(sim(), 'GET', '/clock')).now;
    const created = await client.createSession(dbsSpecification(yoti, new Date(deadlineIn(3, now))));
    const sessionId = created.getSessionId();
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.getClientSessionToken()).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.getClientSessionTokenTtl()).toBe(3 * 86_400);

    const configuration = await client.getSessionConfiguration(sessionId);
    expect(configuration.getSessionId()).toBe(sessionId);
    expect(configuration.getRequestedChecks()).toEqual([
      'IBV_VISUAL_REVIEW_CHECK',
      'PROFILE_DOCUMENT_MATCH',
      'DOCUMENT_SCHEME_VALIDITY_CHECK',
    ]);
    const required = configuration.getCapture().getRequiredResources();
    expect(required.map((r: Any) => r.getType())).toEqual([
      'ID_DOCUMENT',
      'ID_DOCUMENT',
      'SUPPLEMENTARY_DOCUMENT',
    ]);
    expect(new Set(required.map((r: Any) => r.getId())).size).toBe(3);
    expect(
      required[0]
        .getSupportedCountries()
        .map((c: Any) => [c.getCode(), c.getSupportedDocuments().map((d: Any) => d.getType())]),
    ).toEqual([['GBR', ['PASSPORT']]]);
    expect(required[1].getSupportedCountries()[0].getSupportedDocuments()[0].getType()).toBe(
      'DRIVING_LICENCE',
    );
    expect(required[0].getAllowedSources().map((s: Any) => s.getType())).toEqual(['IBV']);
    expect(required[2].getDocumentTypes()).toEqual(['UTILITY_BILL']);
    expect(required[2].getObjective().getType()).toBe('UK_DBS');
    expect(configuration.getCapture().getBiometricConsent()).toBe('NOT_REQUIRED');

    const ongoing = await client.getSession(sessionId);
    expect(ongoing.getState()).toBe('ONGOING');
    expect(ongoing.getUserTrackingId()).toBe('some_id');
    expect(ongoing.getChecks().map((c: Any) => [c.getType(), c.getState()])).toEqual([
      ['IBV_VISUAL_REVIEW_CHECK', 'CREATED'],
      ['PROFILE_DOCUMENT_MATCH', 'CREATED'],
      ['DOCUMENT_SCHEME_VALIDITY_CHECK', 'CREATED'],
    ]);

    // The applicant visits the post office; the postmaster reviews the documents.
    await admin(sim(), 'POST', `/sessions/${sessionId}/actions`, {
      action: 'ibv-review',
      recommendation: 'APPROVE',
    });

    const done = await client.getSession(sessionId);
    expect(done.getState()).toBe('COMPLETED');
    for (const check of done.getChecks()) {
      expect(check.getState()).toBe('DONE');
      expect(check.getReport().getRecommendation().getValue()).toBe('APPROVE');
      expect(check.getReport().getBreakdown()[0].getProcess()).toBe('EXPERT_REVIEW');
      expect(check.getResourcesUsed()).toHaveLength(3);
    }
    const resources = done.getResources();
    expect(resources.getIdDocuments().map((d: Any) => [d.getIssuingCountry(), d.getDocumentType()])).toEqual([
      ['GBR', 'PASSPORT'],
      ['GBR', 'DRIVING_LICENCE'],
    ]);
    expect(resources.getSupplementaryDocuments()[0].getDocumentType()).toBe('UTILITY_BILL');

    // Extracted text agrees with the applicant profile; the page image is a real PNG.
    const passport = resources.getIdDocuments()[0];
    const fields = await client.getMediaContent(sessionId, passport.getDocumentFields().getMedia().getId());
    expect(fields.getMimeType()).toBe('application/json');
    expect(JSON.parse(fields.getContent().toString())).toMatchObject({
      full_name: 'John James Doe',
      date_of_birth: '1988-11-02',
      document_type: 'PASSPORT',
    });
    const pageId = passport.getPages()[0].getMedia().getId();
    const page = await client.getMediaContent(sessionId, pageId);
    expect(page.getMimeType()).toBe('image/png');
    expect(page.getContent().subarray(1, 4).toString()).toBe('PNG');

    await client.deleteMediaContent(sessionId, pageId);
    expect(await client.getMediaContent(sessionId, pageId)).toBeNull();

    await client.deleteSession(sessionId);
    await expect(client.getSession(sessionId)).rejects.toThrow();
  });

  it('lists supported documents and, with includeNonLatin, the non-Latin ones too', async () => {
    const latin = await client.getSupportedDocuments();
    const all = await client.getSupportedDocuments(true);
    const types = (r: Any, code: string) =>
      r
        .getSupportedCountries()
        .find((c: Any) => c.getCode() === code)
        .getSupportedDocuments()
        .map((d: Any) => d.getType());
    expect(types(latin, 'GBR')).toContain('PASSPORT');
    expect(types(latin, 'IND')).not.toContain('AADHAAR');
    expect(types(all, 'IND')).toContain('AADHAAR');
  });

  it('creates a face-capture resource, uploads its image and reads tracked devices', async () => {
    const spec = new yoti.SessionSpecificationBuilder()
      .withClientSessionTokenTtl(600)
      .withRequestedCheck(new yoti.RequestedFaceComparisonCheckBuilder().withManualCheckNever().build())
      .build();
    const { sessionId } = await client.createSession(spec);
    const configuration = await client.getSessionConfiguration(sessionId);
    const requirement = configuration
      .getCapture()
      .getRequiredResources()
      .find((r: Any) => r.getType() === 'FACE_CAPTURE');
    expect(configuration.getCapture().getBiometricConsent()).toBe('REQUIRED');

    const resource = await client.createFaceCaptureResource(
      sessionId,
      new yoti.CreateFaceCaptureResourcePayloadBuilder().withRequirementId(requirement.getId()).build(),
    );
    expect(resource.getFrames()).toBe(1);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    await client.uploadFaceCaptureImage(
      sessionId,
      resource.getId(),
      new yoti.UploadFaceCaptureImagePayloadBuilder().forPngImage().withImageContents(png).build(),
    );
    const session = await client.getSession(sessionId);
    const [capture] = session.getResources().getFaceCaptureResources();
    expect(capture.getId()).toBe(resource.getId());
    const image = await client.getMediaContent(sessionId, capture.getImage().getMedia().getId());
    expect(Buffer.compare(image.getContent(), png)).toBe(0);

    await admin(sim(), 'POST', `/sessions/${sessionId}/actions`, { action: 'track-device' });
    const devices = await client.getSessionTrackedDevices(sessionId);
    expect(devices.getDeviceEvents()[0].getEvent()).toBe('CONFIG_FIRST_LOADED');
    expect(devices.getDeviceEvents()[0].getDevice().getOSName()).toBe('iOS');
    await client.deleteSessionTrackedDevices(sessionId);
    expect((await client.getSessionTrackedDevices(sessionId)).getDeviceEvents()).toEqual([]);
  });
});
