import type { CreateSessionPayload, RequiredDocumentSpec } from '../payload.js';
import { type RequestedScheme, requestedSchemes } from './requirements.js';

/**
 * What an identity-profile session asks the user to capture when the relying business lists
 * nothing itself: an identity document the schemes accept and a liveness capture; and the checks
 * Yoti runs to build the profile (their reports link to the profile's evidence).
 */

export const PROFILE_CHECK_TYPES = [
  'ID_DOCUMENT_AUTHENTICITY',
  'ID_DOCUMENT_FACE_MATCH',
  'LIVENESS',
] as const;

/** Digital right to work / rent checks take British or Irish passports (and passport cards) only. */
const RTW_DOCUMENTS = {
  type: 'ORTHOGONAL_RESTRICTIONS',
  country_restriction: { inclusion: 'WHITELIST', country_codes: ['GBR', 'IRL'] },
  type_restriction: { inclusion: 'WHITELIST', document_types: ['PASSPORT', 'PASS_CARD'] },
} as const;

const schemeRestriction = (scheme: RequestedScheme): unknown =>
  scheme.filter ?? (scheme.type === 'RTW' || scheme.type === 'RTR' ? RTW_DOCUMENTS : undefined);

/** The documents the session needs: those requested, then the profile's identity document. */
export function documentSpecs(request: CreateSessionPayload): RequiredDocumentSpec[] {
  const requested = requestedSchemes(request);
  if (!requested || request.required_documents.some((d) => d.type === 'ID_DOCUMENT')) {
    return request.required_documents;
  }
  // The journey goes on while any scheme can still be met, so a restriction applies only when
  // every scheme has one (then the first scheme's).
  const restrictions = requested.schemes.map(schemeRestriction);
  const filter = restrictions.every((r) => r !== undefined) ? restrictions[0] : undefined;
  const profileDocument = {
    type: 'ID_DOCUMENT',
    ...(filter !== undefined && { filter }),
  } as RequiredDocumentSpec;
  return [...request.required_documents, profileDocument];
}

/** Check types the profile needs that the request did not ask for. */
export function profileCheckTypes(request: CreateSessionPayload): string[] {
  if (!requestedSchemes(request)) return [];
  return PROFILE_CHECK_TYPES.filter((type) => !request.requested_checks.some((c) => c.type === type));
}
