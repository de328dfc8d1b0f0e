import { Verifier } from '@pact-foundation/pact';
import type { RunningSimulator } from '../../simulator/server.js';
import { admin } from '../../test/support/simulator.js';
import { resigner } from './resign.js';
import { type PemKeyPair, yotiAppKeyPair } from './rsa-keys.js';

/**
 * What the signed Yoti APIs' provider verifications share: one app, registered by loading a
 * scenario with its section (`idv`, `digitalId`…) and a key pair made for the run, and a verifier
 * that re-signs every request with that key (./resign.ts).
 */
export function yotiContractApp(
  sim: () => RunningSimulator,
  app: { scenarioName: string; sdkId: string; section: Record<string, unknown> },
) {
  let keys: PemKeyPair | undefined;
  const privateKeyPem = () => {
    if (!keys) throw new Error('the contract app is not loaded yet');
    return keys.privateKeyPem;
  };
  return {
    privateKeyPem,
    /** Loads the scenario with just this app (sessions start afresh); returns its private key. */
    async load(): Promise<string> {
      keys ??= await yotiAppKeyPair();
      await admin(sim(), 'PUT', '/scenario', {
        name: app.scenarioName,
        yoti: { apps: [{ sdkId: app.sdkId, publicKey: keys.publicKeyPem, ...app.section }] },
      });
      return keys.privateKeyPem;
    },
    verify(options: {
      provider: string;
      providerBaseUrl: string;
      pactFile: string;
      stateHandlers: Record<string, () => Promise<Record<string, unknown> | undefined>>;
    }) {
      return new Verifier({
        provider: options.provider,
        providerBaseUrl: options.providerBaseUrl,
        pactUrls: [options.pactFile],
        logLevel: 'warn',
        requestFilter: resigner(privateKeyPem) as never,
        stateHandlers: options.stateHandlers,
      }).verifyProvider();
    },
  };
}
