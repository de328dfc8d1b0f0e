import { Hono } from 'hono';
import { z } from 'zod';
import type { KindAction } from '../engine/session-kinds.js';
import type { SessionRecord } from '../engine/store.js';
import type { Runtime } from '../runtime.js';
import { SimError } from './errors.js';
import { readJson } from './read-json.js';

/** How many session ids a not-found lists, newest first. */
const KNOWN_LISTED = 20;
/** Filters of the session list; each one given must match exactly. */
export const sessionQuery = z.object({
  provider: z.string().optional().describe('Provider name: yoti, attestr, biometric'),
  kind: z.string().optional().describe("The provider's session kind, e.g. share, idv"),
  state: z.string().optional().describe('Current state, e.g. COMPLETED'),
});

export function sessionRoutes(runtime: Runtime): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    return c.json({ sessions: await listSessions(runtime, sessionQuery.parse(c.req.query())) });
  });

  app.get('/:id', async (c) => {
    const session = await sessionOr404(runtime, c.req.param('id'));
    const traffic = (await runtime.requests({ sessionId: session.id, limit: 1000 })).requests.reverse();
    // What the engine will do next, each timer with the sentence its step gives for itself.
    const pending = (await runtime.kinds.pending(session.id)).map(({ slot, dueAt, explanation }) => ({
      slot,
      dueAt,
      explanation,
    }));
    return c.json({ ...session, actions: Object.keys(actionsOf(runtime, session)), pending, traffic });
  });

  app.post('/:id/actions', async (c) => {
    const id = c.req.param('id');
    const session = await sessionOr404(runtime, id);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const { action: name, ...params } = (body.value ?? {}) as { action?: unknown };
    const actions = actionsOf(runtime, session);
    const action = typeof name === 'string' ? actions[name] : undefined;
    if (!action) {
      throw new SimError(
        400,
        `unknown action ${JSON.stringify(name)} for a ${session.provider} ${session.kind} session`,
        { known: { what: 'actions', values: Object.keys(actions) } },
      );
    }
    const parsed = action.params.safeParse(params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SimError(
        400,
        `invalid parameters for ${name}: ${issue.path.join('.') || '(body)'}: ${issue.message}`,
      );
    }
    await runtime.kinds.runAction(session, name as string, parsed.data);
    const updated = await runtime.store.get(id);
    return c.json({ id, state: updated?.state ?? 'deleted', action: name });
  });
  return app;
}

/** The session, or a 404 that lists the newest session ids. */
export async function sessionOr404(runtime: Runtime, id: string): Promise<SessionRecord> {
  const session = await runtime.store.get(id);
  if (session) return session;
  const newest = (await listSessions(runtime)).slice(0, KNOWN_LISTED).map((s) => s.id);
  throw SimError.notFound(`no session ${id}`, { what: 'sessions (newest first)', values: newest });
}

/** The actions the session's kind declares. */
export function actionsOf(runtime: Runtime, session: SessionRecord): Record<string, KindAction> {
  return (runtime.kinds.get(session.provider, session.kind)?.actions ?? {}) as Record<string, KindAction>;
}

/** Sessions of every provider, newest first, without their data (the admin list and the console feed). */
export async function listSessions(
  runtime: Runtime,
  filter: { provider?: string; kind?: string; state?: string } = {},
) {
  const sessions = await runtime.store.list(filter);
  sessions.sort((a, b) => b.createdAt - a.createdAt);
  return sessions.map(({ id, provider, kind, state, createdAt, updatedAt }) => ({
    id,
    provider,
    kind,
    state,
    createdAt,
    updatedAt,
  }));
}
