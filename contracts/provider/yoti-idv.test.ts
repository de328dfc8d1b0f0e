import type { IncomingMessage, ServerResponse } from 'node:http';
import { Verifier } from '@pact-foundation/pact';
import { describe, it } from 'vitest';
import { signRequest, YotiIdvClient } from '../../clients/yoti-idv/index.js';
import { generateYotiKeyPair, type PemKeyPair } from '../../simulator/providers/yoti/auth/key-pair.js';
import { admin, useSimulator } from '../../test/support/simulator.js';
import { contractSession, idvPactFile, PROVIDER, SDK_ID, STATES } from '../support/yoti-idv-contract.js';

/**
 * Verifies the running simulator against the pact of clients/yoti-idv. The pact holds the form
 * of nonce, timestamp and digest, not values the simulator would accept (a replayed nonce, a
 * stale timestamp, a signature by another key); so a request filter re-signs every request
 * with the test app's key, as the real client would have signed it.
 */
const sim = useSimulator({ scenario: { name: 'boot' } });
let keys: PemKeyPair;

const base = () => `${sim().url}/yoti/idverify/v1`;

async function loadApp(): Promise<YotiIdvClient> {
  keys ??= await generateYotiKeyPair();
  await admin(sim(), 'PUT', '/scenario', {
    name: 'yoti idv contract',
    yoti: { apps: [{ sdkId: SDK_ID, publicKey: keys.publicKeyPem, idv: { outcome: { type: 'manual' } } }] },
  });
  return new YotiIdvClient({ baseUrl: base(), sdkId: SDK_ID, privateKeyPem: keys.privateKeyPem });
}

type FilterRequest = IncomingMessage & { body?: unknown; url: string };

/** Replaces nonce, timestamp and X-Yoti-Auth-Digest with fresh, correctly signed values. */
function resign(req: FilterRequest, _res: ServerResponse, next: () => void): void {
  // The filter also sees Pact's own state-change calls; only signed API requests are re-signed.
  if (!req.headers['x-yoti-auth-digest']) {
    next();
    return;
  }
  const url = new URL(req.url, 'http://pact.invalid');
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    if (name !== 'nonce' && name !== 'timestamp') query[name] = value;
  const method = req.method ?? 'GET';
  let body: Buffer | undefined;
  if (method === 'POST' || method === 'PUT') {
    // Pact's proxy forwards JSON.stringify of the parsed body, or the raw buffer.
    body = Buffer.isBuffer(req.body) ? req.body : Buffer.from(JSON.stringify(req.body ?? {}));
    req.headers['content-length'] = String(body.length);
  }
  const signed = signRequest({ method, path: url.pathname, query, body, privateKeyPem: keys.privateKeyPem });
  req.url = signed.pathWithQuery;
  req.headers['x-yoti-auth-digest'] = signed.headers['X-Yoti-Auth-Digest'];
  next();
}

describe('simulator honours the yoti-idv-client pact', () => {
  it('verifies every interaction', async () => {
    await new Verifier({
      provider: PROVIDER,
      providerBaseUrl: base(),
      pactUrls: [idvPactFile],
      logLevel: 'warn',
      requestFilter: resign as never,
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
    }).verifyProvider();
  });
});
