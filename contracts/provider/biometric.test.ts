import { Verifier } from '@pact-foundation/pact';
import { describe, it } from 'vitest';
import { BiometricClient } from '../../clients/biometric/index.js';
import { admin, useSimulator } from '../../test/support/simulator.js';
import { biometricPactFile, CONTRACT_SCENARIO, PROVIDER, STATES } from '../support/biometric-contract.js';

/**
 * Verifies the running simulator, loaded with scenarios/biometric-contract.yaml, against the
 * pact of clients/biometric. Session states are reached through the simulator's own API and
 * admin actions; the fresh session id is injected into the replayed requests.
 */
const sim = useSimulator({ scenario: CONTRACT_SCENARIO, clock: 'manual' });
/** The scenario's subResultDelayMs (the default): per-technology results fill in this long after the end. */
const SUB_RESULT_DELAY_MS = 3_000;

const newSession = async (params: unknown) => {
  const { apiKey } = params as { apiKey: string };
  const client = new BiometricClient({ apiKey, apiUrl: `${sim().url}/biometric/kyc` });
  return (await client.createSession()).session_id;
};
const act = (sessionId: string, body: Record<string, unknown>) =>
  admin(sim(), 'POST', `/sessions/${sessionId}/actions`, body);
const passBoth = async (params: unknown) => {
  const sessionId = await newSession(params);
  await act(sessionId, { action: 'pass', technology: 'LD' });
  await act(sessionId, { action: 'pass', technology: 'F2F' });
  return sessionId;
};
const resultsFilledIn = () => admin(sim(), 'POST', '/clock/advance', { ms: SUB_RESULT_DELAY_MS });

describe('simulator honours the biometric-client pact', () => {
  it('verifies every interaction', async () => {
    await new Verifier({
      provider: PROVIDER,
      providerBaseUrl: `${sim().url}/biometric/kyc`,
      pactUrls: [biometricPactFile],
      logLevel: 'warn',
      stateHandlers: {
        [STATES.flowExists]: async () => undefined,
        [STATES.noFlow]: async () => undefined,
        [STATES.noSession]: async () => undefined,
        [STATES.sessionInProgress]: async (params?: unknown) => ({ sessionId: await newSession(params) }),
        [STATES.sessionFinished]: async (params?: unknown) => {
          const sessionId = await passBoth(params);
          await resultsFilledIn();
          return { sessionId };
        },
        [STATES.sessionJustFinished]: async (params?: unknown) => ({ sessionId: await passBoth(params) }),
        [STATES.sessionFailed]: async (params?: unknown) => {
          const sessionId = await newSession(params);
          await act(sessionId, { action: 'pass', technology: 'LD' });
          await act(sessionId, { action: 'fail', technology: 'F2F', reason: 'CALC_RESULT' });
          await resultsFilledIn();
          return { sessionId };
        },
      },
    }).verifyProvider();
  });
});
