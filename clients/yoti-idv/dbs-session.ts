import type {
  CountryCode,
  CreateSessionRequest,
  NotificationConfig,
  RequiredDocument,
  StructuredPostalAddress,
} from './types.js';

export interface DbsApplicant {
  fullName: string;
  /** yyyy-mm-dd */
  dateOfBirth: string;
  address: StructuredPostalAddress;
  givenNames?: string;
  familyName?: string;
}

const IBV = { manual_check: 'IBV' } as const;

/**
 * An in-branch (IBV) session for a UK DBS check, as in Yoti's "Create a session" guide: the
 * applicant's name, date of birth and address, the three documents they bring to the post
 * office, and the three in-person checks (visual review, profile match, DBS scheme validity).
 */
export class DbsSessionBuilder {
  #applicant?: DbsApplicant;
  #deadline?: string;
  #ttl?: number;
  #resourcesTtl: number | string = '1209600';
  #documents: RequiredDocument[] = [];
  #notifications?: NotificationConfig;
  #userTrackingId?: string;

  withApplicant(applicant: DbsApplicant): this {
    this.#applicant = applicant;
    return this;
  }

  /** The user has until then to complete the session (or use withClientSessionTokenTtl). */
  withDeadline(deadline: Date | string): this {
    this.#deadline = typeof deadline === 'string' ? deadline : deadline.toISOString();
    return this;
  }

  withClientSessionTokenTtl(seconds: number): this {
    this.#ttl = seconds;
    return this;
  }

  /** Seconds the uploaded documents are kept; at least 24 h longer than the session lives. */
  withResourcesTtl(seconds: number | string): this {
    this.#resourcesTtl = seconds;
    return this;
  }

  withIdDocument(country: CountryCode, documentType: string): this {
    this.#documents.push({
      type: 'ID_DOCUMENT',
      filter: {
        type: 'DOCUMENT_RESTRICTIONS',
        inclusion: 'WHITELIST',
        documents: [{ country_codes: [country], document_types: [documentType] }],
      },
    });
    return this;
  }

  withSupplementaryDocument(documentTypes: string[], countries: CountryCode[]): this {
    this.#documents.push({
      type: 'SUPPLEMENTARY_DOCUMENT',
      document_types: documentTypes,
      country_codes: countries,
      objective: { type: 'UK_DBS' },
    });
    return this;
  }

  withNotifications(notifications: NotificationConfig): this {
    this.#notifications = notifications;
    return this;
  }

  withUserTrackingId(id: string): this {
    this.#userTrackingId = id;
    return this;
  }

  build(): CreateSessionRequest {
    const applicant = this.#applicant;
    if (!applicant)
      throw new Error('a DBS session needs the applicant: withApplicant({fullName, dateOfBirth, address})');
    if (this.#documents.length !== 3) {
      throw new Error(
        `a DBS session lists the three documents the applicant brings; got ${this.#documents.length}`,
      );
    }
    if (!this.#deadline && this.#ttl === undefined) {
      throw new Error('set withDeadline(date) or withClientSessionTokenTtl(seconds)');
    }
    return {
      ...(this.#deadline ? { session_deadline: this.#deadline } : { client_session_token_ttl: this.#ttl }),
      resources_ttl: this.#resourcesTtl,
      ibv_options: { support: 'MANDATORY' },
      ...(this.#userTrackingId && { user_tracking_id: this.#userTrackingId }),
      ...(this.#notifications && { notifications: this.#notifications }),
      requested_checks: [
        { type: 'IBV_VISUAL_REVIEW_CHECK', config: IBV },
        { type: 'PROFILE_DOCUMENT_MATCH', config: IBV },
        { type: 'DOCUMENT_SCHEME_VALIDITY_CHECK', config: { ...IBV, scheme: 'UK_DBS' } },
      ],
      required_documents: this.#documents,
      resources: {
        applicant_profile: {
          full_name: applicant.fullName,
          ...(applicant.givenNames && { given_names: applicant.givenNames }),
          ...(applicant.familyName && { family_name: applicant.familyName }),
          date_of_birth: applicant.dateOfBirth,
          structured_postal_address: applicant.address,
        },
      },
    };
  }
}

/** The applicant of the guide's example. */
export const GUIDE_APPLICANT: DbsApplicant = {
  fullName: 'John James Doe',
  dateOfBirth: '1988-11-02',
  address: {
    address_format: 1,
    building_number: '74',
    address_line1: '74 Address Line 1',
    town_city: 'CityName',
    postal_code: 'E14 3RN',
    country_iso: 'GBR',
    country: 'United Kingdom',
  },
};

/** The guide's example session, with a deadline of your choosing (the guide's is in the past). */
export function dbsExampleSession(
  deadline: Date | string,
  endpoint = 'https://some-domain.example',
): CreateSessionRequest {
  return new DbsSessionBuilder()
    .withDeadline(deadline)
    .withResourcesTtl('1209600')
    .withUserTrackingId('some_id')
    .withNotifications({ endpoint, topics: ['SESSION_COMPLETION'] })
    .withApplicant(GUIDE_APPLICANT)
    .withIdDocument('GBR', 'PASSPORT')
    .withIdDocument('GBR', 'DRIVING_LICENCE')
    .withSupplementaryDocument(['UTILITY_BILL'], ['GBR'])
    .build();
}
