import { describe, it } from 'vitest';
import { YotiIdvClient } from '../../clients/yoti-idv/index.js';
import { admin, useSimulator } from '../../test/support/simulator.js';
import { contractSession, idvPactFile, PROVIDER, SDK_ID, STATES } from '../support/yoti-idv-contract.js';
import { yotiContractApp } from '../support/yoti-provider-verification.js';

/**
 * Verifies the running simulator against the pact of clients/yoti-idv; the request filter
 * re-signs each request with the test app's key (support/resign.ts).
 */
const sim = useSimulator({ scenario: { name: 'boot' } });
const app = yotiContractApp(sim, {
  scenarioName: 'yoti idv contract',
  sdkId: SDK_ID,
  section: { idv: { outcome: { type: 'manual' } } },
});

const base = () => `${sim().url}/yoti/idverify/v1`;

async function loadApp(): Promise<YotiIdvClient> {
  const privateKeyPem = await app.load();
  return new YotiIdvClient({ baseUrl: base(), sdkId: SDK_ID, privateKeyPem });
}

describe('simulator honours the yoti-idv-client pact', () => {
  it('verifies every interaction', async () => {
    await app.verify({
      provider: PROVIDER,
      providerBaseUrl: base(),
      pactFile: idvPactFile,
      stateHandlers: {
        [STATES.app]: async () => {
          await loadApp();
          return undefined;
        },
        [STATES.session]: async () => {
          const client = await loadApp();
          const { session_id } = await client.createSession(contractSession());
          return { sessionId: session_id };
        },
        [STATES.completed]: async () => {
          const client = await loadApp();
          const { session_id } = await client.createSession(contractSession());
          await admin(sim(), 'POST', `/sessions/${session_id}/actions`, { action: 'ibv-review' });
          const result = await client.getSession(session_id);
          return {
            sessionId: session_id,
            mediaId: result.resources.id_documents[0].document_fields?.media.id,
          };
        },
      },
    });
  });
});
