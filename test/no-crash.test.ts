import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Clock } from '../simulator/engine/clock.js';
import { Journal } from '../simulator/engine/journal.js';
import { WebhookSender } from '../simulator/engine/webhooks.js';
import { APPS, createHandshake, ERRORS_SCENARIO } from './support/attestr.js';
import { biometricScenario, createWith, KEYS, PNG_BASE64, rawCreate } from './support/biometric.js';
import { admin, useSimulator } from './support/simulator.js';

/** A value nested `depth` deep: `{a:{a:{…}}}`, built without recursion. */
function nested(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let at = root;
  for (let i = 0; i < depth; i++) {
    const next: Record<string, unknown> = {};
    at.a = next;
    at = next;
  }
  return root;
}

/** Unhandled rejections seen while a test runs: any one of them ends the CLI's process. */
let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('client values the simulator keeps are bounded', () => {
  const sim = useSimulator({ scenario: biometricScenario('http://127.0.0.1:9/hook') });

  it('refuses Biometric.kz metadata nested deeper than 8 with its 400, and keeps serving', async () => {
    // Written by hand: JSON.stringify itself cannot write a value this deep.
    const depth = 20_000;
    const deepJson = `{"api_key":"${KEYS.liveness}","metadata":{"extra":${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}}}`;
    const deep = await rawCreate(sim(), deepJson);
    expect(deep.status).toBe(400);
    expect(deep.body.detail).toMatch(/^metadata\.extra(\.a)+: Nested too deeply: at most 8 levels\.$/);
    const wide = await createWith(sim(), KEYS.liveness, { extra: 'x'.repeat(5_000) });
    expect(wide).toMatchObject({ status: 400, body: { detail: /^metadata\.extra: Ensure this field/ } });
    // The reference photo is the one long string it takes.
    const photo = await createWith(sim(), KEYS.ldF2f, {
      face2face: {
        photo1: Buffer.concat([Buffer.from(PNG_BASE64, 'base64'), Buffer.alloc(20_000)]).toString('base64'),
      },
    });
    expect(photo.status).toBe(200);
    expect((await admin(sim(), 'GET', '/health')).status).toBe('ok');
    expect(unhandled).toEqual([]);
  });
});

describe('Attestr tag', () => {
  const sim = useSimulator({ scenario: ERRORS_SCENARIO });

  it('refuses a tag longer than 1000 characters with 4001', async () => {
    const flow = (await admin(sim(), 'GET', '/scenario')).scenario.attestr.flows[0].id;
    const res = await createHandshake(sim(), APPS.ok.authToken, {
      flow,
      snapshot: null,
      tag: 't'.repeat(1_001),
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 4001, message: /tag/ });
  });
});

describe('webhooks', () => {
  it('journal and settle a body that cannot be written as JSON, without throwing anywhere', async () => {
    const clock = new Clock('manual');
    const journal = new Journal(() => clock.now());
    const errors: unknown[] = [];
    const sender = new WebhookSender(clock, journal, { error: (error: unknown) => errors.push(error) });
    const settled = new Promise((resolve) =>
      sender.send({ provider: 'p', url: 'http://127.0.0.1:9/', body: nested(100_000), onSettled: resolve }),
    );
    expect(await settled).toMatchObject({ delivered: false, lastError: /cannot be written as JSON/ });
    expect(journal.query()[0].note).toMatch(/^not sent: the body cannot be written as JSON/);
    clock.dispose();
    expect(unhandled).toEqual([]);
  });
});

describe('unmatched paths with control characters', () => {
  const sim = useSimulator();

  it.each(['%00', '%0A', '%0D', '%7F', '%E2%9C%93', '%F0%9F%98%80'])(
    'answer 404 with the header encoded (%s)',
    async (encoded) => {
      const res = await fetch(`${sim().url}/yoti/nowhere${encoded}here`);
      expect(res.status).toBe(404);
      expect(res.headers.get('x-kyc-sim-not-matched')).toMatch(/^[\x20-\x7e]+$/);
      expect(res.headers.get('x-kyc-sim-not-matched')).toContain(`/yoti/nowhere${encoded}here`);
    },
  );
});
