/** The Digital ID (share v2) wire types this client sends and reads. */

export interface WantedAttribute {
  name: string;
  derivation?: string;
  optional?: boolean;
}

export interface SharePolicy {
  wanted: WantedAttribute[];
  wanted_auth_types?: number[];
  wanted_remember_me?: boolean;
  identity_profile_requirements?: Record<string, unknown>;
  advanced_identity_profile_requirements?: Record<string, unknown>;
}

export interface ShareSessionConfig {
  policy: SharePolicy;
  redirectUri: string;
  extensions?: { type: string; content: unknown }[];
  subject?: Record<string, unknown>;
  notification?: { url: string; method?: string; headers?: Record<string, string>; verifyTls?: boolean };
}

export interface CreatedSession {
  id: string;
  status: string;
  expiry: string;
}

export interface ShareSession extends CreatedSession {
  created: string;
  updated: string;
  qrCode?: { id: string };
  receipt?: { id: string };
}

export interface QrCode {
  id: string;
  uri: string;
}

/** GET /v2/receipts/{id} as sent: content still encrypted. */
export interface EncryptedReceipt {
  id: string;
  sessionId: string;
  timestamp: string;
  rememberMeId?: string;
  parentRememberMeId?: string;
  content?: { profile?: string; extraData?: string };
  otherPartyContent?: { profile?: string; extraData?: string };
  wrappedItemKeyId?: string;
  wrappedKey?: string;
  error?: string;
  errorReason?: Record<string, unknown>;
}

export interface WrappedItemKey {
  id: string;
  iv: string;
  value: string;
}

/** One decrypted attribute: text, a number, parsed JSON, base64 image bytes, or a list of those. */
export interface SharedAttribute {
  name: string;
  /** STRING, DATE, JSON, INT, JPEG, PNG or MULTI_VALUE. */
  contentType: string;
  value: unknown;
  id: string;
}

/** A receipt resolved: who shared what, or why the share failed. */
export interface ShareReceipt {
  id: string;
  sessionId: string;
  timestamp: string;
  rememberMeId?: string;
  parentRememberMeId?: string;
  error?: string;
  errorReason?: Record<string, unknown>;
  /** The user's attributes by name (the first of each name). */
  profile: Record<string, SharedAttribute>;
  /** The relying party's own attributes (application_name, ...). */
  application: Record<string, SharedAttribute>;
}
