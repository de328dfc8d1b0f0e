import { describe, expect, it } from 'vitest';
import { DbsSessionBuilder, dbsExampleSession } from './dbs-session.js';

/** The example of Yoti's "Create a session" guide (IBV, UK DBS), copied as published. */
const GUIDE_EXAMPLE = {
  session_deadline: '2024-09-03T23:59:59.000000+00:00',
  resources_ttl: '1209600',
  ibv_options: { support: 'MANDATORY' },
  user_tracking_id: 'some_id',
  notifications: { endpoint: 'https://some-domain.example', topics: ['SESSION_COMPLETION'] },
  requested_checks: [
    { type: 'IBV_VISUAL_REVIEW_CHECK', config: { manual_check: 'IBV' } },
    { type: 'PROFILE_DOCUMENT_MATCH', config: { manual_check: 'IBV' } },
    { type: 'DOCUMENT_SCHEME_VALIDITY_CHECK', config: { manual_check: 'IBV', scheme: 'UK_DBS' } },
  ],
  required_documents: [
    {
      type: 'ID_DOCUMENT',
      filter: {
        type: 'DOCUMENT_RESTRICTIONS',
        inclusion: 'WHITELIST',
        documents: [{ country_codes: ['GBR'], document_types: ['PASSPORT'] }],
      },
    },
    {
      type: 'ID_DOCUMENT',
      filter: {
        type: 'DOCUMENT_RESTRICTIONS',
        inclusion: 'WHITELIST',
        documents: [{ country_codes: ['GBR'], document_types: ['DRIVING_LICENCE'] }],
      },
    },
    {
      type: 'SUPPLEMENTARY_DOCUMENT',
      document_types: ['UTILITY_BILL'],
      country_codes: ['GBR'],
      objective: { type: 'UK_DBS' },
    },
  ],
  resources: {
    applicant_profile: {
      full_name: 'John James Doe',
      date_of_birth: '1988-11-02',
      structured_postal_address: {
        address_format: 1,
        building_number: '74',
        address_line1: '74 Address Line 1',
        town_city: 'CityName',
        postal_code: 'E14 3RN',
        country_iso: 'GBR',
        country: 'United Kingdom',
      },
    },
  },
};

describe('DbsSessionBuilder', () => {
  it('builds exactly the guide’s example', () => {
    expect(dbsExampleSession('2024-09-03T23:59:59.000000+00:00')).toEqual(GUIDE_EXAMPLE);
  });

  it('refuses a session without the applicant, without three documents, or without a deadline', () => {
    const address = { address_format: 1, address_line1: '1 High St', country_iso: 'GBR' };
    const applicant = { fullName: 'A B', dateOfBirth: '1990-01-01', address };
    expect(() => new DbsSessionBuilder().withDeadline(new Date()).build()).toThrow(/applicant/);
    expect(() =>
      new DbsSessionBuilder()
        .withApplicant(applicant)
        .withDeadline(new Date())
        .withIdDocument('GBR', 'PASSPORT')
        .build(),
    ).toThrow(/three documents/);
    const noDeadline = new DbsSessionBuilder()
      .withApplicant(applicant)
      .withIdDocument('GBR', 'PASSPORT')
      .withIdDocument('GBR', 'DRIVING_LICENCE')
      .withSupplementaryDocument(['UTILITY_BILL'], ['GBR']);
    expect(() => noDeadline.build()).toThrow(/withDeadline/);
    expect(noDeadline.withClientSessionTokenTtl(900).build().client_session_token_ttl).toBe(900);
  });
});
