import { join } from 'node:path';

/**
 * Names shared by the consumer tests of clients/biometric and the verification of the simulator:
 * parties, provider states and the flows of scenarios/biometric-contract.yaml.
 */
export const CONSUMER = 'biometric-client';
export const PROVIDER = 'biometric-kz-flow-api';
export const PACT_DIR = join(import.meta.dirname, '..', 'pacts');
export const biometricPactFile = join(PACT_DIR, `${CONSUMER}-${PROVIDER}.json`);
export const CONTRACT_SCENARIO = join(
  import.meta.dirname,
  '..',
  '..',
  'scenarios',
  'biometric-contract.yaml',
);

export const FLOWS = {
  /** Liveness + Face2Face, as "Flow for everyone" in the doc. */
  everyone: 'contract-flow-ld-f2f-api-key-000000000000000000000',
  /** Liveness + E-Document + Face2Face, as "Flow for individuals". */
  individuals: 'contract-flow-ld-ed-f2f-api-key-00000000000000000',
} as const;

export const EXAMPLE_SESSION_ID = '6737a660-208a-401a-a2cf-2b45a326002a';

export const STATES = {
  flowExists: 'a flow with this api key',
  noFlow: 'no flow with this api key',
  sessionFinished: 'a session of this flow that finished successfully',
  sessionJustFinished: 'a session of this flow that finished successfully a moment ago',
  sessionFailed: 'a session of this flow whose Face2Face failed',
  sessionInProgress: 'a session of this flow that has just been created',
  noSession: 'no session with this id',
} as const;
