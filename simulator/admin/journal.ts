import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { builtOnFirstUse } from '../engine/lazy-schema.js';
import type { Runtime } from '../runtime.js';
import { adminError } from './errors.js';

const count = (what: string) =>
  z.string().regex(/^\d+$/, 'a whole number').transform(Number).optional().describe(what);

/**
 * The journal's filters as query parameters; every one is optional and they all must match. Built
 * when the first query comes (engine/lazy-schema.ts).
 */
export const journalQuery = builtOnFirstUse(() =>
  z.object({
    provider: z.string().optional().describe('Provider name (yoti, attestr, …) or simulator'),
    kind: z
      .enum(['http', 'ws-open', 'ws-in', 'ws-out', 'ws-close', 'webhook'])
      .optional()
      .describe('What was recorded'),
    path: z.string().optional().describe('Substring of the path (the target URL for webhooks)'),
    method: z.string().optional().describe('HTTP method, any case'),
    status: count('Response status'),
    sessionId: z.string().optional().describe('Session the entry belongs to'),
    since: count('Only entries with a larger id (poll with the last id seen)'),
    limit: count('At most this many, newest first (500 when absent)'),
  }),
);

export function journalRoutes(runtime: Runtime): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const filter = parseFilter(c);
    if (filter instanceof Response) return filter;
    const { total, requests } = await runtime.requests(filter);
    return c.json({ total, count: requests.length, requests });
  });
  // WireMock's /__admin/requests/count: how many journaled entries match, without reading them.
  app.get('/count', async (c) => {
    const filter = parseFilter(c);
    if (filter instanceof Response) return filter;
    return c.json(await runtime.countRequests(filter));
  });
  app.delete('/', async (c) => {
    await runtime.clearJournal();
    return c.body(null, 204);
  });
  return app;
}

function parseFilter(c: Context) {
  const filter = journalQuery.safeParse(c.req.query());
  if (filter.success) return filter.data;
  const issue = filter.error.issues[0];
  return adminError(c, 400, `query parameter ${issue.path.join('.')}: ${issue.message}`);
}
