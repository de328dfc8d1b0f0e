import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { builtOnFirstUse } from '../../engine/lazy-schema.js';
import { type SimEnv, SimError } from '../provider.js';
import { biometricErrorResponse, pythonType } from './errors.js';
import { parseMetadata } from './metadata.js';
import { resultBody } from './results.js';
import type { BiometricContext } from './schema.js';
import type { FlowSessions } from './sessions.js';

const CREATE = '/api/v1/flows/session/create/';
const RESULT = '/api/v1/flows/session/result/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The body of session create; messages are DRF's, prefixed with the field by the route. */
export const createSessionBody = builtOnFirstUse(() =>
  z.object({
    api_key: z
      .string({
        error: (issue) => (issue.input === undefined ? 'This field is required.' : 'Not a valid string.'),
      })
      .min(1, 'This field may not be blank.')
      .describe("The flow's API key"),
    metadata: z
      .unknown()
      .optional()
      .describe("Per-technology settings (docs/biometric.md), checked against the flow's technologies"),
  }),
);

/** The query of session result. */
export const resultQuery = builtOnFirstUse(() =>
  z.object({
    session_id: z
      .string()
      .min(1)
      .regex(UUID, { error: (issue) => `“${issue.input}” is not a valid UUID.` })
      .describe('session_id from session create'),
    flow_api_key: z.string().min(1).describe("The flow's API key"),
  }),
);

/** https://kyc.biometric.kz: session creation and the session result. */
export function apiRoutes(ctx: BiometricContext, sessions: FlowSessions): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  const flowByKey = (apiKey: string) => {
    const { flows } = ctx.section();
    const flow = flows.find((f) => f.apiKey === apiKey);
    if (flow) return flow;
    throw SimError.notFound('No Flow matches the given query.', {
      what: 'flow api keys',
      values: flows.map((f) => f.apiKey),
    });
  };

  // Problems are thrown as SimError; the app answers them in DRF's {detail} shape.
  app.post(CREATE, async (c) => {
    const parsed = createSessionBody.safeParse(await readBody(c));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SimError(400, `${issue.path.join('.')}: ${issue.message}`);
    }
    const body = parsed.data;
    const flow = flowByKey(body.api_key);
    if (!flow.active) throw new SimError(403, 'The flow is not active.');
    const metadata = parseMetadata(body.metadata, flow.technologies);
    const raw = (body.metadata ?? {}) as Record<string, unknown>;
    const session = await sessions.create(flow, raw, metadata);
    c.set('sessionId', session.id);
    return c.json({ session_id: session.id, technologies: session.data.technologies });
  });

  app.get(RESULT, async (c) => {
    const query = resultQuery.safeParse(c.req.query());
    if (!query.success) {
      const { issues } = query.error;
      if (issues.some((i) => i.code !== 'invalid_format'))
        throw new SimError(400, 'session_id and flow_api_key query parameters are required.');
      throw new SimError(400, issues[0].message);
    }
    const { session_id: sessionId, flow_api_key: apiKey } = query.data;
    flowByKey(apiKey);
    const session = await sessions.get(sessionId.toLowerCase());
    if (!session || session.data.apiKey !== apiKey)
      throw new SimError(404, 'No FlowSession matches the given query.');
    c.set('sessionId', session.id);
    return c.json(resultBody(session, ctx.clock.now()));
  });

  // DRF answers a method the view does not allow with 405 and its own detail.
  for (const path of [CREATE, RESULT]) {
    app.all(path, (c) =>
      biometricErrorResponse(c, { status: 405, message: `Method "${c.req.method}" not allowed.` }),
    );
  }
  return app;
}

/**
 * The body as JSON whatever its content type: the doc's own first example sends JSON without a
 * Content-Type header (fetch then says text/plain), and the service accepts it.
 */
async function readBody(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') throw new SimError(400, 'api_key: This field is required.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SimError(400, `JSON parse error - ${(error as Error).message}`);
  }
  if (pythonType(value) !== 'dict')
    throw new SimError(400, `Invalid data. Expected a dictionary, but got ${pythonType(value)}.`);
  return value as Record<string, unknown>;
}
