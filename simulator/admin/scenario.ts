import { Hono } from 'hono';
import { parseScenarioText, ScenarioError, validateScenario } from '../engine/scenario-loader.js';
import { Runtime } from '../runtime.js';
import { scenarioSchema } from '../scenario.js';
import { resolveScenarioFile } from '../shipped-scenarios.js';
import { ScenarioFileRefused } from './scenario-files.js';

/** GET the loaded scenario; PUT a new one (YAML or JSON). An invalid one changes nothing. */
export function scenarioRoutes(runtime: Runtime): Hono {
  const app = new Hono();
  app.get('/scenario', (c) => {
    const { scenario, source } = runtime.scenario;
    return c.json({ source, seed: runtime.seed ?? null, scenario });
  });

  app.put('/scenario', async (c) => {
    const source = c.req.query('file') ?? '<request body>';
    try {
      const file = c.req.query('file');
      const loaded =
        file !== undefined
          ? await Runtime.load(await runtime.scenarioFolders.confine(resolveScenarioFile(file)))
          : {
              scenario: validateScenario(
                await parseScenarioText(await c.req.text(), source),
                scenarioSchema,
                source,
              ),
              source,
              baseDir: runtime.scenario.baseDir,
            };
      await runtime.apply(loaded);
      return c.json({ status: 'loaded', name: loaded.scenario.name, source });
    } catch (error) {
      if (error instanceof ScenarioFileRefused) return c.json({ error: error.message }, 403);
      if (error instanceof ScenarioError) return c.json({ error: error.message, ...error.toJSON() }, 400);
      throw error;
    }
  });

  app.get('/faults', (c) => c.json({ faults: runtime.faults.list() }));
  return app;
}
