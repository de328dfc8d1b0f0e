import type { FlowSession, FlowSessionData } from './progress.js';
import type { TechnologyCode } from './schema.js';
import { RESULT_FIELDS, TECHNOLOGY_INFO } from './technologies.js';

/**
 * The result endpoint's body. Field names follow what integrators read from the real service
 * (`liveness_result.result/prediction`, `face2face_result.prediction_percent`,
 * `edocument_result.result_json.common.docOwner`); a technology not ended yet reads `{}`.
 */
const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export function technologyResult(data: FlowSessionData, code: TechnologyCode): Record<string, unknown> {
  const progress = data.progress[code];
  if (!progress || (progress.status !== 'passed' && progress.status !== 'failed')) return {};
  const passed = progress.status === 'passed';
  const common = { result: passed, created_at: iso(progress.endedAt) };
  const person = data.subject;
  switch (code) {
    case 'LD':
    case 'LDHP':
      return {
        ...common,
        prediction: passed ? '0.9871' : '0.1240',
        eye_closed: false,
        face_center: true,
        face_direction: 'forward',
        ...(code === 'LDHP' ? { head_position: passed } : {}),
      };
    case 'F2F':
      return {
        ...common,
        prediction: passed ? '0.9523' : '0.2110',
        prediction_percent: passed ? '95.23' : '21.10',
        reference: data.metadata.face2face.photo1 ? 'metadata' : 'capture',
      };
    case 'ED': {
      const iin = data.edocument.iin ?? person.iin;
      return {
        ...common,
        iin,
        phone: data.edocument.phone ?? person.phone,
        result_json: passed
          ? {
              common: {
                docOwner: {
                  iin,
                  firstName: person.firstName,
                  lastName: person.lastName,
                  middleName: person.middleName,
                  birthDate: person.birthDate,
                },
              },
            }
          : {},
      };
    }
    case 'DR':
      return {
        ...common,
        document_type: 'ID_CARD',
        fields: passed
          ? {
              iin: person.iin,
              first_name: person.firstName,
              last_name: person.lastName,
              middle_name: person.middleName,
              birth_date: person.birthDate,
              document_number: person.documentNumber,
            }
          : {},
      };
  }
}

/**
 * The result at simulator time `now`. The per-technology results fill in `subResultDelayMs` after
 * the flow ended, all together: integrators report them as `{}` for a couple of seconds after the
 * flow finishes, including results of steps that ended earlier. Until then each reads `{}`.
 */
export function resultBody(session: FlowSession, now: number): Record<string, unknown> {
  const { data } = session;
  const ended = session.state === 'FINISHED' || session.state === 'EXPIRED';
  const filledIn = ended && data.finishedAt !== undefined && now >= data.finishedAt + data.subResultDelayMs;
  const validated = data.technologies
    .map((code) => data.progress[code]?.endedAt)
    .filter((at): at is number => at !== undefined);
  const body: Record<string, unknown> = {
    id: session.id,
    status: ended ? 'FINISHED' : 'PROGRESS',
    flow_session_result: ended ? data.passed === true : null,
    flow_session_failure_reasons: data.failureReasons,
    flow_name: data.flowName,
    created_at: iso(session.createdAt),
    validated_at: validated.length > 0 ? iso(Math.max(...validated)) : null,
    finished_at: iso(data.finishedAt),
    technologies: data.technologies.map((code) => ({
      name: TECHNOLOGY_INFO[code].name,
      description: TECHNOLOGY_INFO[code].description,
      code,
    })),
  };
  for (const field of RESULT_FIELDS) body[field] = {};
  for (const code of filledIn ? data.technologies : []) {
    const result = technologyResult(data, code);
    if (Object.keys(result).length > 0) body[TECHNOLOGY_INFO[code].resultField] = result;
  }
  // Integrators type these as an array and an array of objects; their items are kyc-sim's.
  body.ip_check_results = data.clientIps.map(({ ip, at }) => ({ ip, created_at: iso(at) }));
  body.request_sessions = data.technologies.flatMap((code) => {
    const progress = data.progress[code];
    if (!progress) return [];
    return [
      {
        technology: code,
        status: progress.status.toUpperCase(),
        created_at: iso(progress.startedAt),
        finished_at: iso(progress.endedAt),
      },
    ];
  });
  return body;
}

/**
 * The legacy `GET /v1/main/session/<id>/` of test.biometric.kz, which the Android SDK hands to the
 * app whole. Its shape is not published; a fork of the SDK decides by looking for `"result":true`
 * or `"result":false` in the text, so the body is compact JSON (as DRF renders it) with the
 * overall `result` (null until the session ends) and a per-technology `result` that never says
 * false in a passing session.
 */
export function legacySessionBody(session: FlowSession): Record<string, unknown> {
  const { data } = session;
  const ended = session.state === 'FINISHED' || session.state === 'EXPIRED';
  return {
    id: session.id,
    status: ended ? 'FINISHED' : 'PROGRESS',
    result: ended ? data.passed === true : null,
    flow_name: data.flowName,
    created_at: iso(session.createdAt),
    finished_at: iso(data.finishedAt),
    technologies: data.technologies.map((code) => {
      const status = data.progress[code]?.status;
      return { code, result: status === 'passed' ? true : status === 'failed' ? false : null };
    }),
    failure_reasons: data.failureReasons,
  };
}
