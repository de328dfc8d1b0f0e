import { Hono } from 'hono';
import type { JournalFilter } from '../engine/journal.js';
import type { Runtime } from '../runtime.js';

const toInt = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);

export function journalRoutes(runtime: Runtime): Hono {
  const app = new Hono();
  app.get('/', (c) => {
    const q = c.req.query();
    const filter: JournalFilter = {
      provider: q.provider,
      kind: q.kind,
      path: q.path,
      method: q.method,
      status: toInt(q.status),
      sessionId: q.sessionId,
      since: toInt(q.since),
      limit: toInt(q.limit),
    };
    const requests = runtime.journal.query(filter);
    return c.json({ total: runtime.journal.size, count: requests.length, requests });
  });
  app.delete('/', (c) => {
    runtime.journal.clear();
    return c.body(null, 204);
  });
  return app;
}
