import { Hono } from 'hono';
import { z } from 'zod';
import type { Runtime } from '../runtime.js';
import { paramsSchema } from './ui/actions.js';

/**
 * `GET /__admin/kinds`: every session kind of every provider as the engine runs it — states,
 * the initial one, the ended ones with their tone, outcome step types, timed steps and actions
 * with a JSON Schema of their parameters. The console colours states from it.
 */
export function kindRoutes(runtime: Runtime): Hono {
  const app = new Hono();
  app.get('/', (c) =>
    c.json({
      kinds: runtime.kinds.describe().map((kind) => ({
        ...kind,
        actions: kind.actions.map((a) => ({
          ...a,
          params: paramsSchema(
            runtime.kinds.get(kind.provider, kind.kind)?.actions[a.name].params ?? z.object({}),
          ),
        })),
      })),
    }),
  );
  return app;
}
