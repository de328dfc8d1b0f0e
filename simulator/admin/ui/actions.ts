import { Hono } from 'hono';
import { z } from 'zod';
import type { Runtime } from '../../runtime.js';
import { actionsOf, sessionOr404 } from '../sessions.js';

export interface ActionDescription {
  name: string;
  description: string;
  /** JSON Schema of the action's parameters, so the console can draw a form for any provider. */
  params: Record<string, unknown>;
  /** Whether it still applies once the session has ended (most actions do not: the engine answers 409). */
  onEnded: boolean;
}

/** `GET /sessions/:id/actions`: what the admin API's `actions` list names, with descriptions and forms. */
export function actionRoutes(runtime: Runtime): Hono {
  const app = new Hono();
  app.get('/sessions/:id/actions', async (c) => {
    const session = await sessionOr404(runtime, c.req.param('id'));
    const described: ActionDescription[] = Object.entries(actionsOf(runtime, session)).map(
      ([name, action]) => ({
        name,
        description: action.description,
        params: paramsSchema(action.params),
        onEnded: action.onEnded === true,
      }),
    );
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
