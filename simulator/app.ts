import { type Context, Hono, type Next } from 'hono';
import { adminApi } from './admin/api.js';
import { journalRequests } from './engine/http-journal.js';
import { nearestRoute } from './engine/not-matched.js';
import type { Runtime } from './runtime.js';

type AppEnv = { Variables: { sessionId?: string; journalNote?: string } };

const ADMIN = '/__admin';

/** One Hono app: the admin API, then each provider under its prefix, faults and journal around them. */
export function createApp(runtime: Runtime): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const providerName = (path: string) => runtime.providerOf(path)?.definition.name ?? 'simulator';

  app.route(ADMIN, adminApi(runtime));

  const journal = journalRequests(runtime.journal, providerName);
  app.use('*', (c, next) => (c.req.path.startsWith(ADMIN) ? next() : journal(c, next)));

  // Most scenarios declare no faults: that path stays synchronous.
  app.use('*', (c, next) =>
    runtime.faults.isEmpty || c.req.path.startsWith(ADMIN) ? next() : injectFaults(c, next),
  );

  const injectFaults = async (c: Context<AppEnv>, next: Next) => {
    const { latencyMs, error } = runtime.faults.forRequest(c.req.method, c.req.path);
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const provider = runtime.providerOf(c.req.path);
    if (error && provider) {
      c.set('journalNote', `fault: ${error.status}${latencyMs ? ` after ${latencyMs} ms` : ''}`);
      c.res = provider.definition.errorResponse(c, {
        status: error.status,
        code: error.code,
        message: error.message ?? `kyc-sim fault: ${error.status} injected by the scenario`,
      });
      return;
    }
    if (latencyMs > 0) c.set('journalNote', `fault: +${latencyMs} ms`);
    return next();
  };

  for (const { definition, instance } of runtime.providers) app.route(definition.prefix, instance.app);

  app.notFound((c) => {
    const near = nearestRoute(app.routes, c.req.method, c.req.path);
    const explanation = near
      ? `no route for ${c.req.method} ${c.req.path}; nearest is ${near.route.method} ${near.route.path} (${near.difference})`
      : `no route for ${c.req.method} ${c.req.path}; providers are mounted at ${runtime.providers.map((p) => p.definition.prefix).join(', ')}`;
    c.header('X-Kyc-Sim-Not-Matched', explanation);
    c.set('journalNote', `not matched: ${explanation}`);
    const provider = runtime.providerOf(c.req.path);
    if (provider)
      return provider.definition.errorResponse(c, { status: 404, code: 'NOT_FOUND', message: explanation });
    return c.json({ error: 'not found', explanation }, 404);
  });

  app.onError((error, c) => {
    runtime.log.error({ err: error, path: c.req.path }, 'unhandled error in a route');
    const provider = runtime.providerOf(c.req.path);
    const message = `kyc-sim internal error: ${error.message}`;
    if (provider) return provider.definition.errorResponse(c, { status: 500, message });
    return c.json({ error: message }, 500);
  });

  return app;
}
