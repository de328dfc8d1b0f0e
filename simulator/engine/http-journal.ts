import type { MiddlewareHandler } from 'hono';
import type { Journal } from './journal.js';

/** Headers worth keeping in the journal; the rest is noise (and cookies stay out of it). */
const KEPT_HEADERS = [
  'content-type',
  'accept',
  'authorization',
  'user-agent',
  'x-yoti-auth-digest',
  'x-yoti-auth-key',
  'x-yoti-auth-id',
  'x-yoti-sdk',
  'x-yoti-sdk-version',
];

const isText = (contentType: string | null) =>
  !!contentType && /json|text|xml|javascript|x-www-form-urlencoded/.test(contentType);

/** Records every HTTP request and its answer. `providerOf` names the provider by path. */
export function journalRequests(
  journal: Journal,
  providerOf: (path: string) => string,
): MiddlewareHandler<{ Variables: { sessionId?: string; journalNote?: string } }> {
  return async (c, next) => {
    const started = performance.now();
    const req = c.req.raw;
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.body !== null;
    // Hono caches the body, so reading it here leaves it readable for the route.
    const requestBody = hasBody
      ? isText(req.headers.get('content-type'))
        ? await c.req.text()
        : `<${req.headers.get('content-type') ?? 'binary'} body>`
      : undefined;
    await next();
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = req.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    const res = c.res;
    const responseBody = isText(res.headers.get('content-type')) ? await res.clone().text() : undefined;
    const url = new URL(req.url);
    journal.record({
      kind: 'http',
      provider: providerOf(url.pathname),
      method: req.method,
      path: url.pathname,
      query: url.search ? url.search.slice(1) : undefined,
      status: res.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      requestHeaders: headers,
      requestBody,
      responseBody,
      sessionId: c.get('sessionId'),
      note: c.get('journalNote'),
    });
  };
}
