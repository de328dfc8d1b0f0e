import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rawMember } from '../clients/attestr/signature.js';
import {
  APPS,
  advance,
  call,
  createHandshake,
  ERRORS_SCENARIO,
  executionResult,
  launch,
  runView,
  SNAPSHOTS,
  untilRunning,
  untilState,
} from './support/attestr.js';
import { admin, useSimulator } from './support/simulator.js';

const sim = useSimulator({ scenario: ERRORS_SCENARIO, clock: 'manual' });
const ok = APPS.ok.authToken;
const happy = { flow: 'FLhappy', snapshot: SNAPSHOTS[0], tag: 'user-1' };
/** Other flows publish no snapshot: their handshakes run the draft. */
const draft = { ...happy, snapshot: null };

/** The message texts of docs.attestr.com's error code tables. */
const DOCUMENTED: Record<number, string> = {
  4001: 'Malformed data or missing required parameter values',
  4002: 'Flow ID does not exist',
  4005: 'Operation could not be performed due to low credits balance',
  40034: 'Requested flow is inactive',
  40051: 'This endpoint does not support the provided version.',
  4016: 'Invalid client authorization',
  4031: 'Unauthorized access',
  4035: 'Requested service is not provisioned for your account',
  4039: "Client's IP address is not whitelisted",
  4291: 'Maximum account rate limit exceeded',
  4292: 'Maximum API rate limit exceeded',
  4293: 'Maximum account daily limit exceeded',
};

const expectError = (answer: { status: number; json: unknown }, status: number, code: number) => {
  expect(answer.status).toBe(status);
  expect(answer.json).toMatchObject({
    httpStatusCode: status,
    code,
    message: DOCUMENTED[code] ?? expect.any(String),
  });
};

/** The Android SDK's checks of `hs` (else 40050) and `cl`, from its source. */
const ANDROID_HS = /^DS0[0-9a-zA-Z_-]{6,30}$/;
const ANDROID_CL = /^[0-9a-fA-F]+$/;

