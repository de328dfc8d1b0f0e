/** Names Yoti's IDV API knows: check, task, document and notification types. */

export const IBV_CHECK_TYPES = [
  'IBV_VISUAL_REVIEW_CHECK',
  'PROFILE_DOCUMENT_MATCH',
  'DOCUMENT_SCHEME_VALIDITY_CHECK',
] as const;

export const CHECK_TYPES = [
  'ID_DOCUMENT_AUTHENTICITY',
  'ID_DOCUMENT_COMPARISON',
  'ID_DOCUMENT_FACE_MATCH',
  'LIVENESS',
  'FACE_COMPARISON',
  'THIRD_PARTY_IDENTITY',
  'THIRD_PARTY_IDENTITY_FRAUD_1',
  'WATCHLIST_SCREENING',
  'WATCHLIST_ADVANCED_CA',
  ...IBV_CHECK_TYPES,
] as const;

export const TASK_TYPES = [
  'ID_DOCUMENT_TEXT_DATA_EXTRACTION',
  'SUPPLEMENTARY_DOCUMENT_TEXT_DATA_EXTRACTION',
] as const;

export const MANUAL_CHECK_VALUES = ['ALWAYS', 'FALLBACK', 'NEVER', 'IBV'] as const;

export const ID_DOCUMENT_TYPES = [
  'PASSPORT',
  'DRIVING_LICENCE',
  'NATIONAL_ID',
  'RESIDENCE_PERMIT',
  'PASS_CARD',
  'AADHAAR',
  'PAN',
  'TRAVEL_DOCUMENT',
  'VISA',
  'BIRTH_CERTIFICATE',
] as const;

export const SUPPLEMENTARY_DOCUMENT_TYPES = [
  'UTILITY_BILL',
  'BANK_STATEMENT',
  'COUNCIL_TAX',
  'MORTGAGE_STATEMENT',
  'P60',
  'P45',
  'TAX_STATEMENT',
  'BENEFIT_LETTER',
  'MARRIAGE_CERTIFICATE',
  'BIRTH_CERTIFICATE',
  'OTHER',
] as const;

export const OBJECTIVE_TYPES = ['PROOF_OF_ADDRESS', 'UK_DBS'] as const;

export const NOTIFICATION_TOPICS = [
  'RESOURCE_UPDATE',
  'TASK_COMPLETION',
  'CHECK_COMPLETION',
  'SESSION_COMPLETION',
  'CLIENT_SESSION_TOKEN_DELETED',
  'NEW_PDF_SUPPLIED',
  'INSTRUCTIONS_EMAIL_REQUESTED',
  'THANK_YOU_EMAIL_REQUESTED',
  'FIRST_BRANCH_VISIT',
] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

/** Sub-checks reported for each check type when the scenario gives no breakdown. */
export const DEFAULT_SUB_CHECKS: Record<string, string[]> = {
  ID_DOCUMENT_AUTHENTICITY: ['document_in_date', 'fraud_list_check', 'real_document'],
  ID_DOCUMENT_FACE_MATCH: ['ai_face_match'],
  LIVENESS: ['liveness_auth'],
  IBV_VISUAL_REVIEW_CHECK: ['document_in_date', 'real_document', 'face_match'],
  PROFILE_DOCUMENT_MATCH: ['name_match', 'date_of_birth_match', 'address_match'],
  DOCUMENT_SCHEME_VALIDITY_CHECK: ['scheme_document_accepted', 'document_issue_date_valid'],
};
