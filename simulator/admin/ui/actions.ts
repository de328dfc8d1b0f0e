import { Hono } from 'hono';
import { z } from 'zod';
import type { Runtime } from '../../runtime.js';

export interface ActionDescription {
  name: string;
  description: string;
  /** JSON Schema of the action's parameters, so the console can draw a form for any provider. */
  params: Record<string, unknown>;
}

/** `GET /sessions/:id/actions`: what the admin API's `actions` list names, with descriptions and forms. */
export function actionRoutes(runtime: Runtime): Hono {
  const app = new Hono();
  app.get('/sessions/:id/actions', async (c) => {
    const session = await runtime.store.get(c.req.param('id'));
    if (!session) return c.json({ error: `no session ${c.req.param('id')}` }, 404);
    const actions = runtime.providers.find((p) => p.definition.name === session.provider)?.instance.actions?.[
      session.kind
    ];
    const described: ActionDescription[] = Object.entries(actions ?? {}).map(([name, action]) => ({
      name,
      description: action.description,
      params: paramsSchema(action.params),
    }));
    return c.json({ actions: described });
  });
  return app;
}

export function paramsSchema(params: z.ZodType): Record<string, unknown> {
  try {
    return z.toJSONSchema(params, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  } catch {
    // A schema JSON Schema cannot express still gets a free-form JSON field.
    return { type: 'object' };
  }
}
