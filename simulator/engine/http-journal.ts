import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { bodyPreview } from './body.js';
import { type Journal, type JournalInput, journalHeaders, type RawHeaders, TIME_ORIGIN } from './journal.js';
import { nodeIncoming, queryOf, requestHeader } from './node-request.js';

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
 * fetch-style Request for its headers would build a Headers object per request, a real cost. Node's
 * rawHeaders array is kept as it is (read into a record only when the entry is): it exists anyway,
 * and is smaller than the headers object plus a closure to copy it later.
 */
function journaledHeaders(c: Context): Record<string, string> | RawHeaders {
  return nodeIncoming(c)?.rawHeaders ?? journalHeaders(c.req.raw.headers.entries());
}

/** True when the request says it carries a body. */
function declaresBody(c: Context): boolean {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return false;
  const declared = requestHeader(c, 'content-length');
  return declared === undefined ? requestHeader(c, 'transfer-encoding') !== undefined : declared !== '0';
}

/**
 * The request body as the journal keeps it: the leading bytes the body reader kept (text types),
 * or a placeholder naming the type and size; never more than the reader's preview.
 */
async function journaledBody(c: Context): Promise<{ text: string; size: number }> {
  const contentType = requestHeader(c, 'content-type') ?? null;
  const { bytes, size, whole } = await bodyPreview(c);
  const total = whole ? size : Math.max(size, Number(requestHeader(c, 'content-length')) || 0);
  if (!isText(contentType)) return { text: `<${contentType ?? 'binary'} body, ${total} bytes>`, size: total };
  return { text: new TextDecoder().decode(bytes), size: total };
}

type JournalEnv = { Variables: { sessionId?: string; journalNote?: string } };

/**
 * Records one finished HTTP exchange (the route has answered `c.res`), `started` being when the
 * request came in (performance.now()) and `startedAt` the simulator's time then: the entry is
 * dated when the request came in, so the session events it caused come after it. What the
 * journal may never be asked for (the request's headers, the answer's text) is kept by reference
 * and read only when the entry is.
 */
export function recordExchange(
  journal: Journal,
  provider: string,
  c: Context<JournalEnv>,
  started: number,
  startedAt: number,
): void {
  const res = c.res;
  const entry = httpEntry(provider, c.req.method, c.req.path, queryOf(c), started, startedAt, {
    status: res.status,
    requestHeaders: journaledHeaders(c),
    responseBody: responseText(res),
    sessionId: c.get('sessionId'),
    note: c.get('journalNote'),
  });
  if (!declaresBody(c)) {
    journal.record(entry);
    return;
  }
  // Not awaited: a body the route never read may still be on its way; the answer must not wait.
  journaledBody(c).then(
    ({ text, size }) => {
      entry.requestBody = text;
      entry.requestBodyBytes = size;
      journal.record(entry);
    },
    () => journal.record(entry),
  );
}

/** What every HTTP entry has; `started` (performance.now()) and `startedAt` as in recordExchange. */
function httpEntry(
  provider: string,
  method: string,
  path: string,
  query: string | undefined,
  started: number,
  startedAt: number,
  answer: Pick<JournalInput, 'status' | 'requestHeaders' | 'responseBody' | 'sessionId' | 'note'>,
): JournalInput {
  return {
    kind: 'http',
    at: startedAt,
    realAt: TIME_ORIGIN + started,
    provider,
    method,
    path,
    query,
    status: answer.status,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    requestHeaders: answer.requestHeaders,
    responseBody: answer.responseBody,
    sessionId: answer.sessionId,
    note: answer.note,
  };
}

/** Records a GET answered by a direct route (engine/direct-routes.ts), as recordExchange would have. */
export function recordDirectExchange(
  journal: Journal,
  request: IncomingMessage,
  match: { provider: string; path: string; query: string | undefined },
  answer: { json: string; sessionId?: string },
  started: number,
  startedAt: number,
): void {
  journal.record(
    httpEntry(match.provider, 'GET', match.path, match.query, started, startedAt, {
      status: 200,
      requestHeaders: request.rawHeaders,
      responseBody: answer.json,
      sessionId: answer.sessionId,
    }),
  );
}
