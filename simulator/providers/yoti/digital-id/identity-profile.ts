import type { RandomSource } from '../../../engine/random.js';
import { toAttribute, unwrap } from '../receipt/attributes.js';
import type { SharedAttribute } from '../receipt/share-result.js';
import type { ShareSessionPolicy } from './payload.js';
import type { IdentityProfileOutcome } from './schema.js';

interface Scheme {
  type: string;
  objective?: string;
  label?: string;
}

/** The trust frameworks and schemes a policy asks for, simple or advanced. */
export function requestedFrameworks(
  policy: ShareSessionPolicy,
): { trustFramework: string; schemes: Scheme[] }[] {
  const advanced = policy.advanced_identity_profile_requirements;
  if (advanced) {
    return advanced.profiles.map((p) => ({
      trustFramework: p.trust_framework,
      schemes: p.schemes as Scheme[],
    }));
  }
  const simple = policy.identity_profile_requirements ?? {};
  const scheme = (simple.scheme ?? {}) as Scheme;
  return [{ trustFramework: String(simple.trust_framework ?? 'UK_TFIDA'), schemes: [scheme] }];
}

/**
 * The `identity_profile_report` attribute of an identity-profile share and the selfie and
 * document images attributes its evidence points at (by attribute id, as the SDK's
 * getAttributeById finds them). Simple requirements give `verification_report`, advanced ones
 * `verification_reports` (one per trust framework), as the SDK's example reads them.
 */
export function identityProfileAttributes(
  policy: ShareSessionPolicy,
  person: Record<string, unknown>,
  supplied: Record<string, unknown>,
  verdict: IdentityProfileOutcome,
  random: RandomSource,
  sharedAt: number,
): SharedAttribute[] {
  const value = (name: string) => unwrap(supplied[name] ?? person[name]).value;
  const selfie = { ...toAttribute('selfie', value('selfie')), id: random.uuid() };
  const images = { ...toAttribute('document_images', value('document_images')), id: random.uuid() };
  const timestamp = new Date(sharedAt).toISOString();
  const report = (trustFramework: string, schemes: Scheme[]) => ({
    report_id: random.uuid(),
    timestamp,
    subject_id: random.uuid(),
    trust_framework: trustFramework,
    schemes_compliance: schemes.map((scheme) => ({
      scheme: {
        type: scheme.type,
        objective: scheme.objective ?? '',
        ...(scheme.label ? { label: scheme.label } : {}),
      },
      requirements_met: verdict.requirementsMet,
      ...(verdict.requirementsMet ? {} : { requirements_not_met_info: verdict.requirementsNotMetInfo }),
    })),
    assurance_process: { level_of_assurance: 'MEDIUM', policy: 'GPG45', procedure: 'M1C', assurance: [] },
    evidence: {
      face: { verifying_document_id: 'document-1', selfie_attribute_id: selfie.id },
      documents: [
        {
          document_id: 'document-1',
          document_type: 'PASSPORT',
          issuing_country: 'GBR',
          document_fields: { full_name: value('full_name'), date_of_birth: value('date_of_birth') },
          document_images_attribute_id: images.id,
        },
      ],
    },
  });
  const authentication = () => ({ report_id: random.uuid(), timestamp, level: 'LOW', policy: 'GPG44' });
  const frameworks = requestedFrameworks(policy);
  const identityAssertion = {
    current_name: {
      given_names: value('given_names'),
      family_name: value('family_name'),
      full_name: value('full_name'),
    },
    date_of_birth: value('date_of_birth'),
    current_address: unwrap(supplied.structured_postal_address ?? person.structured_postal_address).value,
  };
  const reportValue = policy.advanced_identity_profile_requirements
    ? {
        identity_assertion: identityAssertion,
        verification_reports: frameworks.map((f) => report(f.trustFramework, f.schemes)),
        authentication_reports: frameworks.map(authentication),
        proof: random.bytes(64).toString('base64'),
      }
    : {
        identity_assertion: identityAssertion,
        verification_report: report(frameworks[0].trustFramework, frameworks[0].schemes),
        authentication_report: authentication(),
        proof: random.bytes(64).toString('base64'),
      };
  return [toAttribute('identity_profile_report', reportValue, []), selfie, images];
}
