import { describe, expect, it } from 'vitest';
import { biometricScenario, clientFor, flowPage, KEYS, submitStep } from './support/biometric.js';
import { admin, useSimulator } from './support/simulator.js';

const FINISHED = '/biometric/remote/finished';

describe('Biometric.kz web flow over HTTP', () => {
  const sim = useSimulator({ scenario: biometricScenario(), clock: 'manual' });
  const start = async (apiKey: string) => (await clientFor(sim(), apiKey).createSession()).session_id;

  it('walks Liveness, E-Document with its OTP step and Face2Face, then lands on /finished', async () => {
    const client = clientFor(sim(), KEYS.individuals);
    const id = await start(KEYS.individuals);
    expect((await flowPage(sim(), id)).html).toContain('data-technology="LD"');
    expect(await submitStep(sim(), id, { technology: 'LD', action: 'scenario' })).toEqual({
      status: 303,
      location: `/biometric/remote/flow/${id}?locale=en`,
    });
    // Per-technology results fill in once the flow has ended, not step by step.
    expect(await client.getResult(id)).toMatchObject({ status: 'PROGRESS', liveness_result: {} });

    const ed = await flowPage(sim(), id);
    expect(ed.html).toContain('data-technology="ED"');
    expect(ed.html).toContain('Step 2 of 3');
    const badIin = await submitStep(sim(), id, {
      technology: 'ED',
      action: 'edocument-input',
      iin: '123',
      phone: '+77011234567',
    });
    expect(badIin.location).toContain('error=iin');
    expect((await flowPage(sim(), id, 'locale=en&error=iin')).html).toContain('The IIN must be 12 digits.');
    await submitStep(sim(), id, {
      technology: 'ED',
      action: 'edocument-input',
      iin: '900101300123',
      phone: '+77011234567',
    });
    const wrongOtp = await submitStep(sim(), id, { technology: 'ED', action: 'scenario', otp: '000000' });
    expect(wrongOtp.location).toContain('error=otp');
    expect((await flowPage(sim(), id, 'locale=en&error=otp')).html).toContain('Wrong code, try again.');
    await submitStep(sim(), id, { technology: 'ED', action: 'scenario', otp: '123456' });

    expect((await flowPage(sim(), id)).html).toContain('data-technology="F2F"');
    expect(await submitStep(sim(), id, { technology: 'F2F', action: 'scenario' })).toEqual({
      status: 303,
      location: FINISHED,
    });

    const result = await client.getResult(id);
    expect(result).toMatchObject({
      status: 'FINISHED',
      flow_session_result: true,
      flow_session_failure_reasons: [],
    });
    expect(result.finished_at).toEqual(expect.any(String));
    expect(result.edocument_result).toMatchObject({
      result: true,
      iin: '900101300123',
      result_json: { common: { docOwner: { iin: '900101300123', firstName: expect.any(String) } } },
    });
    expect(result.face2face_result).toMatchObject({ result: true, prediction_percent: expect.any(String) });
  });

  it('fails a technology the scenario fails, ending the flow with its reason', async () => {
    const id = await start(KEYS.failing);
    await flowPage(sim(), id);
    await submitStep(sim(), id, { technology: 'LD', action: 'scenario' });
    expect((await submitStep(sim(), id, { technology: 'F2F', action: 'scenario' })).location).toBe(FINISHED);
    const result = await clientFor(sim(), KEYS.failing).getResult(id);
    expect(result).toMatchObject({
      status: 'FINISHED',
      flow_session_result: false,
      flow_session_failure_reasons: [
        { type: 'CALC_RESULT', detail: 'Faces do not match', technology: 'F2F' },
      ],
      face2face_result: { result: false },
    });
  });

  it('lets the tester override the scenario on the page', async () => {
    const id = await start(KEYS.ldF2f);
    await flowPage(sim(), id);
    const res = await submitStep(sim(), id, {
      technology: 'LD',
      action: 'tester',
      result: 'fail',
      reason: 'NO_CAM',
    });
    expect(res.location).toBe(FINISHED);
    const result = await clientFor(sim(), KEYS.ldF2f).getResult(id);
    expect(result.flow_session_failure_reasons).toEqual([{ type: 'NO_CAM', detail: null, technology: 'LD' }]);
    expect(result.liveness_result).toMatchObject({ result: false });
    expect(result.face2face_result).toEqual({});
  });

  it('refuses a used session with an error page', async () => {
    const id = await start(KEYS.liveness);
    await flowPage(sim(), id);
    await submitStep(sim(), id, { technology: 'LD', action: 'scenario' });
    const again = await flowPage(sim(), id);
    expect(again.status).toBe(410);
    expect(again.html).toContain('This session has already been used');
    const resubmit = await fetch(`${sim().url}/biometric/remote/flow/${id}/step`, {
      method: 'POST',
      body: new URLSearchParams({ technology: 'LD', action: 'scenario', locale: 'en' }),
    });
    expect(resubmit.status).toBe(410);
  });

  it('refuses an unknown session with a 404 page', async () => {
    const page = await flowPage(sim(), '6737a660-208a-401a-a2cf-2b45a326002a');
    expect(page.status).toBe(404);
    expect(page.html).toContain('Session not found');
  });

  it('expires a session on the clock: TIMEOUT in the result and an expired page', async () => {
    const id = await start(KEYS.liveness);
    await flowPage(sim(), id);
    await admin(sim(), 'POST', '/clock/advance', { ms: 60_000 });
    const page = await flowPage(sim(), id);
    expect(page.status).toBe(410);
    expect(page.html).toContain('This session has expired');
    const result = await clientFor(sim(), KEYS.liveness).getResult(id);
    expect(result).toMatchObject({
      status: 'FINISHED',
      flow_session_result: false,
      flow_session_failure_reasons: [{ type: 'TIMEOUT', technology: 'LD' }],
    });
  });

  it('keeps a session alive until its lifetime has run out', async () => {
    const id = await start(KEYS.liveness);
    await admin(sim(), 'POST', '/clock/advance', { ms: 59_999 });
    expect((await flowPage(sim(), id)).status).toBe(200);
  });

  it('speaks Kazakh, Russian or English, and drops the page chrome in a WebView', async () => {
    const id = await start(KEYS.ldF2f);
    const kz = await flowPage(sim(), id, 'locale=kz&web_view=true');
    expect(kz.html).toContain('<html lang="kk">');
    expect(kz.html).toContain('Тірілікті тексеру');
    expect(kz.html).toContain('<body class="web-view">');
    expect(kz.html).not.toContain('<header>');
    const ru = await flowPage(sim(), id, '');
    expect(ru.html).toContain('<html lang="ru">');
    expect(ru.html).toContain('Проверка живости');
    expect(ru.html).toContain('<header>');
    const res = await submitStep(sim(), id, {
      technology: 'LD',
      action: 'scenario',
      web_view: 'true',
      locale: 'kz',
    });
    expect(res.location).toBe(`/biometric/remote/flow/${id}?web_view=true&locale=kz`);
  });

  it('moves a session on with admin actions, refusing a stale technology', async () => {
    const id = await start(KEYS.ldF2f);
    await admin(sim(), 'POST', `/sessions/${id}/actions`, { action: 'pass', technology: 'LD' });
    const stale = await fetch(`${sim().url}/__admin/sessions/${id}/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'pass', technology: 'LD' }),
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toContain('the current technology is F2F');
    // The page still showing LD catches up instead of acting twice.
    expect((await submitStep(sim(), id, { technology: 'LD', action: 'scenario' })).location).toContain(
      `/flow/${id}`,
    );
    await admin(sim(), 'POST', `/sessions/${id}/actions`, { action: 'fail', reason: 'SERVICE_ERROR' });
    const result = await clientFor(sim(), KEYS.ldF2f).getResult(id);
    expect(result).toMatchObject({
      status: 'FINISHED',
      flow_session_result: false,
      flow_session_failure_reasons: [{ type: 'SERVICE_ERROR', technology: 'F2F' }],
    });
    const session = await admin(sim(), 'GET', `/sessions/${id}`);
    expect(session.state).toBe('FINISHED');
  });
});
