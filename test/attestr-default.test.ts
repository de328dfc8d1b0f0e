import { describe, expect, it } from 'vitest';
import { AttestrClient, SignatureVerificationError } from '../clients/attestr/client.js';
import { advance, runView, until, untilRunning } from './support/attestr.js';
import { useSimulator } from './support/simulator.js';

/** The default scenario's development app, driven by the reference client end to end. */
const sim = useSimulator({ clock: 'manual' });
const DEV = {
  cl: '6b79632d73696d2d6465762d6b657921',
  flow: 'FX02kycsimdevflow0001',
  snapshot: '5f0c2a8e-1b7d-4c3e-9a6f-2d8b4e7c1a90',
};

describe('Attestr FlowX with the default scenario', () => {
  it('creates a handshake, runs both stages and verifies the signed result with the client secret', async () => {
    const client = new AttestrClient({
      baseUrl: `${sim().url}/attestr`,
      authToken: 'ZGV2LWF1dGgtdG9rZW4',
      clientSecret: 'dev-client-secret',
      version: 'v1',
    });
    const hs = await client.createHandshake({ flow: DEV.flow, snapshot: DEV.snapshot, tag: 'customer-7' });
    const launched = await fetch(`${sim().url}/attestr/flowx/sim/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cl: DEV.cl, hs: hs._id, qr: { name: 'Priya Sharma', unknown: 1 } }),
    });
    expect(launched.status).toBe(200);
    await advance(sim(), 1_500);
    await untilRunning(sim(), hs._id, 'FS02kycsimselfiematch', DEV.cl);
    await advance(sim(), 1_500);
    const view = await until(async () => {
      const v = (await runView(sim(), hs._id, DEV.cl)).json;
      return v.outcome ? v : undefined;
    }, 'the end of the run');
    expect(view.outcome.handler).toBe('success');

    const wrongSecret = new AttestrClient({
      baseUrl: `${sim().url}/attestr`,
      authToken: 'ZGV2LWF1dGgtdG9rZW4',
      clientSecret: 'nope',
    });
    await expect(wrongSecret.verifiedResult(hs._id, view.outcome.data.signature)).rejects.toBeInstanceOf(
      SignatureVerificationError,
    );
    const verified = await client.verifiedResult(hs._id, view.outcome.data.signature);
    expect(verified.consumed).toBe(true);
    expect(verified.result?.FS02kycsimpanverify01.input).toEqual({ pan: 'ABCDE1234F', name: 'Priya Sharma' });
    expect(verified.result?.FS02kycsimselfiematch.output).toEqual({ match: true, score: 0.97 });
  });
});
