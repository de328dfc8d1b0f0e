import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { z } from 'zod';
import { builtOnFirstUse } from '../../engine/lazy-schema.js';
import { packageRoot } from '../../paths.js';
import { type SimEnv, SimError } from '../provider.js';
import {
  attestrError,
  attestrFailure,
  KNOWN_CODES,
  languageOf,
  localisedMessage,
  sendAttestrError,
} from './errors.js';
import type { FlowRuns } from './flow-run.js';
import type { Handshake, Handshakes } from './handshakes.js';
import type { StageDecision } from './outcomes.js';

/** The stand-in for https://cdn.attestr.com/flowx.js; only .ts is compiled, so read from the package. */
export const FLOWX_JS_PATH = join(packageRoot, 'simulator/providers/attestr/assets/flowx.js');

const BASE_PLACEHOLDER = '__KYC_SIM_FLOWX_BASE__';

/** Stage error codes the overlay offers when the tester fails a stage. */
const OFFERED_CODES = [5001, 4081, 4035, 4005, 4291, 4001];

/** flowx.js launching a run on the device. */
export const launchBody = builtOnFirstUse(() =>
  z.object({
    cl: z.string().min(1),
    hs: z.string().min(1),
    lc: z.string().optional(),
    qr: z.record(z.string(), z.unknown()).nullish(),
    retry: z.boolean().optional(),
  }),
);

/** The tester deciding the running stage in the overlay. */
export const decisionBody = builtOnFirstUse(() =>
  z.object({
    cl: z.string().min(1),
    decision: z.enum(['success', 'error', 'skip']),
    code: z.number().int().optional(),
  }),
);

/** Polling a run: the client key proves the handshake is its own; lc is the language. */
export const runQuery = builtOnFirstUse(() =>
  z.object({
    cl: z.string().optional().describe('The client key the handshake was made with'),
    lc: z.string().optional().describe('Language of refusals: en or hi'),
  }),
);

/**
 * Browser-facing endpoints flowx.js talks to (the simulator's own design, not Attestr's): launch
 * a run, poll it, and decide the running stage on the tester's click. CORS is open because the
 * sample web page runs on another origin.
 */
export function deviceRoutes(handshakes: Handshakes, runs: FlowRuns): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  const flowxJs = readFileSync(FLOWX_JS_PATH, 'utf8');

  // The absolute base of this simulator goes into the script, so a saved copy served from the
  // app's own host keeps talking to kyc-sim (see SERVED_BASE in flowx.js).
  app.get('/flowx.js', (c) => {
    const url = new URL(c.req.url);
    const base = `${url.origin}${url.pathname.replace(/\/flowx\.js$/, '')}`;
    return c.body(flowxJs.replace(`'${BASE_PLACEHOLDER}'`, JSON.stringify(base)), 200, {
      'content-type': 'text/javascript; charset=UTF-8',
      'cache-control': 'no-cache',
    });
  });

  /** flowx.js shows the message to the user, so it is in the handshake's language; details say why. */
  const refuse = (c: Parameters<typeof sendAttestrError>[0], error: SimError, lc: unknown) =>
    sendAttestrError(c, {
      httpStatusCode: error.status,
      code: Number(error.code),
      message: localisedMessage(Number(error.code), languageOf(lc)),
      ...(error.details !== undefined ? { details: error.details } : {}),
    });

  app.post('/flowx/sim/runs', async (c) => {
    const parsed = launchBody.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return refuse(c, attestrFailure(4001, 'launch needs cl and hs'), 'en');
    const { cl, hs, lc, qr, retry } = parsed.data;
    c.set('sessionId', hs);
    try {
      const run = await runs.launch(hs, {
        clientKey: cl,
        lc: languageOf(lc),
        qr: qr ?? {},
        retry: retry === true,
      });
      return c.json(view(run));
    } catch (error) {
      if (error instanceof SimError) return refuse(c, error, lc);
      throw error;
    }
  });

  app.get('/flowx/sim/runs/:hs', async (c) => {
    const id = c.req.param('hs');
    c.set('sessionId', id);
    const hs = await handshakes.get(id);
    const { cl, lc } = runQuery.parse(c.req.query());
    if (!hs || hs.data.clientKey !== cl) {
      return refuse(c, attestrFailure(4001, `Handshake ${id} does not exist for this client`), lc);
    }
    return c.json(view(hs));
  });

  app.post('/flowx/sim/runs/:hs/stages/:stage', async (c) => {
    const { hs: id, stage } = c.req.param();
    c.set('sessionId', id);
    const parsed = decisionBody.safeParse(await c.req.json().catch(() => undefined));
    const hs = await handshakes.get(id);
    if (!parsed.success || !hs || hs.data.clientKey !== parsed.data.cl) {
      return refuse(c, attestrFailure(4001, 'a decision needs cl, decision and (to fail) code'), hs?.data.lc);
    }
    const { decision, code } = parsed.data;
    const chosen: StageDecision =
      decision === 'error' ? { type: 'error', code: code ?? 5001 } : { type: decision };
    try {
      return c.json(view(await runs.decide(id, stage, chosen, 'tester')));
    } catch (error) {
      if (error instanceof SimError) return refuse(c, error, hs.data.lc);
      throw error;
    }
  });

  return app;
}

type Outcome =
  | { handler: 'success'; data: { signature: string | null } }
  | { handler: 'error'; data: unknown }
  | { handler: 'skip'; data: { stage: string | null } };

/** What the overlay shows, and once the run has ended, which handler to call with what. */
function view(hs: Handshake) {
  const { data } = hs;
  const running = data.stages.find((s) => s.status === 'running');
  const lastSuccess = data.stages.filter((s) => s.status === 'success').at(-1)?.id ?? null;
  let outcome: Outcome | null = null;
  if (hs.state === 'COMPLETED') outcome = { handler: 'success', data: { signature: data.resultSignature } };
  else if (hs.state === 'SKIPPED') outcome = { handler: 'skip', data: { stage: data.skippedAt ?? null } };
  else if (hs.state === 'ERRORED') outcome = { handler: 'error', data: data.error };
  else if (hs.state === 'EXPIRED') {
    const error = attestrError(4081);
    outcome = {
      handler: 'error',
      data: {
        ...error,
        message: localisedMessage(4081, data.lc),
        retry: false,
        stage: running?.id ?? lastSuccess,
      },
    };
  }
  return {
    hs: hs.id,
    state: hs.state,
    flowId: data.flowId,
    lc: data.lc,
    stages: data.stages.map(({ id, type, title, status }) => ({ id, type, title: title ?? type, status })),
    current: running?.id ?? null,
    outcome,
    errorCodes: OFFERED_CODES.map((code) => ({
      code,
      label: `${code} ${KNOWN_CODES[code]?.en ?? ''}`.trim(),
    })),
  };
}
