import { join } from 'node:path';
import type { ShareSessionConfig } from '../../clients/yoti-digital-id/index.js';

/** Names shared by the consumer tests of clients/yoti-digital-id and the verification of the simulator. */
export const CONSUMER = 'yoti-digital-id-client';
export const PROVIDER = 'yoti-digital-id-api';
export const PACT_DIR = join(import.meta.dirname, '..', 'pacts');
export const digitalIdPactFile = join(PACT_DIR, `${CONSUMER}-${PROVIDER}.json`);

export const SDK_ID = 'c0ffee00-1d00-4000-8000-00000000d1d0';
export const EXAMPLE_SESSION_ID = 'ss.v2.Q2hadlY4aDVHWlRsTE9Scks3OUJFTHNGdGE5';
export const EXAMPLE_QR_ID = 'qr.v2.aGVsbG8tcXItY29kZS1pZA';
/** Standard base64, as Yoti hands receipt ids out; the client sends it URL-safe. */
export const EXAMPLE_RECEIPT_ID = 'RPA4ZvOZ/xIRhIeHh9Jw9HNpEK//610kEpCbZmQwNZlZ6H6w41VUlDQWn+4p7Lk';
export const EXAMPLE_ITEM_KEY_ID = 'aXRlbS1rZXktaWQtZXhhbXBsZS0x';
export const ISO_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$';
export const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

export const STATES = {
  app: 'a Yoti app with a registered key',
  created: 'a created share session',
  completed: 'a completed share',
  failed: 'a share that failed with MANDATORY_DOCUMENT_NOT_PROVIDED',
} as const;

/** The share session the client asks for: the same JSON every run, so the pact holds it exactly. */
export const contractConfig: ShareSessionConfig = {
  policy: {
    wanted: [
      { name: 'full_name' },
      { name: 'email_address' },
      { name: 'date_of_birth', derivation: 'age_over:18' },
    ],
    wanted_auth_types: [],
    wanted_remember_me: true,
  },
  redirectUri: 'https://rp.example/profile',
  subject: { subject_id: 'contract-subject' },
};
