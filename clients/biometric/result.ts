import type { SessionResult, TechnologyCode } from './types.js';

/** Where each technology's outcome is in the result. */
const RESULT_FIELD: Record<string, keyof SessionResult> = {
  LD: 'liveness_result',
  LDHP: 'liveness_result',
  F2F: 'face2face_result',
  ED: 'edocument_result',
  DR: 'document_recognition_result',
};

/**
 * Whether the result is final: the flow has finished and every technology that ran (per
 * `request_sessions`, else all of the flow's until a failure) has a filled-in result.
 */
export function isResultComplete(result: SessionResult): boolean {
  if (result.status !== 'FINISHED') return false;
  const ran: TechnologyCode[] = result.request_sessions
    ? result.request_sessions
        .filter((entry) => entry.status === 'PASSED' || entry.status === 'FAILED')
        .map((entry) => String(entry.technology))
    : result.flow_session_result
      ? result.technologies.flatMap((t) => (t.code ? [t.code] : []))
      : [];
  return ran.every((code) => {
    const field = RESULT_FIELD[code];
    const value = field ? result[field] : undefined;
    return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
  });
}
