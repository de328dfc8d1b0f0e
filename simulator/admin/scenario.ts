import { Hono } from 'hono';
import { parseScenarioText, ScenarioError, validateScenario } from '../engine/scenario-loader.js';
import type { Runtime } from '../runtime.js';
import { resolveScenarioFile } from '../shipped-scenarios.js';
import { adminError } from './errors.js';
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
          ? await runtime.load(await runtime.scenarioFolders.confine(resolveScenarioFile(file)))
          : {
              scenario: validateScenario(
                await parseScenarioText(await c.req.text(), source),
                runtime.scenarioSchema,
                source,
              ),
              source,
              baseDir: runtime.scenario.baseDir,
            };
      await runtime.apply(loaded);
      return c.json({ status: 'loaded', name: loaded.scenario.name, source });
    } catch (error) {
      if (error instanceof ScenarioFileRefused) return adminError(c, 403, error.message);
      if (error instanceof ScenarioError) return adminError(c, 400, error.message, error.toJSON());
      throw error;
    }
  });

  app.get('/faults', (c) => c.json({ faults: runtime.faults.list() }));
  return app;
}
