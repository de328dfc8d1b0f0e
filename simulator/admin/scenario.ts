import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { parseScenarioText, ScenarioError, validateScenario } from '../engine/scenario-loader.js';
import type { Runtime } from '../runtime.js';
import { resolveScenarioFile } from '../shipped-scenarios.js';
import { adminError } from './errors.js';
import { ScenarioFileRefused } from './scenario-files.js';

/** `PUT /scenario?file=`: a shipped scenario's name, or a file in an allowed folder. */
export const scenarioFileQuery = z.object({
  file: z.string().optional().describe('A shipped scenario name or a file in an allowed folder'),
});

/**
 * GET the scenario in force; PUT a new one (YAML or JSON); merge partial ones over it for a test
 * (`/scenario/overrides`). An invalid scenario or override changes nothing.
 */
export function scenarioRoutes(runtime: Runtime): Hono {
  const app = new Hono();
  app.get('/scenario', (c) => {
    const { scenario, source } = runtime.scenario;
    return c.json({ source, seed: runtime.seed ?? null, scenario, overrides: runtime.overrides });
  });

  app.put('/scenario', async (c) => {
    const { file } = scenarioFileQuery.parse(c.req.query());
    const source = file ?? '<request body>';
    return answer(c, async () => {
      const loaded =
        file !== undefined
          ? await runtime.load(await runtime.scenarioFolders.confine(resolveScenarioFile(file)))
          : await (async () => {
              const input = await parseScenarioText(await c.req.text(), source);
              const scenario = validateScenario(input, runtime.scenarioSchema, source);
              return { scenario, input, source, baseDir: runtime.scenario.baseDir };
            })();
      await runtime.apply(loaded);
      return c.json({ status: 'loaded', name: loaded.scenario.name, source });
    });
  });

  const overridesView = () => ({ overrides: runtime.overrides, scenario: runtime.scenario.scenario });
  app.get('/scenario/overrides', (c) => c.json(overridesView()));
  app.post('/scenario/overrides', (c) =>
    answer(c, async () => {
      await runtime.override(await parseScenarioText(await c.req.text(), '<override>'));
      return c.json({ status: 'merged', ...overridesView() });
    }),
  );
  app.delete('/scenario/overrides', async (c) => {
    await runtime.clearOverrides();
    return c.json({ status: 'cleared', ...overridesView() });
  });

  app.get('/faults', (c) => c.json({ faults: runtime.faults.list() }));
  return app;
}

/** Runs a scenario change, answering a refused file with 403 and an invalid scenario with 400. */
async function answer(c: Context, change: () => Promise<Response>): Promise<Response> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof ScenarioFileRefused) return adminError(c, 403, error.message);
    if (error instanceof ScenarioError) return adminError(c, 400, error.message, error.toJSON());
    throw error;
  }
}
