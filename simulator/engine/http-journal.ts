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

/** What a route answered with: a JSON value (serialised only when the entry is read) or text. */
interface CapturedBody {
  json?: unknown;
  text?: string;
}

/**
 * Captures the body a route answers with as it is handed to Hono. Cloning the finished Response
 * instead would turn every answer into a stream and cost most of the throughput.
 */
function captureResponseBody(c: Context): CapturedBody {
  const captured: CapturedBody = {};
  const { json, text, body } = c;
  c.json = ((object: unknown, ...rest: unknown[]) => {
    captured.json = object;
    return (json as (...args: unknown[]) => Response)(object, ...rest);
  }) as typeof c.json;
  c.text = ((value: string, ...rest: unknown[]) => {
    captured.text = value;
    return (text as (...args: unknown[]) => Response)(value, ...rest);
  }) as typeof c.text;
  c.body = ((data: unknown, ...rest: unknown[]) => {
    if (typeof data === 'string') captured.text = data;
    return (body as (...args: unknown[]) => Response)(data, ...rest);
  }) as typeof c.body;
  return captured;
}

/**
 * Defers serialisation to the first read. Built outside captureResponseBody on purpose: a closure
 * made there would share its scope, and so keep the whole request context alive in the journal.
 */
function lazyBody(captured: CapturedBody): () => string | undefined {
  return () => (captured.json !== undefined ? JSON.stringify(captured.json) : captured.text);
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
    const captured = captureResponseBody(c);
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
      responseBody: lazyBody(captured),
      sessionId: c.get('sessionId'),
      note: c.get('journalNote'),
    });
  };
}
