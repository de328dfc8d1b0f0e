import { type Context, Hono, type Next } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import { adminApi } from './admin/api.js';
import { adminError, adminErrorOf } from './admin/errors.js';
import { refuseCrossOrigin } from './admin/guard.js';
import { afterBody, BodyTooLarge, installBodyReader, KiB, type ReadBodiesOptions } from './engine/body.js';
import { corsPreflight, originGrant } from './engine/cors.js';
import { describeKnown, SimError } from './engine/errors.js';
import { recordExchange } from './engine/http-journal.js';
import { requestHeader } from './engine/node-request.js';
import { headerValue, nearestRoute } from './engine/not-matched.js';
import { MAX_SCENARIO_BYTES } from './engine/scenario-loader.js';
import type { Runtime } from './runtime.js';

type AppEnv = { Variables: { sessionId?: string; journalNote?: string } };

const ADMIN = '/__admin';
const NOT_MATCHED_HEADER = 'X-Kyc-Sim-Not-Matched';

/** Bodies of admin calls, unmatched paths and providers that set no limit. */
const DEFAULT_BODY_LIMIT = 64 * KiB;

const payloadTooLarge = (error: BodyTooLarge) =>
  new SimError(413, error.message, { code: 'PAYLOAD_TOO_LARGE' });

/** One Hono app: the admin API, then each provider under its prefix, faults and journal around them. */
export function createApp(runtime: Runtime): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ router: new TrieRouter() });
  const providerName = (path: string) => runtime.providerOf(path)?.definition.name ?? 'simulator';
  /** An error in the format of whoever owns the path: the provider's, or the admin plane's. */
  const errorFor = (c: Context, error: SimError) => {
    const provider = runtime.providerOf(c.req.path);
    return provider ? provider.definition.errorResponse(c, error) : adminErrorOf(c, error);
  };

  const bodies: ReadBodiesOptions = {
    limit: (method, path) => {
      if (path === `${ADMIN}/scenario` || path === `${ADMIN}/scenario/overrides`) return MAX_SCENARIO_BYTES;
      return runtime.providerOf(path)?.definition.bodyLimit?.(method, path) ?? DEFAULT_BODY_LIMIT;
    },
    previewBytes: runtime.journal.bodyLimit,
    tooLarge: (c, error) => errorFor(c, payloadTooLarge(error)),
  };
  const serveWithBodyLimit = async (c: Context<AppEnv>, next: Next) => {
    if (installBodyReader(c, bodies)) return;
    await next();
    afterBody(c, bodies);
  };
  // Browser code calls the providers' APIs from the app's own origin (flowx.js pages, web clients):
  // any origin may, preflights included. Never the admin plane, which refuses other origins.
  const grantOrigin = originGrant([NOT_MATCHED_HEADER]);

  // One middleware in front of every route rather than one per concern: each Hono middleware costs
  // a closure and a promise per request, and the common request (a provider path, no Origin, no
  // body, no faults) needs none of what they do.
  app.use('*', async (c, next) => {
    // Admin included: a Host we do not know is a DNS-rebinding page, not a client.
    const host = requestHeader(c, 'host');
    if (!runtime.allowedHosts.allows(host)) {
      c.set('journalNote', 'refused: unknown Host');
      return c.json({ error: runtime.allowedHosts.refusal(host ?? '') }, 403);
    }
    const path = c.req.path;
    if (path.startsWith(ADMIN)) return serveWithBodyLimit(c, next);
    const started = performance.now();
    const startedAt = runtime.clock.now();
    const origin = requestHeader(c, 'origin');
    const preflight = origin && corsPreflight(c, origin);
    if (preflight) c.res = preflight;
    // Most scenarios declare no faults: that path never looks at them.
    else if (runtime.faults.isEmpty) await serveWithBodyLimit(c, next);
    else await serveWithBodyLimit(c, () => injectFaults(c, next));
    if (origin) grantOrigin(c.res, origin);
    recordExchange(runtime.journal, providerName(path), c, started, startedAt);
  });

  app.use(`${ADMIN}/*`, refuseCrossOrigin());
  app.use(`${ADMIN}/*`, runtime.adminAuth.middleware());
  app.route(ADMIN, adminApi(runtime));

  const injectFaults = async (c: Context<AppEnv>, next: Next) => {
    const { latencyMs, error } = runtime.faults.forRequest(c.req.method, c.req.path);
    // On the simulator clock: with the manual clock the answer waits until a test advances it.
    if (latencyMs > 0) await runtime.clock.sleep(latencyMs, `fault latency ${c.req.method} ${c.req.path}`);
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
    c.header(NOT_MATCHED_HEADER, headerValue(explanation));
    c.set('journalNote', `not matched: ${explanation}`);
    const provider = runtime.providerOf(c.req.path);
    if (provider)
      return provider.definition.errorResponse(c, { status: 404, code: 'NOT_FOUND', message: explanation });
    return adminError(c, 404, 'not found', { explanation });
  });

  app.onError((error, c) => {
    if (error instanceof BodyTooLarge) return errorFor(c, payloadTooLarge(error));
    if (error instanceof SimError) {
      if (error.known) {
        const known = describeKnown(error.known);
        c.header('X-Kyc-Sim-Known', known);
        c.set('journalNote', `${error.message}; ${known}`);
      }
      return errorFor(c, error);
    }
    runtime.log.error({ err: error, path: c.req.path }, 'unhandled error in a route');
    return errorFor(c, new SimError(500, `kyc-sim internal error: ${error.message}`));
  });

  return app;
}
