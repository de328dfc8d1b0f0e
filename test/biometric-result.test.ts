import { describe, expect, it } from 'vitest';
import { biometricScenario, clientFor, flowPage, KEYS, submitStep } from './support/biometric.js';
import { admin, useSimulator } from './support/simulator.js';

/**
 * The result API field by field against what public integrator code reads: failure reasons as
 * the guide's {type, detail}, per-technology results that fill in shortly after the flow ends,
 * ip_check_results and request_sessions.
 */
describe('Biometric.kz result API', () => {
  const sim = useSimulator({ scenario: biometricScenario(), clock: 'manual' });
  const advance = (ms: number) => admin(sim(), 'POST', '/clock/advance', { ms });

  it('keeps every per-technology result {} until 3 s (the default) after the flow finished', async () => {
    const client = clientFor(sim(), KEYS.delayed);
    const { session_id: id } = await client.createSession();
    await flowPage(sim(), id);
    await submitStep(sim(), id, { technology: 'LD', action: 'scenario' });
    await advance(10_000);
    await submitStep(sim(), id, { technology: 'F2F', action: 'scenario' });

    const finished = await client.getResult(id);
    expect(finished).toMatchObject({
      status: 'FINISHED',
      flow_session_result: true,
      liveness_result: {},
      face2face_result: {},
    });
    await advance(2_999);
    expect((await client.getResult(id)).liveness_result).toEqual({});
    await advance(1);
    const filled = await client.getResult(id);
    expect(filled.liveness_result).toMatchObject({ result: true, prediction: expect.any(String) });
    expect(filled.face2face_result).toMatchObject({ result: true, prediction_percent: expect.any(String) });
  });

  it('clients/biometric waitForResult polls until the results have filled in', async () => {
    const client = clientFor(sim(), KEYS.delayed);
    const { session_id: id } = await client.createSession();
    await admin(sim(), 'POST', `/sessions/${id}/actions`, { action: 'pass' });
    await admin(sim(), 'POST', `/sessions/${id}/actions`, { action: 'pass' });
    const waiting = client.waitForResult(id, { intervalMs: 20, timeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await advance(3_000);
    const result = await waiting;
    expect(result.liveness_result).toMatchObject({ result: true });
    expect(result.face2face_result).toMatchObject({ result: true });
  });

  it('lists the addresses the flow was opened from and a request session per technology', async () => {
    const client = clientFor(sim(), KEYS.ldF2f);
    const { session_id: id } = await client.createSession();
    expect(await client.getResult(id)).toMatchObject({ ip_check_results: [], request_sessions: [] });
    await flowPage(sim(), id);
    await flowPage(sim(), id);
    await submitStep(sim(), id, { technology: 'LD', action: 'scenario' });
    await flowPage(sim(), id);
    const result = await client.getResult(id);
    expect(result.ip_check_results).toEqual([{ ip: '127.0.0.1', created_at: expect.any(String) }]);
    expect(result.request_sessions).toEqual([
      { technology: 'LD', status: 'PASSED', created_at: expect.any(String), finished_at: expect.any(String) },
      { technology: 'F2F', status: 'STARTED', created_at: expect.any(String), finished_at: null },
    ]);
  });

  it('gives failure reasons the guide’s {type, detail}: its default detail, or null where it has none', async () => {
    const client = clientFor(sim(), KEYS.ldF2f);
    const failed = (await client.createSession()).session_id;
    await admin(sim(), 'POST', `/sessions/${failed}/actions`, { action: 'fail', reason: 'CALC_RESULT' });
    expect((await client.getResult(failed)).flow_session_failure_reasons).toEqual([
      { type: 'CALC_RESULT', detail: 'Low prediction', technology: 'LD' },
    ]);
    const expired = (await client.createSession()).session_id;
    await admin(sim(), 'POST', `/sessions/${expired}/actions`, { action: 'expire' });
    expect((await client.getResult(expired)).flow_session_failure_reasons).toEqual([
      { type: 'TIMEOUT', detail: null, technology: 'LD' },
    ]);
  });
});
