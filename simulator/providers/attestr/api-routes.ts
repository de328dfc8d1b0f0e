import { Hono } from 'hono';
import { z } from 'zod';
import { builtOnFirstUse } from '../../engine/lazy-schema.js';
import type { SimEnv } from '../provider.js';
import { guardApiCall } from './api-guard.js';
import { attestrError, attestrFailure, sendAttestrError } from './errors.js';
import type { Handshakes } from './handshakes.js';
import type { RateLimiter } from './rate-limits.js';
import type { AttestrClient, AttestrContext } from './schema.js';

const ONE_YEAR_MS = 365 * 86_400_000;
const MAX_TAG_LENGTH = 1_000;

/** Create Handshake's body, as the API reference gives it. */
export const createBody = builtOnFirstUse(() =>
  z
    .object({
      flow: z.string().min(1),
      // A String (the flow version's id) or null for the draft; required, as the reference says.
      snapshot: z.string().min(1).nullable(),
      // Kept with the handshake and sent back in results and webhooks: a reference, not a document.
      tag: z.string().min(1).max(MAX_TAG_LENGTH),
      webhook: z.boolean().default(false),
      expiry: z.number().int().positive().optional(),
    })
    .passthrough(),
);

export interface ApiState {
  handshakes: Handshakes;
  limiter: RateLimiter;
  /** Credits spent so far, by client key; reset with the scenario. */
  spent: Map<string, number>;
}

/** The server-side API: Create Handshake and Execution Result, under /api/{version}/public/flowx. */
export function apiRoutes(ctx: AttestrContext, state: ApiState): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  const { handshakes } = state;

  app.post('/api/:version/public/flowx/handshake', async (c) => {
    const guarded = guardApiCall(ctx, state.limiter, c, 'create-handshake');
    if ('error' in guarded) return sendAttestrError(c, guarded.error);
    const { client } = guarded;
    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch {
      return sendAttestrError(c, attestrError(4001, 'request body is not valid JSON'));
    }
    const parsed = createBody.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.join('.') || 'body';
      return sendAttestrError(c, attestrError(4001, `${field}: ${issue.message}`));
    }
    const body = parsed.data;
    const now = ctx.clock.now();
    const expiresAt = body.expiry ?? now + ctx.section().defaultExpiryMs;
    if (expiresAt <= now || expiresAt > now + ONE_YEAR_MS) {
      return sendAttestrError(
        c,
        attestrError(4001, 'expiry: a ms epoch in the future, at most one year ahead'),
      );
    }
    const { flows } = ctx.section();
    const flow = flows.find((f) => f.id === body.flow);
    if (!flow) {
      throw attestrFailure(4002, `flow ${body.flow} does not exist`, {
        what: 'flows',
        values: flows.map((f) => f.id),
      });
    }
    if (body.snapshot !== null && !flow.snapshots.includes(body.snapshot)) {
      return sendAttestrError(c, attestrError(4002, `flow ${flow.id} has no snapshot ${body.snapshot}`));
    }
    if (!flow.active) return sendAttestrError(c, attestrError(40034, `flow ${flow.id} is inactive`));
    if (!spendCredit(state, client)) {
      return sendAttestrError(c, attestrError(4005, `${client.credits} credits; a handshake costs one`));
    }
    const hs = await handshakes.create(client, flow, {
      snapshot: body.snapshot,
      tag: body.tag,
      webhook: body.webhook,
      expiresAt,
    });
    c.set('sessionId', hs.id);
    return c.json({ _id: hs.id, number: hs.data.number, digest: hs.data.digest });
  });

  app.get('/api/:version/public/flowx/handshake/:id', async (c) => {
    const guarded = guardApiCall(ctx, state.limiter, c, 'execution-result');
    if ('error' in guarded) return sendAttestrError(c, guarded.error);
    const id = c.req.param('id');
    const found = await handshakes.get(id);
    if (!found || found.data.clientKey !== guarded.client.clientKey) {
      return sendAttestrError(c, attestrError(4001, `handshake ${id} does not exist for this app`));
    }
    c.set('sessionId', id);
    const { data } = found;
    const head = JSON.stringify({
      _id: found.id,
      number: data.number,
      tag: data.tag,
      requestId: data.requestId,
      consumed: data.consumed,
      archived: data.archived,
    });
    const hidden = data.archived !== null || data.resultText === null;
    // The result goes out as the very text that was signed (see signature.ts).
    const text = `${head.slice(0, -1)},"result":${hidden ? 'null' : data.resultText},"resultSignature":${
      hidden ? 'null' : JSON.stringify(data.resultSignature)
    }}`;
    return c.body(text, 200, { 'content-type': 'application/json; charset=UTF-8' });
  });

  return app;
}

function spendCredit(state: ApiState, client: AttestrClient): boolean {
  const spent = state.spent.get(client.clientKey) ?? 0;
  if (client.credits - spent < 1) return false;
  state.spent.set(client.clientKey, spent + 1);
  return true;
}
