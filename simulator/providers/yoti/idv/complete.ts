import type { Faker } from '@faker-js/faker';
import type { RandomSource } from '../../../engine/random.js';
import { supportedCountries } from './configuration-view.js';
import { documentSpecs } from './identity-profile/capture.js';
import { withIdentityProfile } from './identity-profile/result.js';
import { generatedMedia } from './media.js';
import { type CheckRecord, type IdvData, type MediaMeta, yotiTime } from './model.js';
import { type OutcomePlan, reportFor } from './outcome.js';

/**
 * The user (or the branch) has presented every document: each requirement gets a resource with
 * pages, extracted fields and text-extraction tasks, and every check its report.
 */
export function completeData(
  data: IdvData,
  plan: OutcomePlan,
  random: RandomSource,
  faker: Faker,
  now: number,
): IdvData {
  const at = yotiTime(now);
  const media: Record<string, MediaMeta> = { ...data.media };
  const addMedia = (kind: Parameters<typeof generatedMedia>[0], content?: unknown) => {
    const item = generatedMedia(kind, random.uuid(), at, content);
    media[item.id] = item;
    return { id: item.id, type: item.type, created: at, last_updated: at };
  };
  const idDocuments: Record<string, unknown>[] = [];
  const supplementary: Record<string, unknown>[] = [];
  const extraChecks: CheckRecord[] = [];
  const profile = data.request.resources?.applicant_profile;
  const source = data.request.ibv_options?.support === 'MANDATORY' ? 'IBV' : 'CAMERA';

  const documents = documentSpecs(data.request);
  for (const requirement of data.requirements) {
    if (requirement.documentIndex === undefined) continue;
    const doc = documents[requirement.documentIndex];
    const isId = doc.type === 'ID_DOCUMENT';
    const [country, documentType] = isId
      ? pickIdDocument(doc)
      : [doc.country_codes?.[0] ?? 'GBR', doc.document_types?.[0] ?? 'UTILITY_BILL'];
    const fields = plan.documentFields ?? generatedFields(faker, now, profile, country, documentType);
    const fieldsMedia = addMedia('JSON', fields);
    const taskType = isId
      ? 'ID_DOCUMENT_TEXT_DATA_EXTRACTION'
      : 'SUPPLEMENTARY_DOCUMENT_TEXT_DATA_EXTRACTION';
    const tasks = data.request.requested_tasks
      .filter((t) => t.type === taskType)
      .map((t) => {
        const checkType = isId ? 'ID_DOCUMENT_TEXT_DATA_CHECK' : 'SUPPLEMENTARY_DOCUMENT_TEXT_DATA_CHECK';
        const generated: CheckRecord = {
          id: random.uuid(),
          type: checkType,
          state: 'CREATED',
          ibv: false,
          resourcesUsed: [],
          generatedMedia: [{ id: fieldsMedia.id, type: 'JSON' }],
          created: at,
          lastUpdated: at,
        };
        extraChecks.push(generated);
        return {
          type: t.type,
          id: random.uuid(),
          state: 'DONE',
          created: at,
          last_updated: at,
          generated_checks: [{ id: generated.id, type: checkType }],
          generated_media: [{ id: fieldsMedia.id, type: 'JSON' }],
        };
      });
    const resource: Record<string, unknown> = {
      id: random.uuid(),
      document_type: documentType,
      issuing_country: country,
      pages: [{ capture_method: source, media: addMedia('IMAGE'), frames: [{ media: addMedia('IMAGE') }] }],
      document_fields: { media: fieldsMedia },
      tasks,
    };
    if (isId) {
      resource.document_id_photo = { media: addMedia('IMAGE') };
      idDocuments.push(resource);
    } else {
      resource.file = { media: addMedia('PDF') };
      supplementary.push(resource);
    }
  }

  const documentIds = [...idDocuments, ...supplementary].map((r) => r.id as string);
  const seen: Record<string, number> = {};
  const checks = [...data.checks, ...extraChecks].map((check) => {
    const nth = seen[check.type] ?? 0;
    seen[check.type] = nth + 1;
    return {
      ...check,
      state: 'DONE' as const,
      report: reportFor(plan, check, nth),
      resourcesUsed: check.resourcesUsed.length > 0 ? check.resourcesUsed : documentIds,
      lastUpdated: at,
    };
  });

  const liveness = data.requirements
    .filter((r) => r.type === 'LIVENESS')
    .map((r) => ({
      id: random.uuid(),
      liveness_type: r.livenessType ?? 'ZOOM',
      facemap: { media: addMedia('BINARY') },
      frames: [{ media: addMedia('IMAGE') }],
      tasks: [],
    }));

  const completed: IdvData = {
    ...data,
    media,
    checks,
    requirements: data.requirements.map((r) => ({ ...r, state: 'COMPLETE' })),
    resources: {
      ...data.resources,
      id_documents: idDocuments,
      supplementary_documents: supplementary,
      liveness_capture: liveness,
      face_capture: data.resources.face_capture ?? [],
    },
  };
  return withIdentityProfile(completed, plan.identityProfile, random, now, at);
}

function pickIdDocument(doc: Parameters<typeof supportedCountries>[0]): [string, string] {
  const countries = supportedCountries(doc);
  const country = countries.find((c) => c.code === 'GBR') ?? countries[0];
  return [country?.code ?? 'GBR', country?.supported_documents[0]?.type ?? 'PASSPORT'];
}

type Profile = NonNullable<NonNullable<IdvData['request']['resources']>['applicant_profile']>;

/** Extracted text that agrees with the applicant profile, filled in from the seed where it is silent. */
function generatedFields(
  faker: Faker,
  now: number,
  profile: Profile | undefined,
  country: string,
  documentType: string,
) {
  const given = profile?.given_names ?? profile?.first_name ?? faker.person.firstName();
  const family = profile?.family_name ?? faker.person.lastName();
  // Dates relative to the simulator clock, so a seed gives the same fields run after run.
  const expiry = faker.date.future({ years: 8, refDate: now });
  return {
    full_name: profile?.full_name ?? `${given} ${family}`,
    given_names: profile?.given_names ?? profile?.full_name?.split(' ').slice(0, -1).join(' ') ?? given,
    family_name: profile?.family_name ?? profile?.full_name?.split(' ').at(-1) ?? family,
    date_of_birth:
      profile?.date_of_birth ??
      faker.date.birthdate({ min: 18, max: 80, mode: 'age', refDate: now }).toISOString().slice(0, 10),
    nationality: country,
    issuing_country: country,
    document_type: documentType,
    document_number: faker.string.alphanumeric({ length: 9, casing: 'upper' }),
    expiration_date: expiry.toISOString().slice(0, 10),
    ...(profile?.structured_postal_address && {
      structured_postal_address: profile.structured_postal_address,
    }),
  };
}
