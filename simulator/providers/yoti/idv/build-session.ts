import type { RandomSource } from '../../../engine/random.js';
import { documentSpecs, profileCheckTypes } from './identity-profile/capture.js';
import {
  type CheckRecord,
  type IdvSession,
  type MediaMeta,
  type RequirementRecord,
  yotiTime,
} from './model.js';
import type { ValidSession } from './validate.js';

/** Turns a validated create-session request into the stored session: ids for every requirement and check. */
export function buildSession(
  sdkId: string,
  valid: ValidSession,
  random: RandomSource,
  now: number,
): IdvSession {
  const { payload } = valid;
  const created = yotiTime(now);
  const requirements: RequirementRecord[] = documentSpecs(payload).map((doc, documentIndex) => ({
    id: random.uuid(),
    type: doc.type,
    state: 'REQUIRED',
    documentIndex,
  }));
  // Identity-profile sessions also run the checks their profile needs.
  const requestedChecks = [
    ...payload.requested_checks,
    ...profileCheckTypes(payload).map((type) => ({ type, config: undefined })),
  ];
  for (const check of requestedChecks) {
    if (check.type === 'LIVENESS') {
      const livenessType = (check.config as { liveness_type?: string } | undefined)?.liveness_type ?? 'ZOOM';
      requirements.push({ id: random.uuid(), type: 'LIVENESS', state: 'REQUIRED', livenessType });
    }
    if (check.type === 'FACE_COMPARISON')
      requirements.push({ id: random.uuid(), type: 'FACE_CAPTURE', state: 'REQUIRED' });
  }

  const checks: CheckRecord[] = requestedChecks.map((check) => ({
    id: random.uuid(),
    type: check.type,
    state: 'CREATED',
    ibv: check.config?.manual_check === 'IBV',
    scheme: check.config?.scheme,
    resourcesUsed: [],
    generatedMedia: [],
    created,
    lastUpdated: created,
  }));

  const media: Record<string, MediaMeta> = {};
  let applicantProfileMediaId: string | undefined;
  const profile = payload.resources?.applicant_profile;
  if (profile) {
    applicantProfileMediaId = random.uuid();
    media[applicantProfileMediaId] = {
      id: applicantProfileMediaId,
      type: 'JSON',
      contentType: 'application/json',
      created,
      lastUpdated: created,
      content: Buffer.from(JSON.stringify(profile)).toString('base64'),
    };
  }

  const id = random.uuid();
  return {
    id,
    provider: 'yoti',
    kind: 'idv',
    state: 'ONGOING',
    createdAt: now,
    updatedAt: now,
    data: {
      sdkId,
      clientSessionToken: random.uuid(),
      userTrackingId: payload.user_tracking_id,
      deadline: valid.deadline,
      resourcesTtlS: valid.resourcesTtlS,
      request: payload,
      requirements,
      checks,
      resources: {},
      media,
      applicantProfileMediaId,
      trackedDevices: [],
      notifications: [],
    },
    timeline: [
      {
        at: now,
        event: 'created',
        detail: { checks: checks.map((c) => c.type), documents: requirements.map((r) => r.type) },
      },
    ],
  };
}
