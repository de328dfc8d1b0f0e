import { tokenTtl } from './configuration-view.js';
import { identityProfileView } from './identity-profile/result.js';
import type { CheckRecord, IdvSession } from './model.js';

/** POST /sessions answer. */
export function createResultView(session: IdvSession, now: number) {
  return {
    client_session_token_ttl: tokenTtl(session, now),
    client_session_token: session.data.clientSessionToken,
    session_id: session.id,
  };
}

/** GET /sessions/{id}: state, checks with their reports, resources with their media ids. */
export function sessionView(session: IdvSession, now: number) {
  const { data } = session;
  return {
    session_id: session.id,
    client_session_token_ttl: tokenTtl(session, now),
    client_session_token: data.clientSessionToken,
    ...(data.userTrackingId !== undefined && { user_tracking_id: data.userTrackingId }),
    state: session.state,
    checks: data.checks.map(checkView),
    resources: {
      id_documents: data.resources.id_documents ?? [],
      supplementary_documents: data.resources.supplementary_documents ?? [],
      liveness_capture: data.resources.liveness_capture ?? [],
      face_capture: data.resources.face_capture ?? [],
    },
    ...identityProfileView(data),
  };
}

export function checkView(check: CheckRecord) {
  return {
    type: check.type,
    id: check.id,
    state: check.state,
    resources_used: check.resourcesUsed,
    generated_media: check.generatedMedia,
    ...(check.report && { report: check.report }),
    created: check.created,
    last_updated: check.lastUpdated,
  };
}