describe('Attestr FlowX server API: versions and handshakes', () => {
  it('serves v1 and v2 alike and answers 40051 for any other version', async () => {
    for (const version of ['v1', 'v2']) {
      const created = await createHandshake(sim(), ok, happy, version);
      expect(created.status).toBe(200);
      expect(created.json).toEqual({
        _id: expect.stringMatching(ANDROID_HS),
        number: expect.stringMatching(/^\d{4}-\d{6}-\d{4}$/),
        digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const read = await executionResult(sim(), ok, created.json._id, version);
      expect(read.json).toEqual({
        _id: created.json._id,
        number: created.json.number,
        tag: 'user-1',
        requestId: expect.any(String),
        consumed: false,
        archived: null,
        result: null,
        resultSignature: null,
      });
    }
    expectError(await createHandshake(sim(), ok, happy, 'v3'), 400, 40051);
    expectError(await executionResult(sim(), ok, 'DS02anything000000000', 'v0'), 400, 40051);
  });

  it("has ids the Android SDK accepts, like the reference's DS02zfeuv6n4gkq51hvw6, and a hex client key", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add((await createHandshake(sim(), ok, happy)).json._id);
    expect(ids.size).toBe(20);
    for (const id of ids) expect(id).toMatch(/^DS02[0-9a-z]{17}$/);
    expect(APPS.ok.clientKey).toMatch(ANDROID_CL);
  });

  it("accepts the reference's sample request: snapshot a String (a flow version id), or null", async () => {
    const sample = await call(sim(), 'POST', '/attestr/api/v2/public/flowx/handshake', {
      token: ok,
      rawBody: `{ "flow": "FLhappy", "tag": "TAG567822", "snapshot": "${SNAPSHOTS[1]}" }`,
    });
    expect(sample.status).toBe(200);
    expect((await createHandshake(sim(), ok, { ...happy, snapshot: null })).status).toBe(200);
    // A Number is not the documented type, and `snapshot` is required.
    expectError(await createHandshake(sim(), ok, { ...happy, snapshot: 1 }), 400, 4001);
    expectError(await createHandshake(sim(), ok, { flow: 'FLhappy', tag: 't' }), 400, 4001);
  });

  it('signs the result text exactly as sent; consumed once a device ran it, not by reading', async () => {
    const { json: hs } = await createHandshake(sim(), ok, { ...happy, tag: 'signed' });
    expect((await executionResult(sim(), ok, hs._id)).json.consumed).toBe(false);
    await launch(sim(), hs._id);
    expect((await executionResult(sim(), ok, hs._id)).json.consumed).toBe(true);
    await advance(sim(), 1_000);
    await untilRunning(sim(), hs._id, 'FSselfie');
    await advance(sim(), 1_000);
    await untilState(sim(), hs._id, 'COMPLETED');

    const first = await executionResult(sim(), ok, hs._id);
    const text = rawMember(first.text, 'result') as string;
    const hmac = createHmac('sha256', APPS.ok.secret).update(text).digest('hex');
    expect(first.json.resultSignature).toBe(hmac);
    expect(first.json.consumed).toBe(true);
    expect(Object.keys(first.json.result)).toEqual(['FSpan', 'FSselfie']);
    expect(first.json.result.FSpan).toEqual({
      input: { pan: 'ABCDE1234F' },
      output: { valid: true, name: expect.any(String) },
    });
    expect(first.json.result.FSpan.output.name).not.toContain('{{');

    const second = await executionResult(sim(), ok, hs._id);
    expect(second.text).toBe(first.text);
  });
});

describe('Attestr FlowX server API: every error code', () => {
  it('4016 without a Basic token or with an unknown one', async () => {
    expectError(await createHandshake(sim(), '', happy), 401, 4016);
    expectError(await createHandshake(sim(), 'bm90LWEtdG9rZW4', happy), 401, 4016);
    expectError(
      await call(sim(), 'GET', '/attestr/api/v2/public/flowx/handshake/HSx', {
        headers: { authorization: `Bearer ${ok}` },
      }),
      401,
      4016,
    );
  });

  it('4001 for malformed or missing parameters and unknown handshakes', async () => {
    const post = (rawBody: string) =>
      call(sim(), 'POST', '/attestr/api/v2/public/flowx/handshake', { token: ok, rawBody });
    expectError(await post('{not json'), 400, 4001);
    expectError(await createHandshake(sim(), ok, { snapshot: SNAPSHOTS[0], tag: 't' }), 400, 4001);
    expectError(await createHandshake(sim(), ok, { flow: 'FLhappy', snapshot: SNAPSHOTS[0] }), 400, 4001);
    expectError(await createHandshake(sim(), ok, { ...happy, snapshot: 7 }), 400, 4001);
    expectError(await createHandshake(sim(), ok, { ...happy, webhook: 'yes' }), 400, 4001);
    const now = (await admin(sim(), 'GET', '/clock')).now as number;
    expectError(await createHandshake(sim(), ok, { ...happy, expiry: now - 1 }), 400, 4001);
    expectError(await createHandshake(sim(), ok, { ...happy, expiry: now + 366 * 86_400_000 }), 400, 4001);
    const unknown = await executionResult(sim(), ok, 'DS02doesnotexist00000');
    expectError(unknown, 400, 4001);
    // The documented message, with what went wrong in `details` (a String).
    expect(unknown.json.details).toEqual(expect.stringContaining('DS02doesnotexist00000'));
  });

  it('4002 for an unknown flow or snapshot, 40034 for an inactive flow', async () => {
    expectError(await createHandshake(sim(), ok, { ...draft, flow: 'FLnope' }), 400, 4002);
    expectError(await createHandshake(sim(), ok, { ...happy, snapshot: 'no-such-snapshot' }), 400, 4002);
    expectError(await createHandshake(sim(), ok, { ...draft, flow: 'FLinactive' }), 400, 40034);
  });

  it('4005 once the credits run out', async () => {
    expect((await createHandshake(sim(), APPS.lowCredits.authToken, happy)).status).toBe(200);
    expectError(await createHandshake(sim(), APPS.lowCredits.authToken, happy), 400, 4005);
  });

  it('4031 for a suspended app, 4035 when FlowX is not provisioned', async () => {
    expectError(await createHandshake(sim(), APPS.suspended.authToken, happy), 403, 4031);
    expectError(await createHandshake(sim(), APPS.unprovisioned.authToken, happy), 403, 4035);
  });

  it('4039 from an address outside the whitelist; a whitelisted one passes', async () => {
    expectError(await createHandshake(sim(), APPS.foreignIp.authToken, happy), 403, 4039);
    expect((await createHandshake(sim(), APPS.localIp.authToken, happy)).status).toBe(200);
  });

  it('4291 over the account rate limit, 4292 over one API limit, both reset with the window', async () => {
    const account = APPS.accountLimit.authToken;
    expect((await createHandshake(sim(), account, happy)).status).toBe(200);
    expect((await executionResult(sim(), account, 'DS02none0000000000000')).status).toBe(400);
    expectError(await createHandshake(sim(), account, happy), 429, 4291);

    const api = APPS.apiLimit.authToken;
    expect((await createHandshake(sim(), api, happy)).status).toBe(200);
    expectError(await createHandshake(sim(), api, happy), 429, 4292);
    expect((await executionResult(sim(), api, 'DS02none0000000000000')).json.code).toBe(4001); // another endpoint

    await advance(sim(), 60_000);
    expect((await createHandshake(sim(), account, happy)).status).toBe(200);
    expect((await createHandshake(sim(), api, happy)).status).toBe(200);
  });

  it('4293 over the account daily limit, until the next UTC day', async () => {
    const daily = APPS.dailyLimit.authToken;
    const now = (await admin(sim(), 'GET', '/clock')).now as number;
    expect((await createHandshake(sim(), daily, happy)).status).toBe(200);
    expect((await executionResult(sim(), daily, 'DS02none0000000000000')).json.code).toBe(4001);
    expectError(await createHandshake(sim(), daily, happy), 429, 4293);
    expectError(await executionResult(sim(), daily, 'DS02none0000000000000'), 429, 4293);
    await advance(sim(), 86_400_000 - (now % 86_400_000));
    expect((await createHandshake(sim(), daily, happy)).status).toBe(200);
  });

  it('5001 where the scenario injects an internal error', async () => {
    expectError(await executionResult(sim(), ok, 'DS02kycsiminternal500'), 500, 5001);
  });

  it('never shows one app the handshakes of another', async () => {
    const { json: hs } = await createHandshake(sim(), ok, happy);
    expectError(await executionResult(sim(), APPS.localIp.authToken, hs._id), 400, 4001);
  });
});

describe('Attestr FlowX handshakes over time', () => {
  it('expires on the clock: the session ends EXPIRED and flowx.js gets 4081', async () => {
    const now = (await admin(sim(), 'GET', '/clock')).now as number;
    const { json: hs } = await createHandshake(sim(), ok, { ...happy, expiry: now + 60_000 });
    await advance(sim(), 59_000);
    expect((await admin(sim(), 'GET', `/sessions/${hs._id}`)).state).toBe('CREATED');
    await advance(sim(), 1_000);
    expect((await admin(sim(), 'GET', `/sessions/${hs._id}`)).state).toBe('EXPIRED');
    expectError(await launch(sim(), hs._id), 408, 4081);
    expect((await executionResult(sim(), ok, hs._id)).json.result).toBeNull();
  });

  it('expires a run in progress, which then reports 4081 to the page', async () => {
    const now = (await admin(sim(), 'GET', '/clock')).now as number;
    const { json: hs } = await createHandshake(sim(), ok, {
      ...draft,
      flow: 'FLmanual',
      expiry: now + 5_000,
    });
    expect((await launch(sim(), hs._id)).json.current).toBe('FSpan');
    await advance(sim(), 5_000);
    const view = await untilState(sim(), hs._id, 'EXPIRED');
    expect(view.outcome).toMatchObject({
      handler: 'error',
      data: { code: 4081, httpStatusCode: 408, retry: false, stage: 'FSpan' },
    });
  });

  it('defaults to a 24-hour expiry', async () => {
    const { json: hs } = await createHandshake(sim(), ok, happy);
    await advance(sim(), 86_400_000 - 1);
    expect((await admin(sim(), 'GET', `/sessions/${hs._id}`)).state).toBe('CREATED');
    await advance(sim(), 1);
    expect((await admin(sim(), 'GET', `/sessions/${hs._id}`)).state).toBe('EXPIRED');
  });

  it('archives after the app archiveAfterMs, or on the admin action: result and signature turn null', async () => {
    const { json: hs } = await createHandshake(sim(), ok, { ...draft, flow: 'FLmanual' });
    await admin(sim(), 'POST', `/sessions/${hs._id}/actions`, { action: 'succeed-stage' });
    await admin(sim(), 'POST', `/sessions/${hs._id}/actions`, { action: 'succeed-stage' });
    const done = await executionResult(sim(), ok, hs._id);
    expect(done.json).toMatchObject({
      archived: null,
      resultSignature: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const endedAt = (await admin(sim(), 'GET', '/clock')).now as number;
    await advance(sim(), 3_600_000);
    const archived = await executionResult(sim(), ok, hs._id);
    // `archived` is the archival time (a Number), as the reference says.
    expect(archived.json).toMatchObject({
      _id: hs._id,
      archived: endedAt + 3_600_000,
      consumed: true,
      result: null,
      resultSignature: null,
    });

    const { json: other } = await createHandshake(sim(), ok, happy);
    await admin(sim(), 'POST', `/sessions/${other._id}/actions`, { action: 'archive' });
    expect((await executionResult(sim(), ok, other._id)).json).toMatchObject({
      archived: expect.any(Number),
      result: null,
    });
    expectError(await launch(sim(), other._id), 400, 4001);
  });
});

describe('Attestr FlowX runs as flowx.js and QA drive them', () => {
  it("serves flowx.js with the simulator's absolute base in it, so a saved copy still finds kyc-sim", async () => {
    const script = await call(sim(), 'GET', '/attestr/flowx.js');
    expect(script.status).toBe(200);
    expect(script.text).toContain(`var SERVED_BASE = ${JSON.stringify(`${sim().url}/attestr`)};`);
  });

  it('fails a stage with a chosen code and cause, localised for the handshake language', async () => {
    const { json: hs } = await createHandshake(sim(), ok, { ...draft, flow: 'FLmanual' });
    await launch(sim(), hs._id, { lc: 'hi' });
    await admin(sim(), 'POST', `/sessions/${hs._id}/actions`, { action: 'succeed-stage' });
    await admin(sim(), 'POST', `/sessions/${hs._id}/actions`, {
      action: 'fail-stage',
      code: 5001,
      original: { code: 4035 },
    });
    const view = (await runView(sim(), hs._id)).json;
    expect(view.state).toBe('ERRORED');
    expect(view.outcome).toEqual({
      handler: 'error',
      data: {
        code: 5001,
        httpStatusCode: 500,
        message: 'अनुरोध पूरा नहीं किया जा सका। बाद में कोशिश करें।',
        retry: false,
        stage: 'FSselfie',
        original: {
          code: 4035,
          httpStatusCode: 403,
          message: 'Requested service is not provisioned for your account',
        },
      },
    });
    // The stage that succeeded is in the result, signed; the failed one is not.
    const result = await executionResult(sim(), ok, hs._id);
    expect(Object.keys(result.json.result)).toEqual(['FSpan']);
  });

  it('skips at the running stage on the admin action', async () => {
    const { json: hs } = await createHandshake(sim(), ok, { ...draft, flow: 'FLmanual' });
    await admin(sim(), 'POST', `/sessions/${hs._id}/actions`, { action: 'skip-stage' });
    const view = (await runView(sim(), hs._id)).json;
    expect(view.outcome).toEqual({ handler: 'skip', data: { stage: 'FSpan' } });
    const session = await admin(sim(), 'GET', `/sessions/${hs._id}`);
    expect(session.actions).toEqual(['succeed-stage', 'fail-stage', 'skip-stage', 'archive']);
    await expect(
      admin(sim(), 'POST', `/sessions/${hs._id}/actions`, { action: 'succeed-stage' }),
    ).rejects.toThrow(/409/);
  });

  it('takes declared qr variables into stage inputs and ignores the others', async () => {
    const { json: hs } = await createHandshake(sim(), ok, { ...draft, flow: 'FLmanual' });
    await launch(sim(), hs._id, { qr: { pan: 'ZZZZZ9999Z', nickname: 'ignored' } });
    await admin(sim(), 'POST', `/sessions/${hs._id}/actions`, { action: 'succeed-stage' });
    await admin(sim(), 'POST', `/sessions/${hs._id}/actions`, { action: 'succeed-stage' });
    const result = await executionResult(sim(), ok, hs._id);
    expect(result.json.result.FSpan.input).toEqual({ pan: 'ZZZZZ9999Z' });
    expect(result.text).not.toContain('nickname');
  });

  it('reruns only the stages that did not succeed when launched with retry', async () => {
    const { json: hs } = await createHandshake(sim(), ok, { ...draft, flow: 'FLerror' });
    await launch(sim(), hs._id);
    await advance(sim(), 1_000);
    await untilRunning(sim(), hs._id, 'FSaadhaar');
    await advance(sim(), 1_000);
    const errored = await untilState(sim(), hs._id, 'ERRORED');
    expect(errored.outcome.data).toMatchObject({ code: 5001, stage: 'FSaadhaar', original: { code: 4035 } });
    expectError(await launch(sim(), hs._id), 400, 4001);

    const again = await launch(sim(), hs._id, { retry: true });
    expect(again.json.current).toBe('FSaadhaar');
    expect(again.json.stages.map((s: { status: string }) => s.status)).toEqual(['success', 'running']);
    await admin(sim(), 'POST', `/sessions/${hs._id}/actions`, { action: 'succeed-stage' });
    const done = (await runView(sim(), hs._id)).json;
    expect(done.outcome.handler).toBe('success');
    const session = await admin(sim(), 'GET', `/sessions/${hs._id}`);
    expect(session.timeline.filter((e: { event: string }) => e.event === 'stage-started').length).toBe(3);
    // A completed run launched again with retry goes straight to the success handler.
    expect((await launch(sim(), hs._id, { retry: true })).json.outcome).toEqual(done.outcome);
  });

  it('refuses a launch with another client key (4016) or an unknown handshake (4001)', async () => {
    const { json: hs } = await createHandshake(sim(), ok, happy);
    expectError(await launch(sim(), hs._id, { cl: '0bad0bad' }), 401, 4016);
    expectError(await launch(sim(), 'DS02nope000000000000'), 400, 4001);
  });
});
