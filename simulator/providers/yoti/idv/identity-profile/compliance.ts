import type { CheckRecord, IdvData } from '../model.js';
import type { IdentityProfileOutcome, RequirementNotMetDetail } from './outcome-schema.js';
import type { RequestedScheme } from './requirements.js';

/** One scheme's verdict as the report lists it. */
export interface SchemeCompliance {
  scheme: RequestedScheme;
  requirementsMet: boolean;
  requirementsNotMetInfo?: string;
}

export interface ProfileVerdict {
  result: 'DONE' | 'ABORTED';
  /** Set when the session aborted or a scheme was not met. */
  failure?: { reason_code: string; requirements_not_met_details: RequirementNotMetDetail[] };
  compliance: SchemeCompliance[];
}

const DEFAULT_REASON = 'MANDATORY_DOCUMENT_NOT_PROVIDED';

/**
 * DBS_RTW is one requested scheme but two compliance reports (DBS at the objective, and RTW), as
 * Yoti's DBS Basic and RTW example shows.
 */
export function reportedSchemes(schemes: RequestedScheme[]): RequestedScheme[] {
  return schemes.flatMap((s) =>
    s.type === 'DBS_RTW'
      ? [
          { ...s, type: 'DBS' },
          { ...s, type: 'RTW', objective: undefined },
        ]
      : [s],
  );
}

/**
 * The verdict an explicit outcome (scenario or admin action) asks for; without details of its own
 * a failure lists the checks that did not approve.
 */
export function verdictFromOutcome(
  outcome: IdentityProfileOutcome,
  schemes: RequestedScheme[],
  data: IdvData,
): ProfileVerdict {
  const compliance = reportedSchemes(schemes).map((scheme) => {
    const entry =
      (scheme.label !== undefined ? outcome.schemes[scheme.label] : undefined) ??
      outcome.schemes[scheme.type] ??
      outcome.schemes['*'];
    return {
      scheme,
      requirementsMet: entry?.requirementsMet ?? true,
      requirementsNotMetInfo: entry?.requirementsMet === false ? entry.requirementsNotMetInfo : undefined,
    };
  });
  const failed = outcome.result === 'ABORTED' || compliance.some((c) => !c.requirementsMet);
  return {
    result: outcome.result,
    compliance,
    ...(failed && {
      failure: {
        reason_code: outcome.reasonCode ?? DEFAULT_REASON,
        requirements_not_met_details:
          outcome.requirementsNotMetDetails.length > 0
            ? outcome.requirementsNotMetDetails
            : failedChecks(data).map((check) => notMetDetail(data, check)),
      },
    }),
  };
}

/** Why a check that did not approve stops an identity profile (Yoti's reason codes). */
const REASON_BY_CHECK: Record<string, string> = {
  LIVENESS: 'MISSING_LIVENESS',
  ID_DOCUMENT_FACE_MATCH: 'FACE_MATCH_VERIFICATION_FAILED',
  ID_DOCUMENT_AUTHENTICITY: 'UNABLE_TO_VALIDATE_DOCUMENT',
  WATCHLIST_SCREENING: 'IDENTITY_CHECK_FAILED',
  THIRD_PARTY_IDENTITY: 'IDENTITY_CHECK_FAILED',
};

/**
 * Without an explicit outcome the checks decide: every check approved → DONE with every scheme
 * met; otherwise ABORTED, the first failed check naming the reason and each failed check listed.
 */
export function verdictFromChecks(data: IdvData, schemes: RequestedScheme[]): ProfileVerdict {
  const failed = failedChecks(data);
  const compliance = reportedSchemes(schemes).map((scheme) => ({
    scheme,
    requirementsMet: failed.length === 0,
  }));
  if (failed.length === 0) return { result: 'DONE', compliance };
  const first = failed[0];
  const reason =
    first.report?.recommendation.value === 'NOT_AVAILABLE'
      ? 'UNABLE_TO_COMPLETE_CHECKS'
      : (REASON_BY_CHECK[first.type] ?? 'UNABLE_TO_COMPLETE_CHECKS');
  return {
    result: 'ABORTED',
    compliance,
    failure: {
      reason_code: reason,
      requirements_not_met_details: failed.map((check) => notMetDetail(data, check)),
    },
  };
}

const failedChecks = (data: IdvData) =>
  data.checks.filter((c) => c.report && c.report.recommendation.value !== 'APPROVE');

function notMetDetail(data: IdvData, check: CheckRecord): RequirementNotMetDetail {
  const document = (data.resources.id_documents ?? []).find((d) =>
    check.resourcesUsed.includes(d.id as string),
  );
  const isDocumentCheck = check.type.startsWith('ID_DOCUMENT');
  return {
    failure_type: check.type,
    ...(isDocumentCheck &&
      document && {
        document_type: document.document_type as string,
        document_country_iso_code: document.issuing_country as string,
      }),
    audit_id: check.id,
    details: check.report?.recommendation.reason ?? check.report?.recommendation.value ?? 'NOT_AVAILABLE',
  };
}
