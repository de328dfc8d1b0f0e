import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rawMember } from '../clients/attestr/signature.js';
import { type RunningSimulator, startSimulator } from '../simulator/server.js';
import { advance, call, createHandshake, launch, until, untilRunning } from './support/attestr.js';
import { admin } from './support/simulator.js';

/** A real local receiver: records every delivery and answers the queued statuses, then 200. */
const deliveries: {
  text: string;
  authorization?: string;
  json: { event: string; payload: Record<string, unknown> };
}[] = [];
const statuses: number[] = [];
let receiver: Server;
let sim: RunningSimulator;

const TOKEN = 'd2ViaG9vaw';
const SECRET = 'webhook-secret';
const CLIENT_KEY = '00ee00ee';
const WEBHOOK_TOKEN = 'cmVjZWl2ZXItdG9rZW4';
const SNAPSHOT = '3f1e2d4c-5b6a-4978-8a6b-5c4d3e2f1a0b';

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      deliveries.push({ text, authorization: req.headers.authorization, json: JSON.parse(text) });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  const stage = (id: string, outcome: Record<string, unknown>) => ({
    id,
    type: 'selfie',
    output: { match: true },
    outcome: { afterMs: 500, ...outcome },
  });
  sim = await startSimulator({
    port: 0,
    logLevel: 'silent',
    clock: 'manual',
    scenario: {
      name: 'attestr-webhooks',
      attestr: {
        clients: [
          {
            clientKey: CLIENT_KEY,
            secret: SECRET,
            authToken: TOKEN,
            webhookToken: WEBHOOK_TOKEN,
            webhookUrl: `http://127.0.0.1:${port}/attestr-events`,
          },
        ],
        flows: [
          {
            id: 'FLok',
            snapshots: [SNAPSHOT],
            stages: [stage('FSone', { type: 'success' }), stage('FStwo', { type: 'success' })],
          },
          { id: 'FLerr', stages: [stage('FSone', { type: 'error', code: 5001, original: { code: 4291 } })] },
          { id: 'FLskip', stages: [stage('FSone', { type: 'success' }), stage('FStwo', { type: 'skip' })] },
        ],
      },
    },
  });
});

afterAll(async () => {
  await sim?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

beforeEach(() => {
  deliveries.length = 0;
  statuses.length = 0;
});

/** Creates a handshake, launches it like flowx.js and lets the scenario run both stages. */
async function run(flow: string, webhook: boolean) {
  const snapshot = flow === 'FLok' ? SNAPSHOT : null;
  const { json: hs } = await createHandshake(sim, TOKEN, { flow, snapshot, tag: `tag-${flow}`, webhook });
  await launch(sim, hs._id, { cl: CLIENT_KEY });
  await advance(sim, 500);
  if (flow !== 'FLerr') {
    await untilRunning(sim, hs._id, 'FStwo', CLIENT_KEY);
    await advance(sim, 500);
  }
  return hs as { _id: string; number: string };
}

const nextDelivery = () => until(async () => deliveries[0], 'a webhook delivery');

describe('Attestr FlowX webhooks to a real receiver', () => {
  it('posts flowx.completed with the documented payload, its result signed like the API', async () => {
    const hs = await run('FLok', true);
    const { text, json, authorization } = await nextDelivery();
    // Attestr passes the webhook's token as a basic authorization header.
    expect(authorization).toBe(`Basic ${WEBHOOK_TOKEN}`);
    expect(json).toEqual({
      event: 'flowx.completed',
      payload: {
        _id: hs._id,
        tag: 'tag-FLok',
        number: hs.number,
        requestId: expect.any(String),
        result: {
          FSone: { input: {}, output: { match: true } },
          FStwo: { input: {}, output: { match: true } },
        },
        resultSignature: expect.stringMatching(/^[0-9a-f]{64}$/),
        flowId: 'FLok',
        snapshot: SNAPSHOT,
        updated: (await admin(sim, 'GET', `/sessions/${hs._id}`)).updatedAt,
      },
    });
    const resultText = rawMember(rawMember(text, 'payload') as string, 'result') as string;
    expect(createHmac('sha256', SECRET).update(resultText).digest('hex')).toBe(json.payload.resultSignature);
    const api = await call(sim, 'GET', `/attestr/api/v2/public/flowx/handshake/${hs._id}`, { token: TOKEN });
    expect(api.json.resultSignature).toBe(json.payload.resultSignature);
  });

  it('posts flowx.errored and flowx.skipped when the flow ends that way', async () => {
    await run('FLerr', true);
    expect((await nextDelivery()).json).toMatchObject({
      event: 'flowx.errored',
      payload: {
        flowId: 'FLerr',
        snapshot: null,
        result: null,
        resultSignature: null,
        updated: expect.any(Number),
      },
    });
    deliveries.length = 0;
    await run('FLskip', true);
    expect((await nextDelivery()).json).toMatchObject({
      event: 'flowx.skipped',
      payload: { flowId: 'FLskip', result: { FSone: { output: { match: true } } } },
    });
  });

  it('sends nothing for a handshake created without webhook: true', async () => {
    const hs = await run('FLok', false);
    await until(
      async () => (await admin(sim, 'GET', `/sessions/${hs._id}`)).state === 'COMPLETED',
      'completion',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(deliveries).toEqual([]);
  });

  it('retries a failed delivery with back-off on the simulator clock', async () => {
    statuses.push(500, 503);
    await run('FLok', true);
    await until(async () => deliveries.length === 1, 'the first attempt');
    await advance(sim, 1_000);
    await until(async () => deliveries.length === 2, 'the second attempt');
    await advance(sim, 1_999);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(deliveries.length).toBe(2);
    await advance(sim, 1);
    await until(async () => deliveries.length === 3, 'the third attempt');
    expect(deliveries.map((d) => d.json.event)).toEqual([
      'flowx.completed',
      'flowx.completed',
      'flowx.completed',
    ]);
    expect(deliveries[2].text).toBe(deliveries[0].text);
  });
});
