import type { Context } from 'hono';

const PREFLIGHT_MAX_AGE_S = '600';

/*
 * CORS for browser code calling from any origin: the calling origin is granted (with credentials),
 * preflights are answered with what they ask for, exposed headers are readable. Requests without
 * an Origin (SDKs, curl, tests) pass untouched. Headers are set on the route's own Response, which
 * keeps @hono/node-server's cheap body cache that the journal reads.
 */

/** The answer to a CORS preflight (OPTIONS asking for a method), or undefined for any other request. */
export function corsPreflight(c: Context, origin: string): Response | undefined {
  const requestedMethod = c.req.header('access-control-request-method');
  if (c.req.method !== 'OPTIONS' || !requestedMethod) return undefined;
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

/** Grants `origin` on an answer, with `exposeHeaders` readable by its script. */
export function originGrant(exposeHeaders: string[]): (res: Response, origin: string) => void {
  const exposed = exposeHeaders.join(', ');
  return (res, origin) => {
    const headers = res.headers;
    headers.set('access-control-allow-origin', origin);
    headers.set('access-control-allow-credentials', 'true');
    if (exposed) headers.set('access-control-expose-headers', exposed);
    headers.append('vary', 'Origin');
  };
}
