import { beforeAll, describe, expect, it } from 'vitest';
import { admin, useSimulator } from './support/simulator.js';
import { officialIdvClient, ourClient } from './support/yoti-idv.js';

/**
 * Identity-profile sessions through the unmodified `yoti` SDK: the requirements built with its
 * builders (as Yoti's examples/idv-identity-checks does), the configuration it reads, and the
 * identity profile its getters parse, passed and failed by admin actions.
 */
// biome-ignore lint/suspicious/noExplicitAny: the SDK is untyped JavaScript here
type Any = any;

describe('identity-profile sessions with the official yoti SDK', () => {
  const sim = useSimulator({ scenario: { name: 'boot' }, clock: 'manual' });
  let yoti: Any;
  let client: Any;

  beforeAll(async () => {
    ({ yoti, client } = await officialIdvClient(sim()));
  });

  const specWith = (configure: (builder: Any) => Any) =>
    configure(
      new yoti.SessionSpecificationBuilder()
        .withClientSessionTokenTtl(600)
        .withResourcesTtl(90_000)
        .withSubject({ subject_id: 'some_subject_id_string' }),
    ).build();
  const simple = (scheme: object) =>
    specWith((b) => b.withIdentityProfileRequirements({ trust_framework: 'UK_TFIDA', scheme }));
  /** The example's MTF_FULL: UK_TFIDA (DBS BASIC, RTW) and YOTI_GLOBAL (IDENTITY AL_L1, GBR_RTW_SHARECODE). */
  const multiTrustFramework = () => {
    const scheme = (type: string, label: string, objective?: string) => {
      const builder = new yoti.AdvancedIdentityProfileSchemeBuilder().withType(type).withLabel(label);
      return (objective ? builder.withObjective(objective) : builder).build();
    };
    const requirements = new yoti.AdvancedIdentityProfileRequirementsBuilder()
      .withProfile(
        new yoti.AdvancedIdentityProfileBuilder()
          .withTrustFramework('UK_TFIDA')
          .withScheme(scheme('DBS', 'label-for-DBS-BASIC', 'BASIC'))
          .withScheme(scheme('RTW', 'label-for-RTW'))
          .build(),
      )
      .withProfile(
        new yoti.AdvancedIdentityProfileBuilder()
          .withTrustFramework('YOTI_GLOBAL')
          .withScheme(scheme('IDENTITY', 'label-for-IDENTITY-AL-L1', 'AL_L1'))
          .withScheme(scheme('GBR_RTW_SHARECODE', 'label-for-GBR-RTW-SHARECODE'))
          .build(),
      )
      .build();
    return specWith((b) => b.withAdvancedIdentityProfileRequirements(requirements));
  };
  const complete = (sessionId: string, params: object = {}) =>
    admin(sim(), 'POST', `/sessions/${sessionId}/actions`, { action: 'complete', ...params });
  const reportOf = async (sessionId: string, media: Any) => {
    const content = await client.getMediaContent(sessionId, media.getId());
    expect(content.getMimeType()).toBe('application/json');
    return JSON.parse(content.getContent().toString());
  };

  it('asks an RTW session to capture a British or Irish passport and a liveness, with consent', async () => {
    const { sessionId } = await client.createSession(simple({ type: 'RTW' }));
    const capture = (await client.getSessionConfiguration(sessionId)).getCapture();
    expect(capture.getBiometricConsent()).toBe('REQUIRED');
    expect(capture.getRequiredResources().map((r: Any) => r.getType())).toEqual(['ID_DOCUMENT', 'LIVENESS']);
    const [document] = capture.getIdDocumentResourceRequirements();
    expect(
      document
        .getSupportedCountries()
        .map((c: Any) => [c.getCode(), c.getSupportedDocuments().map((d: Any) => d.getType())]),
    ).toEqual([
      ['GBR', ['PASSPORT', 'PASS_CARD']],
      ['IRL', ['PASSPORT', 'PASS_CARD']],
    ]);
    expect(capture.getZoomLivenessResourceRequirements()).toHaveLength(1);
    // Before completion there is no profile; the checks the profile needs are listed.
    const ongoing = await client.getSession(sessionId);
    expect(ongoing.getIdentityProfile()).toBeUndefined();
    expect(ongoing.getChecks().map((c: Any) => c.getType())).toEqual([
      'ID_DOCUMENT_AUTHENTICITY',
      'ID_DOCUMENT_FACE_MATCH',
      'LIVENESS',
    ]);
  });

  it('a DBS session that passes: result DONE, the scheme met, the report as JSON media', async () => {
    const { sessionId } = await client.createSession(simple({ type: 'DBS', objective: 'BASIC' }));
    const documents = (await client.getSessionConfiguration(sessionId)).getCapture();
    expect(documents.getIdDocumentResourceRequirements()[0].getSupportedCountries().length).toBeGreaterThan(
      2,
    );
    await complete(sessionId);

    const result = await client.getSession(sessionId);
    expect(result.getAdvancedIdentityProfile()).toBeUndefined();
    const profile = result.getIdentityProfile();
    expect(profile.getSubjectId()).toBe('some_subject_id_string');
    expect(profile.getResult()).toBe('DONE');
    expect(profile.getFailureReason()).toBeUndefined();
    const report = profile.getIdentityProfileReport();
    expect(report.getTrustFramework()).toBe('UK_TFIDA');
    const [dbs] = report.getSchemesCompliance();
    expect([dbs.getScheme().getType(), dbs.getScheme().getObjective(), dbs.isRequirementsMet()]).toEqual([
      'DBS',
      'BASIC',
      true,
    ]);
    expect(dbs.getRequirementsNotMetInfo()).toBeUndefined();

    const content = await reportOf(sessionId, report.getMedia());
    const [passport] = result.getResources().getIdDocuments();
    const [liveness] = result.getResources().getLivenessCapture();
    expect(content.verification_report).toMatchObject({
      subject_id: 'some_subject_id_string',
      trust_framework: 'UK_TFIDA',
      schemes_compliance: [{ scheme: { type: 'DBS', objective: 'BASIC' }, requirements_met: true }],
      assurance_process: { policy: 'GPG45', level_of_assurance: 'MEDIUM' },
      evidence: {
        documents: [{ evidence_id: passport.getId() }],
        face_capture: { evidence_id: liveness.getId() },
      },
    });
    expect(content.verification_report.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const fields = await reportOf(sessionId, passport.getDocumentFields().getMedia());
    expect(content.identity_assertion).toMatchObject({
      current_name: { full_name: fields.full_name },
      date_of_birth: fields.date_of_birth,
    });
    expect(content.proof).toEqual(expect.any(String));
  });

  it('DBS with RTW reports each scheme; an admin action fails RTW alone: DONE with a failure reason', async () => {
    const { sessionId } = await client.createSession(simple({ type: 'DBS_RTW', objective: 'BASIC' }));
    await complete(sessionId, {
      identityProfile: {
        reasonCode: 'MANDATORY_DOCUMENT_NOT_PROVIDED',
        schemes: { RTW: { requirementsMet: false, requirementsNotMetInfo: 'no British or Irish passport' } },
        requirementsNotMetDetails: [
          { failure_type: 'ID_DOCUMENT_EXTRACTION', document_type: 'DRIVING_LICENCE', details: 'WRONG_TYPE' },
        ],
      },
    });
    const profile = (await client.getSession(sessionId)).getIdentityProfile();
    expect(profile.getResult()).toBe('DONE');
    expect(profile.getFailureReason().getReasonCode()).toBe('MANDATORY_DOCUMENT_NOT_PROVIDED');
    const [detail] = profile.getFailureReason().getRequirementsNotMetDetails();
    expect([detail.getFailureType(), detail.getDocumentType(), detail.getDetails()]).toEqual([
      'ID_DOCUMENT_EXTRACTION',
      'DRIVING_LICENCE',
      'WRONG_TYPE',
    ]);
    expect(
      profile
        .getIdentityProfileReport()
        .getSchemesCompliance()
        .map((c: Any) => [c.getScheme().getType(), c.isRequirementsMet(), c.getRequirementsNotMetInfo()]),
    ).toEqual([
      ['DBS', true, undefined],
      ['RTW', false, 'no British or Irish passport'],
    ]);
  });

  it('a check that rejects aborts the profile: ABORTED, its reason code and the check as detail, no report', async () => {
    const { sessionId } = await client.createSession(simple({ type: 'RTR' }));
    await complete(sessionId, { checks: { LIVENESS: { recommendation: 'REJECT', reason: 'SPOOF' } } });
    const result = await client.getSession(sessionId);
    const profile = result.getIdentityProfile();
    expect(profile.getResult()).toBe('ABORTED');
    expect(profile.getIdentityProfileReport()).toBeUndefined();
    expect(profile.getFailureReason().getReasonCode()).toBe('MISSING_LIVENESS');
    const liveness = result.getLivenessChecks()[0];
    const [detail] = profile.getFailureReason().getRequirementsNotMetDetails();
    expect([detail.getFailureType(), detail.getAuditId(), detail.getDetails()]).toEqual([
      'LIVENESS',
      liveness.getId(),
      'SPOOF',
    ]);
  });

  it('answers with the exact keys the Go and Java SDKs read, and the preview they can ask for', async () => {
    // The Go example's request: raw JSON requirements, subject and create_identity_profile_preview.
    const raw = await ourClient(sim());
    const { session_id: sessionId } = await raw.createSession({
      client_session_token_ttl: 600,
      resources_ttl: 87_000,
      identity_profile_requirements: {
        trust_framework: 'UK_TFIDA',
        scheme: { type: 'DBS', objective: 'STANDARD' },
      },
      subject: { subject_id: 'unique-user-id-for-examples' },
      create_identity_profile_preview: true,
    } as Any);
    await complete(sessionId, { checks: { ID_DOCUMENT_FACE_MATCH: { recommendation: 'REJECT' } } });
    const result = (await raw.getSession(sessionId)) as Any;
    expect(Object.keys(result.identity_profile).sort()).toEqual(['failure_reason', 'result', 'subject_id']);
    expect(result.identity_profile.failure_reason.reason_code).toBe('FACE_MATCH_VERIFICATION_FAILED');
    expect(
      Object.keys(result.identity_profile.failure_reason.requirements_not_met_details[0]).sort(),
    ).toEqual(['audit_id', 'details', 'document_country_iso_code', 'document_type', 'failure_type']);
    // A dead end has no report, so nothing to preview.
    expect(result.identity_profile_preview).toBeUndefined();

    const passing = (
      await raw.createSession({
        client_session_token_ttl: 600,
        identity_profile_requirements: {
          trust_framework: 'UK_TFIDA',
          scheme: { type: 'DBS', objective: 'STANDARD' },
        },
        create_identity_profile_preview: true,
      } as Any)
    ).session_id;
    await complete(passing);
    const done = (await raw.getSession(passing)) as Any;
    expect(Object.keys(done.identity_profile).sort()).toEqual([
      'identity_profile_report',
      'result',
      'subject_id',
    ]);
    expect(done.identity_profile.subject_id).toMatch(/^[0-9a-f-]{36}$/);
    const report = done.identity_profile.identity_profile_report;
    expect(Object.keys(report).sort()).toEqual(['media', 'schemes_compliance', 'trust_framework']);
    expect(Object.keys(report.media).sort()).toEqual(['created', 'id', 'last_updated', 'type']);
    expect(report.schemes_compliance).toEqual([
      { scheme: { type: 'DBS', objective: 'STANDARD' }, requirements_met: true },
    ]);
    const content = await raw.getMediaContent(passing, report.media.id);
    const json = JSON.parse(Buffer.from(content?.bytes ?? []).toString());
    expect(json.verification_report.assurance_process.level_of_assurance).toBe('HIGH');
    const preview = await raw.getMediaContent(passing, done.identity_profile_preview.media.id);
    expect(preview?.contentType).toBe('application/pdf');
  });

  it('the example’s multi-trust-framework session passes: compliance per framework, labels kept', async () => {
    const { sessionId } = await client.createSession(multiTrustFramework());
    const capture = (await client.getSessionConfiguration(sessionId)).getCapture();
    expect(capture.getRequiredResources().map((r: Any) => r.getType())).toEqual(['ID_DOCUMENT', 'LIVENESS']);
    await complete(sessionId);

    const result = await client.getSession(sessionId);
    expect(result.getIdentityProfile()).toBeUndefined();
    const profile = result.getAdvancedIdentityProfile();
    expect([profile.getSubjectId(), profile.getResult(), profile.getFailureReason()]).toEqual([
      'some_subject_id_string',
      'DONE',
      undefined,
    ]);
    const report = profile.getIdentityProfileReport();
    const compliance = report
      .getCompliance()
      .map((framework: Any) => [
        framework.getTrustFramework(),
        framework
          .getSchemesCompliance()
          .map((c: Any) => [
            c.getScheme().getType(),
            c.getScheme().getObjective(),
            c.getScheme().getLabel(),
            c.getRequirementsMet(),
          ]),
      ]);
    expect(compliance).toEqual([
      [
        'UK_TFIDA',
        [
          ['DBS', 'BASIC', 'label-for-DBS-BASIC', true],
          ['RTW', undefined, 'label-for-RTW', true],
        ],
      ],
      [
        'YOTI_GLOBAL',
        [
          ['IDENTITY', 'AL_L1', 'label-for-IDENTITY-AL-L1', true],
          ['GBR_RTW_SHARECODE', undefined, 'label-for-GBR-RTW-SHARECODE', true],
        ],
      ],
    ]);
    const content = await reportOf(sessionId, report.getMedia());
    expect(content.verification_reports.map((r: Any) => r.trust_framework)).toEqual([
      'UK_TFIDA',
      'YOTI_GLOBAL',
    ]);
    expect(content.verification_report).toBeNull();
  });

  it('an admin action fails one labelled scheme, or aborts the advanced profile', async () => {
    const partly = (await client.createSession(multiTrustFramework())).getSessionId();
    await complete(partly, {
      identityProfile: {
        schemes: { 'label-for-RTW': { requirementsMet: false, requirementsNotMetInfo: 'x' } },
      },
    });
    const profile = (await client.getSession(partly)).getAdvancedIdentityProfile();
    expect(profile.getResult()).toBe('DONE');
    expect(profile.getFailureReason().getReasonCode()).toBe('MANDATORY_DOCUMENT_NOT_PROVIDED');
    const met = profile
      .getIdentityProfileReport()
      .getCompliance()
      .flatMap((f: Any) =>
        f.getSchemesCompliance().map((c: Any) => [c.getScheme().getLabel(), c.getRequirementsMet()]),
      );
    expect(met).toContainEqual(['label-for-RTW', false]);
    expect(met.filter(([, ok]: [string, boolean]) => ok)).toHaveLength(3);

    const aborted = (await client.createSession(multiTrustFramework())).getSessionId();
    await complete(aborted, { identityProfile: { result: 'ABORTED', reasonCode: 'FRAUD_DETECTED' } });
    const abortedProfile = (await client.getSession(aborted)).getAdvancedIdentityProfile();
    expect(abortedProfile.getResult()).toBe('ABORTED');
    expect(abortedProfile.getFailureReason().getReasonCode()).toBe('FRAUD_DETECTED');
    expect(abortedProfile.getFailureReason().getRequirementsNotMetDetails()).toEqual([]);
    expect(abortedProfile.getIdentityProfileReport()).toBeUndefined();
  });
});
