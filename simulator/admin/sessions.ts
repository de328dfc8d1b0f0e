import { Hono } from 'hono';
import { ActionError } from '../providers/provider.js';
import type { Runtime } from '../runtime.js';
import { readJson } from './read-json.js';

export function sessionRoutes(runtime: Runtime): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const { provider, kind, state } = c.req.query();
    return c.json({ sessions: await listSessions(runtime, { provider, kind, state }) });
  });

  app.get('/:id', async (c) => {
    const session = await runtime.store.get(c.req.param('id'));
    if (!session) return c.json({ error: `no session ${c.req.param('id')}` }, 404);
    const traffic = runtime.journal.query({ sessionId: session.id, limit: 1000 }).reverse();
    return c.json({ ...session, actions: actionNames(runtime, session.provider, session.kind), traffic });
  });

  app.post('/:id/actions', async (c) => {
    const id = c.req.param('id');
    const session = await runtime.store.get(id);
    if (!session) return c.json({ error: `no session ${id}` }, 404);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const { action: name, ...params } = (body.value ?? {}) as { action?: unknown };
    const actions = runtime.providers.find((p) => p.definition.name === session.provider)?.instance.actions?.[
      session.kind
    ];
    const action = typeof name === 'string' ? actions?.[name] : undefined;
    if (!action) {
      return c.json(
        {
          error: `unknown action ${JSON.stringify(name)} for a ${session.provider} ${session.kind} session`,
          actions: Object.keys(actions ?? {}),
        },
        400,
      );
    }
    const parsed = action.params.safeParse(params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return c.json(
        { error: `invalid parameters for ${name}: ${issue.path.join('.') || '(body)'}: ${issue.message}` },
        400,
      );
    }
    try {
      await action.run(session, parsed.data);
    } catch (error) {
      if (error instanceof ActionError) return c.json({ error: error.message }, error.status);
      throw error;
    }
    const updated = await runtime.store.get(id);
    return c.json({ id, state: updated?.state ?? 'deleted', action: name });
  });
  return app;
}

function actionNames(runtime: Runtime, provider: string, kind: string): string[] {
  const actions = runtime.providers.find((p) => p.definition.name === provider)?.instance.actions?.[kind];
  return Object.keys(actions ?? {});
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
