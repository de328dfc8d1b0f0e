import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { biometricScenario, clientFor, flowPage, KEYS, submitStep } from './support/biometric.js';
import { admin, useSimulator } from './support/simulator.js';

// biome-ignore lint/suspicious/noExplicitAny: webhook bodies are read as received
type Hook = any;

/** A receiver that records bodies and fails the first `failures` deliveries with 500. */
const received: Hook[] = [];
let failures = 0;
const receiver = createServer((req, res) => {
  let text = '';
  req.on('data', (chunk) => {
    text += chunk;
  });
  req.on('end', () => {
    if (failures > 0) {
      failures--;
      res.writeHead(500).end('try later');
      return;
    }
    received.push(JSON.parse(text));
    res.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/biometric`;
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('Biometric.kz webhooks', () => {
  const sim = useSimulator({ scenario: biometricScenario(hookUrl), clock: 'manual' });
  beforeEach(async () => {
    // A fresh simulator state (no sessions, no pending retries) and an empty receiver per test.
    await admin(sim(), 'POST', '/reset');
    received.length = 0;
    failures = 0;
  });
  /** What the receiver got for one session, so a stray delivery cannot pass for another's. */
  const hooksOf = (id: string) => received.filter((h) => h.session_id === id);

  it('posts technology.start and technology.end for each technology, in order', async () => {
    const metadata = { general: {} };
    const { session_id: id } = await clientFor(sim(), KEYS.ldF2f).createSession(metadata);
    await flowPage(sim(), id);
    await until(() => hooksOf(id).length === 1);
    await submitStep(sim(), id, { technology: 'LD', action: 'scenario' });
    await flowPage(sim(), id);
    await submitStep(sim(), id, { technology: 'F2F', action: 'tester', result: 'fail', reason: 'CLIENT' });
    await until(() => hooksOf(id).length === 4);
    const hooks = hooksOf(id);
    expect(hooks.map((h) => [h.event, h.success])).toEqual([
      ['technology.start', true],
      ['technology.end', true],
      ['technology.start', true],
      ['technology.end', false],
    ]);
    // The guide's Technology events: created in epoch seconds, start data names the technology,
    // end data is the result under its result field with failure_reason.
    expect(hooks[0]).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      session_id: id,
      created: expect.any(Number),
      flow_name: 'Flow for everyone',
      metadata,
      data: { technology_code: 'LD', technology_name: 'Liveness' },
    });
    expect(Number.isInteger(hooks[0].created)).toBe(true);
    expect(hooks[1].data).toEqual({
      liveness_result: expect.objectContaining({
        result: true,
        eye_closed: false,
        prediction: expect.any(String),
        face_center: true,
        face_direction: 'forward',
        failure_reason: null,
      }),
    });
    expect(hooks[2].data).toEqual({ technology_code: 'F2F', technology_name: 'Face2Face' });
    expect(hooks[3].data.face2face_result).toMatchObject({
      result: false,
      failure_reason: { type: 'CLIENT', detail: 'Operation aborted by user', technology: 'F2F' },
    });
  });

  it('retries a failed delivery with back-off on the clock', async () => {
    failures = 2;
    const { session_id: id } = await clientFor(sim(), KEYS.ldF2f).createSession();
    await flowPage(sim(), id);
    await until(() => failures === 1);
    await admin(sim(), 'POST', '/clock/advance', { ms: 1_000 });
    await until(() => failures === 0);
    expect(hooksOf(id)).toEqual([]);
    await admin(sim(), 'POST', '/clock/advance', { ms: 2_000 });
    await until(() => hooksOf(id).length === 1);
    expect(hooksOf(id)[0]).toMatchObject({ event: 'technology.start', session_id: id });
    const journal = await admin(sim(), 'GET', `/requests?kind=webhook&sessionId=${id}`);
    expect(journal.requests.map((e: { status: number }) => e.status).sort()).toEqual([204, 500, 500]);
  });

  it('keeps one session’s events in order while a delivery is retried', async () => {
    failures = 1;
    const { session_id: id } = await clientFor(sim(), KEYS.liveness).createSession();
    await admin(sim(), 'POST', `/sessions/${id}/actions`, { action: 'pass' });
    await until(() => failures === 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(hooksOf(id)).toEqual([]);
    await admin(sim(), 'POST', '/clock/advance', { ms: 1_000 });
    await until(() => hooksOf(id).length === 2);
    expect(hooksOf(id).map((h) => h.event)).toEqual(['technology.start', 'technology.end']);
  });

  it('ends the started technology with TIMEOUT when the session expires', async () => {
    const { session_id: id } = await clientFor(sim(), KEYS.liveness).createSession();
    await flowPage(sim(), id);
    await until(() => hooksOf(id).length === 1);
    await admin(sim(), 'POST', '/clock/advance', { ms: 60_000 });
    await until(() => hooksOf(id).length === 2);
    expect(hooksOf(id)[1]).toMatchObject({
      event: 'technology.end',
      success: false,
      data: { liveness_result: { result: false, failure_reason: { type: 'TIMEOUT', detail: null } } },
    });
  });

  it('sends nothing for a flow without a receiver', async () => {
    const { session_id: id } = await clientFor(sim(), KEYS.drF2f).createSession();
    await flowPage(sim(), id);
    await submitStep(sim(), id, { technology: 'DR', action: 'scenario' });
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toEqual([]);
  });
});
