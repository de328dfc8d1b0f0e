import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { Journal } from './journal.js';

/** Headers left out of the journal: secrets of the browser session and per-hop noise. */
const DROPPED_HEADERS = new Set([
  'cookie',
  'connection',
  'keep-alive',
  'content-length',
  'host',
  'accept-encoding',
]);

const isText = (contentType: string | null) =>
  !!contentType && /json|text|xml|javascript|x-www-form-urlencoded/.test(contentType);

/**
 * The text of a response as the route handed it over. @hono/node-server's lightweight Response
 * keeps `[status, body, headers]` under a private symbol (named "cache") until it is written;
 * reading it there costs nothing, where cloning the Response would turn every answer into a
 * stream. Responses without it (streams, other adapters) are journaled without a body.
 */
let bodyCacheKey: symbol | undefined;

function responseText(res: Response): string | undefined {
  bodyCacheKey ??= Object.getOwnPropertySymbols(res).find((key) => key.description === 'cache');
  const cache = bodyCacheKey
    ? (res as unknown as Record<symbol, unknown[] | undefined>)[bodyCacheKey]
    : undefined;
  const body = cache?.[1];
  return typeof body === 'string' ? body : undefined;
}

/**
 * The request's headers, from Node's IncomingMessage when the Node adapter provides it: asking the
 * fetch-style Request for its headers would build a Headers object per request, a real cost.
 */
function journaledHeaders(c: Context): Record<string, string> | (() => Record<string, string>) {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.headers;
  if (!incoming) return withoutDropped(c.req.raw.headers.entries());
  // Node's plain headers object, kept by reference and copied only when the entry is read.
  return () => withoutDropped(Object.entries(incoming));
}

function withoutDropped(entries: Iterable<[string, string | string[] | undefined]>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (value !== undefined && !DROPPED_HEADERS.has(name))
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

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
    const res = c.res;
    const path = c.req.path;
    const queryAt = req.url.indexOf('?');
    journal.record({
      kind: 'http',
      provider: providerOf(path),
      method: req.method,
      path,
      query: queryAt >= 0 ? req.url.slice(queryAt + 1) : undefined,
      status: res.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      requestHeaders: journaledHeaders(c),
      requestBody,
      responseBody: responseText(res),
      sessionId: c.get('sessionId'),
      note: c.get('journalNote'),
    });
  };
}
