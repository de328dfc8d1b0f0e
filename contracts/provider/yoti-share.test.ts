import { Verifier } from '@pact-foundation/pact';
import { describe, it } from 'vitest';
import { useSimulator } from '../../test/support/simulator.js';
import { MESSAGES, STATES, YOTI_PROVIDER, yotiPactFile } from '../support/yoti-share-contract.js';
import { frameFromSimulator, issueQrCode, loadShare } from '../support/yoti-share-provider-states.js';

/**
 * Verifies the running simulator against the kiosk client's pact: HTTP interactions go through
 * Pact's proxy to the simulator's /yoti mount; each websocket message is produced by the
 * simulator's own socket code over a real connection. The manual clock makes FAILED, COMPLETED
 * and TIMED_OUT arrive on demand.
 */
const sim = useSimulator({ clock: 'manual' });

/** A provider state that is just the demo app with one share outcome. */
const shareState = (outcome: Record<string, unknown>, lifetimeMs?: number) => async () => {
  await loadShare(sim(), outcome, {}, lifetimeMs);
  return undefined;
};

describe('simulator honours the yoti-kiosk-client pact', () => {
  it('verifies every HTTP and message interaction', async () => {
    await new Verifier({
      provider: YOTI_PROVIDER,
      providerBaseUrl: `${sim().url}/yoti`,
      pactUrls: [yotiPactFile],
      logLevel: 'warn',
      stateHandlers: {
        [STATES.appWithScenario]: async (params?: unknown) => {
          const { sdkId, scenarioId } = params as { sdkId: string; scenarioId: string };
          await loadShare(sim(), { type: 'manual' }, { sdkId, scenarioId });
          return undefined;
        },
        [STATES.noApp]: shareState({ type: 'manual' }),
        // The ref_id is fresh per QR code; Pact injects it into the request path.
        [STATES.qrIssued]: async () => {
          await loadShare(sim(), { type: 'manual' });
          const { refId } = await issueQrCode(sim());
          return { refId };
        },
        [STATES.noRef]: shareState({ type: 'manual' }),
        [STATES.sessionLive]: shareState({ type: 'manual' }),
        [STATES.sessionUnknown]: shareState({ type: 'manual' }),
        [STATES.sessionCompletes]: shareState({ type: 'complete', afterMs: 1_000 }),
        [STATES.sessionFails]: shareState({ type: 'fail', afterMs: 1_000 }),
        [STATES.sessionTimesOut]: shareState({ type: 'time-out' }, 30_000),
      },
      messageProviders: {
        [MESSAGES.accepted]: () => frameFromSimulator(sim(), 'ACCEPTED'),
        [MESSAGES.rejected]: () =>
          frameFromSimulator(sim(), 'REJECTED', {
            sessionData: 'unknownX-00000000-0000-4000-8000-000000000000',
          }),
        [MESSAGES.completed]: () => frameFromSimulator(sim(), 'COMPLETED', { advanceMs: 1_000 }),
        [MESSAGES.failed]: () => frameFromSimulator(sim(), 'FAILED', { advanceMs: 1_000 }),
        [MESSAGES.timedOut]: () => frameFromSimulator(sim(), 'TIMED_OUT', { advanceMs: 30_000 }),
      },
    }).verifyProvider();
  });
});
