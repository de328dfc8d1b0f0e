import { describe, expect, it } from 'vitest';
import { technologyOutcomeSchema } from '../simulator/providers/biometric/schema.js';
import { clientFor, flowPage } from './support/biometric.js';
import { admin, useSimulator } from './support/simulator.js';

const API_KEY = 'timed-outcomes-api-key-000000000000000000000000000';

/**
 * Technologies that end by themselves (`afterMs` on the simulator clock), so a backend's
 * Biometric.kz integration can be run to its result with no browser at all.
 */
describe('Biometric.kz timed technology outcomes', () => {
  const sim = useSimulator({
    clock: 'manual',
    scenario: {
      name: 'timed biometric outcomes',
      biometric: {
        flows: [
          {
            apiKey: API_KEY,
            technologies: ['LD', 'F2F'],
            subResultDelayMs: 0,
            outcomes: {
              LD: { type: 'pass', afterMs: 2_000 },
              F2F: { type: 'fail', reason: 'CALC_RESULT', message: 'Faces do not match', afterMs: 1_000 },
            },
          },
        ],
      },
    },
  });

  it('passes LD 2 s after it starts, then fails F2F 1 s later: the result API reports the failure', async () => {
    const client = clientFor(sim(), API_KEY);
    const { session_id: id } = await client.createSession();
    expect((await flowPage(sim(), id)).status).toBe(200);

    const opened = await admin(sim(), 'GET', `/sessions/${id}`);
    expect(opened.data.progress.LD.status).toBe('started');
    expect(opened.pending.map((p: { explanation: string }) => p.explanation)).toContain(
      'LD passes 2 s after it starts',
    );

    await admin(sim(), 'POST', '/clock/advance', { ms: 1_999 });
    expect((await admin(sim(), 'GET', `/sessions/${id}`)).data.progress.LD.status).toBe('started');
    await admin(sim(), 'POST', '/clock/advance', { ms: 1 });
    const afterLd = await admin(sim(), 'GET', `/sessions/${id}`);
    expect(afterLd.data.progress.LD).toMatchObject({ status: 'passed', decidedBy: 'scenario' });
    expect(afterLd.data.progress.F2F.status).toBe('started');
    expect(afterLd.pending.map((p: { explanation: string }) => p.explanation)).toContain(
      'F2F fails (CALC_RESULT) 1 s after it starts; the flow ends',
    );

    await admin(sim(), 'POST', '/clock/advance', { ms: 1_000 });
    const result = await client.getResult(id);
    expect(result.status).toBe('FINISHED');
    expect(result.flow_session_result).toBe(false);
    expect(result.flow_session_failure_reasons).toEqual([
      expect.objectContaining({ type: 'CALC_RESULT', detail: 'Faces do not match' }),
    ]);
  });

  it('is overridden by the tester: an admin pass ends the technology and its timer', async () => {
    const client = clientFor(sim(), API_KEY);
    const { session_id: id } = await client.createSession();
    await flowPage(sim(), id);
    await admin(sim(), 'POST', `/sessions/${id}/actions`, { action: 'pass' });
    const session = await admin(sim(), 'GET', `/sessions/${id}`);
    expect(session.data.progress.LD).toMatchObject({ status: 'passed', decidedBy: 'admin' });
    // LD's timer went with it; F2F only starts when the user's page shows it.
    expect(session.pending.map((p: { slot: string }) => p.slot)).toEqual(['lifetime']);
  });
});

describe('technology outcomes in scenario files', () => {
  it('are tagged by type, and the first spelling ({result}) still reads the same', () => {
    expect(technologyOutcomeSchema.parse({ type: 'fail', reason: 'NO_CAM' })).toEqual({
      type: 'fail',
      reason: 'NO_CAM',
    });
    expect(technologyOutcomeSchema.parse({ result: 'fail', message: 'x' })).toEqual({
      type: 'fail',
      reason: 'CALC_RESULT',
      message: 'x',
    });
    expect(technologyOutcomeSchema.parse({})).toEqual({ type: 'pass' });
    expect(technologyOutcomeSchema.safeParse({ type: 'explode' }).success).toBe(false);
  });
});
