import { createHash } from 'node:crypto';
import type { RandomSource } from '../../../../engine/random.js';
import type { IdvData } from '../model.js';
import type { SchemeCompliance } from './compliance.js';

/**
 * The identity profile report: the JSON behind the report's media, in the shape of Yoti's
 * "Identity profile report" page and its RTW example (identity assertion, verification report
 * with scheme compliance, assurance and evidence linked to the session's resources, authentication
 * report, proof). The advanced form carries one verification report per trust framework.
 */

/** RFC 3339 UTC without fractional seconds, as the report's timestamps are written. */
export const reportTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

interface Evidence {
  documents: { id: string; fields: Record<string, unknown>; passedChecks: { check: string }[] }[];
  faceId?: string;
}

export function profileReport(
  data: IdvData,
  compliance: SchemeCompliance[],
  advanced: boolean,
  subjectId: string,
  random: RandomSource,
  now: number,
): Record<string, unknown> {
  const evidence = evidenceOf(data);
  const at = reportTime(now);
  const frameworks = [...new Set(compliance.map((c) => c.scheme.trustFramework))];
  const verificationReports = frameworks.map((framework) =>
    verificationReport(
      framework,
      compliance.filter((c) => c.scheme.trustFramework === framework),
      evidence,
      subjectId,
      random.uuid(),
      at,
    ),
  );
  const authentication = { report_id: random.uuid(), timestamp: at, policy: 'GPG44', level: 'MEDIUM' };
  const body = advanced
    ? {
        identity_assertion: identityAssertion(evidence),
        verification_report: null,
        authentication_report: null,
        verification_reports: verificationReports,
        authentication_reports: [authentication],
      }
    : {
        identity_assertion: identityAssertion(evidence),
        verification_report: verificationReports[0],
        authentication_report: authentication,
      };
  // Not a real signature: a digest of the report, so the field is there and changes with the content.
  const proof = createHash('sha256').update(JSON.stringify(body)).digest('base64');
  return { ...body, proof };
}

function evidenceOf(data: IdvData): Evidence {
  const documents = (data.resources.id_documents ?? []).map((doc) => {
    const mediaId = (doc.document_fields as { media?: { id?: string } } | undefined)?.media?.id;
    const content = mediaId ? data.media[mediaId]?.content : undefined;
    const fields = content
      ? (JSON.parse(Buffer.from(content, 'base64').toString()) as Record<string, unknown>)
      : {};
    const passedChecks = data.checks
      .filter(
        (c) => c.report?.recommendation.value === 'APPROVE' && c.resourcesUsed.includes(doc.id as string),
      )
      .map((c) => ({ check: c.type }));
    return { id: doc.id as string, fields, passedChecks };
  });
  const face = data.resources.liveness_capture?.[0] ?? data.resources.face_capture?.[0];
  return { documents, faceId: face?.id as string | undefined };
}

function identityAssertion(evidence: Evidence) {
  const fields = evidence.documents[0]?.fields ?? {};
  const given = typeof fields.given_names === 'string' ? fields.given_names : undefined;
  const [first, ...middle] = given?.split(' ') ?? [];
  return {
    current_name: {
      ...(given && { given_names: given, first_name: first }),
      ...(middle.length > 0 && { middle_name: middle.join(' ') }),
      ...(typeof fields.family_name === 'string' && { family_name: fields.family_name }),
      full_name: fields.full_name,
    },
    date_of_birth: fields.date_of_birth,
    ...(fields.structured_postal_address !== undefined && {
      current_address: { address: fields.structured_postal_address },
    }),
  };
}

/** GPG45 level for the UK framework; Yoti Global's objectives name theirs (AL_L1 low, AL_M1 medium...). */
function levelOfAssurance(compliance: SchemeCompliance[]): string {
  const objectives = compliance.map((c) => c.scheme.objective ?? '');
  if (objectives.some((o) => o === 'STANDARD' || o === 'ENHANCED' || o.startsWith('AL_H'))) return 'HIGH';
  if (objectives.length > 0 && objectives.every((o) => o.startsWith('AL_L'))) return 'LOW';
  return 'MEDIUM';
}

function verificationReport(
  framework: string,
  compliance: SchemeCompliance[],
  evidence: Evidence,
  subjectId: string,
  reportId: string,
  at: string,
) {
  const documentIds = evidence.documents.map((d) => d.id);
  const level = levelOfAssurance(compliance);
  return {
    report_id: reportId,
    timestamp: at,
    subject_id: subjectId,
    trust_framework: framework,
    schemes_compliance: compliance.map((c) => ({
      scheme: {
        type: c.scheme.type,
        ...(c.scheme.objective && { objective: c.scheme.objective }),
        ...(c.scheme.label && { label: c.scheme.label }),
      },
      requirements_met: c.requirementsMet,
      ...(c.requirementsNotMetInfo && { requirements_not_met_info: c.requirementsNotMetInfo }),
    })),
    assurance_process: {
      level_of_assurance: level,
      policy: framework === 'UK_TFIDA' ? 'GPG45' : framework,
      procedure: { LOW: 'L1A', MEDIUM: 'M1C', HIGH: 'H1B' }[level],
      assurance: [
        { type: 'EVIDENCE_STRENGTH', classification: '4', evidence_links: documentIds },
        { type: 'EVIDENCE_VALIDITY', classification: '3', evidence_links: documentIds },
        {
          type: 'VERIFICATION',
          classification: '3',
          evidence_links: [...documentIds, ...(evidence.faceId ? [evidence.faceId] : [])],
        },
      ],
    },
    evidence: {
      documents: evidence.documents.map((d) => ({
        evidence_id: d.id,
        timestamp: at,
        document_fields: d.fields,
        passed_checks: d.passedChecks,
        verifying_org: 'Yoti Ltd.',
      })),
      ...(evidence.faceId && {
        face_capture: {
          evidence_id: evidence.faceId,
          initial_liveness: { type: 'ACTIVE', timestamp: at },
          verifying_org: 'Yoti Ltd.',
        },
      }),
    },
  };
}
