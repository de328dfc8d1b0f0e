import { join } from 'node:path';
import { DbsSessionBuilder, GUIDE_APPLICANT } from '../../clients/yoti-idv/index.js';
import type { CreateSessionRequest } from '../../clients/yoti-idv/types.js';

/** Names shared by the consumer tests of clients/yoti-idv and the verification of the simulator. */
export const CONSUMER = 'yoti-idv-client';
export const PROVIDER = 'yoti-idv-api';
export const PACT_DIR = join(import.meta.dirname, '..', 'pacts');
export const idvPactFile = join(PACT_DIR, `${CONSUMER}-${PROVIDER}.json`);

export const SDK_ID = 'c0ffee00-1d00-4000-8000-00000000d0b5';
export const EXAMPLE_SESSION_ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
export const EXAMPLE_MEDIA_ID = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
export const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

export const STATES = {
  app: 'a Yoti app with a registered key',
  session: 'an ongoing DBS session',
  completed: 'a DBS session the branch has reviewed',
} as const;

/** A DBS session whose JSON is the same every run (a ttl, not a deadline), so the pact can hold it exactly. */
export function contractSession(): CreateSessionRequest {
  return new DbsSessionBuilder()
    .withClientSessionTokenTtl(2 * 86_400)
    .withResourcesTtl(1_209_600)
    .withUserTrackingId('contract-user')
    .withApplicant(GUIDE_APPLICANT)
    .withIdDocument('GBR', 'PASSPORT')
    .withIdDocument('GBR', 'DRIVING_LICENCE')
    .withSupplementaryDocument(['UTILITY_BILL'], ['GBR'])
    .build();
}
