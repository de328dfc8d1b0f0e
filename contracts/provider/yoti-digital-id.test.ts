import { describe, it } from 'vitest';
import { YotiDigitalIdClient } from '../../clients/yoti-digital-id/index.js';
import { admin, useSimulator } from '../../test/support/simulator.js';
import {
  contractConfig,
  digitalIdPactFile,
  PROVIDER,
  SDK_ID,
  STATES,
} from '../support/yoti-digital-id-contract.js';
import { yotiContractApp } from '../support/yoti-provider-verification.js';

/**
 * Verifies the running simulator against the pact of clients/yoti-digital-id; the request filter
 * re-signs each request with the test app's key (support/resign.ts).
 */
const sim = useSimulator({ scenario: { name: 'boot' } });
const app = yotiContractApp(sim, {
  scenarioName: 'yoti digital id contract',
  sdkId: SDK_ID,
  section: { digitalId: { outcome: { type: 'manual' } } },
});

const base = () => `${sim().url}/yoti/share`;

async function loadApp(): Promise<YotiDigitalIdClient> {
  const privateKeyPem = await app.load();
  return new YotiDigitalIdClient({ baseUrl: base(), sdkId: SDK_ID, privateKeyPem });
}

/** A session ended by an admin action, and the ids the pact's paths need. */
async function endedSession(action: 'share' | 'fail', params: object = {}) {
  const client = await loadApp();
  const { id } = await client.createSession(contractConfig);
  await admin(sim(), 'POST', `/sessions/${encodeURIComponent(id)}/actions`, { action, ...params });
  const receiptId = (await client.getSession(id)).receipt?.id ?? '';
  const receipt = await client.fetchReceipt(receiptId);
  return {
    sessionId: id,
    receiptIdUrl: Buffer.from(receiptId, 'base64').toString('base64url'),
    itemKeyId: receipt.wrappedItemKeyId ?? '',
  };
}

describe('simulator honours the yoti-digital-id-client pact', () => {
  it('verifies every interaction', async () => {
    await app.verify({
      provider: PROVIDER,
      providerBaseUrl: base(),
      pactFile: digitalIdPactFile,
      stateHandlers: {
        [STATES.app]: async () => {
          await loadApp();
          return undefined;
        },
        [STATES.created]: async () => {
          const client = await loadApp();
          return { sessionId: (await client.createSession(contractConfig)).id };
        },
        [STATES.completed]: () => endedSession('share'),
        [STATES.failed]: () =>
          endedSession('fail', {
            error: 'MANDATORY_DOCUMENT_NOT_PROVIDED',
            errorReason: { requirements_not_met_details: [{ failure_type: 'ID_DOCUMENT_EXTRACTION' }] },
          }),
      },
    });
  });
});
