import { describe, expect, it } from 'vitest';
import { AttestrClient, SignatureVerificationError } from '../clients/attestr/client.js';
import { advance, runView, until, untilRunning } from './support/attestr.js';
import { useSimulator } from './support/simulator.js';

/** The default scenario's development app, driven by the reference client end to end. */
const sim = useSimulator({ clock: 'manual' });
const DEV = { cl: 'dev-client-key', flow: 'FL01devkycflow0001' };

describe('Attestr FlowX with the default scenario', () => {
  it('creates a handshake, runs both stages and verifies the signed result with the client secret', async () => {
    const client = new AttestrClient({
      baseUrl: `${sim().url}/attestr`,
      authToken: 'ZGV2LWF1dGgtdG9rZW4',
      clientSecret: 'dev-client-secret',
      version: 'v1',
    });
    const hs = await client.createHandshake({ flow: DEV.flow, snapshot: 1, tag: 'customer-7' });
    const launched = await fetch(`${sim().url}/attestr/flowx/sim/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cl: DEV.cl, hs: hs._id, qr: { name: 'Priya Sharma', unknown: 1 } }),
    });
    expect(launched.status).toBe(200);
    await advance(sim(), 1_500);
    await untilRunning(sim(), hs._id, 'FS02selfiematch001', DEV.cl);
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
    expect(verified.result?.FS01panverify00001.input).toEqual({ pan: 'ABCDE1234F', name: 'Priya Sharma' });
    expect(verified.result?.FS02selfiematch001.output).toEqual({ match: true, score: 0.97 });
  });
});
