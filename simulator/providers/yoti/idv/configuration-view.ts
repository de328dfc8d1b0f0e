import { documentSpecs } from './identity-profile/capture.js';
import type { IdvSession, RequirementRecord } from './model.js';
import type { RequiredDocumentSpec } from './payload.js';
import type { IdvAppConfig } from './schema.js';
import { SUPPORTED_COUNTRIES } from './supported-documents.js';

/** GET /sessions/{id}/configuration, shaped like the provider document's example. */
export function configurationView(session: IdvSession, app: IdvAppConfig, now: number) {
  const { data } = session;
  const { request } = data;
  const profileMedia = data.applicantProfileMediaId ? data.media[data.applicantProfileMediaId] : undefined;
  const biometric =
    request.requested_checks.some((c) =>
      ['LIVENESS', 'ID_DOCUMENT_FACE_MATCH', 'FACE_COMPARISON'].includes(c.type),
    ) || data.requirements.some((r) => r.type === 'LIVENESS');
  return {
    session_id: session.id,
    client_session_token_ttl: tokenTtl(session, now),
    requested_checks: request.requested_checks.map((c) => c.type),
    ...(profileMedia && {
      applicant_profile: {
        media: {
          id: profileMedia.id,
          type: profileMedia.type,
          created: profileMedia.created,
          last_updated: profileMedia.lastUpdated,
        },
      },
    }),
    capture: {
      required_resources: data.requirements.map((r) => requiredResource(session, r, app)),
      biometric_consent: biometric && !request.block_biometric_consent ? 'REQUIRED' : 'NOT_REQUIRED',
    },
    sdk_config: {
      primary_colour: '#2D9FFF',
      locale: 'en-GB',
      hide_logo: false,
      allow_handoff: false,
      ...app.sdkConfig,
      ...request.sdk_config,
    },
    track_ip_address: true,
  };
}

export const tokenTtl = (session: IdvSession, now: number) =>
  Math.max(0, Math.floor((session.data.deadline - now) / 1000));

function requiredResource(session: IdvSession, requirement: RequirementRecord, app: IdvAppConfig) {
  const { request, checks } = session.data;
  const allowedSources =
    request.ibv_options?.support === 'MANDATORY' && requirement.documentIndex !== undefined
      ? [{ type: 'IBV' }]
      : [{ type: 'END_USER' }];
  const base = {
    type: requirement.type,
    id: requirement.id,
    state: requirement.state,
    allowed_sources: allowedSources,
  };
  if (requirement.type === 'LIVENESS') return { ...base, liveness_type: requirement.livenessType ?? 'ZOOM' };
  if (requirement.type === 'FACE_CAPTURE') return base;

  const doc = documentSpecs(request)[requirement.documentIndex ?? 0];
  const taskType =
    doc.type === 'ID_DOCUMENT'
      ? 'ID_DOCUMENT_TEXT_DATA_EXTRACTION'
      : 'SUPPLEMENTARY_DOCUMENT_TEXT_DATA_EXTRACTION';
  const ibvChecks = checks.filter((c) => c.ibv);
  const common = {
    ...base,
    requested_tasks: request.requested_tasks
      .filter((t) => t.type === taskType)
      .map((t) => ({ type: t.type, state: requirement.state === 'COMPLETE' ? 'DONE' : 'REQUIRED' })),
    ...(ibvChecks.length > 0 && {
      ibv_client_assessments: ibvChecks.map((c) => ({
        type: c.type,
        state: c.state === 'DONE' ? 'COMPLETE' : 'REQUIRED',
        ...(c.scheme && { scheme: c.scheme }),
      })),
    }),
  };
  if (doc.type === 'SUPPLEMENTARY_DOCUMENT') {
    return {
      ...common,
      document_types: doc.document_types ?? [],
      country_codes: doc.country_codes ?? [],
      objective: doc.objective,
    };
  }
  return {
    ...common,
    supported_countries: supportedCountries(doc),
    allowed_capture_methods: String(
      request.sdk_config?.allowed_capture_methods ?? app.sdkConfig.allowed_capture_methods ?? 'CAMERA',
    ),
    attempts_remaining: app.attemptsRemaining,
  };
}

/** The countries and document types an ID_DOCUMENT requirement accepts once its filter is applied. */
export function supportedCountries(doc: RequiredDocumentSpec) {
  const accepts = documentPredicate(doc);
  return SUPPORTED_COUNTRIES.map((country) => ({
    code: country.code,
    supported_documents: country.supported_documents
      .filter((d) => accepts(country.code, d.type))
      .map((d) => ({ type: d.type })),
  })).filter((c) => c.supported_documents.length > 0);
}

function documentPredicate(doc: RequiredDocumentSpec): (country: string, type: string) => boolean {
  const filter = doc.filter;
  if (!filter) return () => true;
  if (filter.type === 'DOCUMENT_RESTRICTIONS') {
    const listed = (country: string, type: string) =>
      filter.documents.some(
        (d) =>
          (!d.country_codes?.length || d.country_codes.includes(country)) &&
          (!d.document_types?.length || d.document_types.includes(type)),
      );
    return filter.inclusion === 'WHITELIST' ? listed : (c, t) => !listed(c, t);
  }
  const { country_restriction: countries, type_restriction: types } = filter;
  return (country, type) => {
    const countryOk =
      !countries || countries.country_codes.includes(country) === (countries.inclusion === 'WHITELIST');
    const typeOk = !types || types.document_types.includes(type) === (types.inclusion === 'WHITELIST');
    return countryOk && typeOk;
  };
}
