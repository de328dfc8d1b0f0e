import type { RandomSource } from '../../../../engine/random.js';
import { generatedMedia } from '../media.js';
import type { IdvData, MediaMeta } from '../model.js';
import { type ProfileVerdict, verdictFromChecks, verdictFromOutcome } from './compliance.js';
import type { IdentityProfileOutcome } from './outcome-schema.js';
import { profileReport } from './report.js';
import { requestedSchemes } from './requirements.js';

/**
 * What GET /sessions/{id} adds for an identity-profile session once it completes:
 * `identity_profile` or `advanced_identity_profile` (and, when asked for, its preview).
 */
export interface IdentityProfileResult {
  key: 'identity_profile' | 'advanced_identity_profile';
  value: Record<string, unknown>;
  preview?: { key: 'identity_profile_preview' | 'advanced_identity_profile_preview'; mediaId: string };
}

const mediaRef = (m: MediaMeta) => ({
  id: m.id,
  type: m.type,
  created: m.created,
  last_updated: m.lastUpdated,
});

/** Adds the identity profile (and its report media) to completed session data; other sessions pass through. */
export function withIdentityProfile(
  data: IdvData,
  outcome: IdentityProfileOutcome | undefined,
  random: RandomSource,
  now: number,
  at: string,
): IdvData {
  const requested = requestedSchemes(data.request);
  if (!requested) return data;
  const verdict: ProfileVerdict = outcome
    ? verdictFromOutcome(outcome, requested.schemes, data)
    : verdictFromChecks(data, requested.schemes);
  const subjectId =
    (data.request.subject as { subject_id?: string } | undefined)?.subject_id ?? random.uuid();
  const media = { ...data.media };
  const value: Record<string, unknown> = {
    subject_id: subjectId,
    result: verdict.result,
    ...(verdict.failure && { failure_reason: verdict.failure }),
  };
  let preview: IdentityProfileResult['preview'];
  // An aborted session is a dead end: Yoti returns no profile, only the failure reason.
  if (verdict.result === 'DONE') {
    const report = profileReport(data, verdict.compliance, requested.advanced, subjectId, random, now);
    const reportMedia = generatedMedia('JSON', random.uuid(), at, report);
    media[reportMedia.id] = reportMedia;
    value.identity_profile_report = requested.advanced
      ? { compliance: frameworkCompliance(report), media: mediaRef(reportMedia) }
      : {
          trust_framework: (report.verification_report as { trust_framework: string }).trust_framework,
          schemes_compliance: (report.verification_report as { schemes_compliance: unknown[] })
            .schemes_compliance,
          media: mediaRef(reportMedia),
        };
    if (data.request.create_identity_profile_preview === true) {
      const previewMedia = generatedMedia('PDF', random.uuid(), at);
      media[previewMedia.id] = previewMedia;
      preview = {
        key: requested.advanced ? 'advanced_identity_profile_preview' : 'identity_profile_preview',
        mediaId: previewMedia.id,
      };
    }
  }
  const result: IdentityProfileResult = {
    key: requested.advanced ? 'advanced_identity_profile' : 'identity_profile',
    value,
    ...(preview && { preview }),
  };
  return { ...data, media, identityProfile: result };
}

/** The advanced wire form: one entry per trust framework, taken from the report's verification reports. */
function frameworkCompliance(report: Record<string, unknown>) {
  return (report.verification_reports as { trust_framework: string; schemes_compliance: unknown[] }[]).map(
    (r) => ({ trust_framework: r.trust_framework, schemes_compliance: r.schemes_compliance }),
  );
}

/** The session view's fields for the profile; the preview's media is looked up now (it may be deleted). */
export function identityProfileView(data: IdvData): Record<string, unknown> {
  const result = data.identityProfile;
  if (!result) return {};
  const preview = result.preview && data.media[result.preview.mediaId];
  return {
    [result.key]: result.value,
    ...(result.preview && preview && { [result.preview.key]: { media: mediaRef(preview) } }),
  };
}
