import { rmSync } from 'node:fs';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { beforeAll, describe, expect, it } from 'vitest';
import { CallbackError, forwardToken } from '../../clients/yoti-share/index.js';
import {
  BACKEND_PROVIDER,
  backendPactFile,
  CONSUMER,
  EXAMPLE_TOKEN,
  PACT_DIR,
} from '../support/yoti-share-contract.js';

const { regex, like } = MatchersV3;

/**
 * Step 5: the kiosk forwards the token to the relying party's own backend (callback_endpoint),
 * not to Yoti. This pact is for that backend's team to verify; kyc-sim does not implement it.
 */
const pact = new PactV4({ consumer: CONSUMER, provider: BACKEND_PROVIDER, dir: PACT_DIR, logLevel: 'warn' });

beforeAll(() => {
  rmSync(backendPactFile, { force: true });
});

describe('token callback', () => {
  it('sends the token with the kiosk lane and location by GET', async () => {
    await pact
      .addInteraction()
      .given('the backend can exchange a Yoti token')
      .uponReceiving('a Yoti token from a kiosk')
      .withRequest('GET', '/yoti/callback', (req) =>
        req.query({
          token: regex('^[A-Za-z0-9_-]+={0,2}$', EXAMPLE_TOKEN),
          lane: like('2'),
          location: like('WC2N4JH'),
        }),
      )
      .willRespondWith(200)
      .executeTest(async (server) => {
        const result = await forwardToken(
          `${server.url}/yoti/callback`,
          EXAMPLE_TOKEN,
          { lane: '2', location: 'WC2N4JH' },
          { timeoutMs: 5_000 },
        );
        expect(result.status).toBe(200);
      });
  });

  it('reports a refused token as CallbackError with the backend status', async () => {
    await pact
      .addInteraction()
      .given('the backend cannot exchange the Yoti token')
      .uponReceiving('a Yoti token the backend refuses')
      .withRequest('GET', '/yoti/callback', (req) =>
        req.query({ token: regex('^[A-Za-z0-9_-]+={0,2}$', EXAMPLE_TOKEN), lane: like('2') }),
      )
      .willRespondWith(502)
      .executeTest(async (server) => {
        const error = await forwardToken(
          `${server.url}/yoti/callback`,
          EXAMPLE_TOKEN,
          { lane: '2' },
          { timeoutMs: 5_000 },
        ).catch((e) => e);
        expect(error).toBeInstanceOf(CallbackError);
        expect(error.status).toBe(502);
      });
  });
});
