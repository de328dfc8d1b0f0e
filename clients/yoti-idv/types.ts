/** Wire types of the Yoti IDV sessions API, as far as this client uses them. */

export type CountryCode = string;
export type NotificationTopic =
  | 'RESOURCE_UPDATE'
  | 'TASK_COMPLETION'
  | 'CHECK_COMPLETION'
  | 'SESSION_COMPLETION'
  | 'NEW_PDF_SUPPLIED'
  | 'INSTRUCTIONS_EMAIL_REQUESTED'
  | 'THANK_YOU_EMAIL_REQUESTED';

export interface StructuredPostalAddress {
  address_format: number;
  building_number?: string;
  address_line1: string;
  address_line2?: string;
  town_city?: string;
  postal_code?: string;
  country_iso: CountryCode;
  country?: string;
}

export interface ApplicantProfile {
  full_name?: string;
  /** yyyy-mm-dd */
  date_of_birth?: string;
  given_names?: string;
  first_name?: string;
  middle_name?: string;
  family_name?: string;
  structured_postal_address?: StructuredPostalAddress;
}

export interface RequestedCheck {
  type: string;
  config?: {
    manual_check?: 'ALWAYS' | 'FALLBACK' | 'NEVER' | 'IBV';
    scheme?: string;
    [key: string]: unknown;
  };
}

export interface DocumentRestrictionsFilter {
  type: 'DOCUMENT_RESTRICTIONS';
  inclusion: 'WHITELIST' | 'BLACKLIST';
  documents: { country_codes?: CountryCode[]; document_types?: string[] }[];
}

export type RequiredDocument =
  | { type: 'ID_DOCUMENT'; filter?: DocumentRestrictionsFilter }
  | {
      type: 'SUPPLEMENTARY_DOCUMENT';
      document_types: string[];
      country_codes?: CountryCode[];
      objective: { type: string };
    };

export interface NotificationConfig {
  endpoint: string;
  topics?: NotificationTopic[];
  auth_token?: string;
  auth_type?: 'BASIC' | 'BEARER';
}

export interface CreateSessionRequest {
  session_deadline?: string;
  client_session_token_ttl?: number;
  resources_ttl?: number | string;
  ibv_options?: { support: 'MANDATORY' | 'NOT_ALLOWED' };
  user_tracking_id?: string;
  notifications?: NotificationConfig;
  requested_checks: RequestedCheck[];
  requested_tasks?: { type: string; config?: Record<string, unknown> }[];
  required_documents: RequiredDocument[];
  sdk_config?: Record<string, unknown>;
  resources?: { applicant_profile?: ApplicantProfile };
}

export interface CreateSessionResult {
  client_session_token_ttl: number;
  client_session_token: string;
  session_id: string;
}

export interface Media {
  id: string;
  type: string;
  created?: string;
  last_updated?: string;
}

export interface Check {
  type: string;
  id: string;
  state: 'CREATED' | 'PENDING' | 'DONE' | string;
  resources_used: string[];
  generated_media: { id: string; type: string }[];
  report?: {
    recommendation: {
      value: 'APPROVE' | 'REJECT' | 'NOT_AVAILABLE' | string;
      reason?: string;
      recovery_suggestion?: string;
    };
    breakdown: {
      sub_check: string;
      result: string;
      process?: string;
      details: { name: string; value: string }[];
    }[];
  };
  created: string;
  last_updated: string;
}

export interface DocumentResource {
  id: string;
  document_type: string;
  issuing_country: string;
  pages?: { capture_method?: string; media?: Media }[];
  document_fields?: { media: Media };
  file?: { media: Media };
  tasks?: { type: string; id: string; state: string; generated_media?: { id: string; type: string }[] }[];
}

export interface SessionResult {
  session_id: string;
  client_session_token_ttl: number;
  client_session_token: string;
  user_tracking_id?: string;
  state: 'ONGOING' | 'COMPLETED' | 'EXPIRED' | string;
  checks: Check[];
  resources: {
    id_documents: DocumentResource[];
    supplementary_documents: DocumentResource[];
    [kind: string]: unknown[];
  };
}

export interface RequiredResource {
  type: string;
  id: string;
  state: string;
  allowed_sources?: { type: string }[];
  requested_tasks?: { type: string; state: string }[];
  ibv_client_assessments?: { type: string; state: string; scheme?: string }[];
  supported_countries?: { code: string; supported_documents: { type: string }[] }[];
  allowed_capture_methods?: string;
  attempts_remaining?: Record<string, number>;
  document_types?: string[];
  country_codes?: string[];
  objective?: { type: string };
}

export interface SessionConfiguration {
  session_id: string;
  client_session_token_ttl: number;
  requested_checks: string[];
  applicant_profile?: { media: Media };
  capture: { required_resources: RequiredResource[]; biometric_consent: string };
  sdk_config: Record<string, unknown>;
  track_ip_address?: boolean;
}

export interface SessionNotification {
  session_id: string;
  topic: string;
  task_id?: string;
  resource_id?: string;
  check_id?: string;
}
