import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/** Node's own request behind a Hono context, when the Node adapter serves it (not `app.request`). */
export const nodeIncoming = (c: Context): IncomingMessage | undefined =>
  (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;

/**
 * One request header by its lower-case name. Read from Node's parsed headers when there are some:
 * asking the fetch-style Request builds a Headers object for the request, a cost on every request.
 */
export function requestHeader(c: Context, lowerCaseName: string): string | undefined {
  const incoming = nodeIncoming(c);
  if (!incoming) return c.req.header(lowerCaseName);
  const value = incoming.headers[lowerCaseName];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The request target's query string (without `?`), or undefined. */
export function queryOf(c: Context): string | undefined {
  const url = nodeIncoming(c)?.url ?? c.req.url;
  const at = url.indexOf('?');
  return at >= 0 ? url.slice(at + 1) : undefined;
}
