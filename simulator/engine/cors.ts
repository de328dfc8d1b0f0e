import type { MiddlewareHandler } from 'hono';

const PREFLIGHT_MAX_AGE_S = '600';

/**
 * CORS for browser code calling from any origin: the calling origin is granted (with credentials),
 * preflights are answered with what they ask for, `exposeHeaders` are readable. Requests without
 * an Origin (SDKs, curl, tests) pass untouched. Headers are set on the route's own Response, which
 * keeps @hono/node-server's cheap body cache that the journal reads.
 */
export function corsForAnyOrigin(exposeHeaders: string[]): MiddlewareHandler {
  const exposed = exposeHeaders.join(', ');
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (!origin) return next();
    const requestedMethod = c.req.header('access-control-request-method');
    if (c.req.method === 'OPTIONS' && requestedMethod) {
      const headers = new Headers({
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': requestedMethod,
        'access-control-max-age': PREFLIGHT_MAX_AGE_S,
        vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      });
      const requestedHeaders = c.req.header('access-control-request-headers');
      if (requestedHeaders) headers.set('access-control-allow-headers', requestedHeaders);
      return new Response(null, { status: 204, headers });
    }
    await next();
    const headers = c.res.headers;
    headers.set('access-control-allow-origin', origin);
    headers.set('access-control-allow-credentials', 'true');
    if (exposed) headers.set('access-control-expose-headers', exposed);
    headers.append('vary', 'Origin');
  };
}
