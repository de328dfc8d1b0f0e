import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The plain success of a hot GET route (the refs a phone reads on every scan, the QR code a kiosk
 * asks for on every share), answered from Node's own request before Hono builds a Request, a
 * Context and a middleware chain for it: a third of such a request's CPU. Only the plain case:
 * the request with anything unusual, and the answer `undefined` (unknown id, any error), go to
 * the provider's Hono route for the same path, which the provider builds from the same answer
 * function — so a client sees one behaviour either way.
 */
export interface DirectRoute {
  /** Hono's syntax, e.g. `/yoti/api/v1.1/qrcodes/refs/:refId` (the provider's prefix included). */
  path: string;
  /** Synchronous where it can be (an in-memory store): a promise per request is a real cost here. */
  answer(params: Record<string, string>): DirectAnswer | undefined | Promise<DirectAnswer | undefined>;
}

/** A 200 with a JSON body, and the session it concerns, for the journal. */
export interface DirectAnswer {
  json: string;
  sessionId?: string;
}

/** A segment after the route's head: a literal, or a parameter (named without its `:`). */
type Segment = { literal: string; param?: undefined } | { param: string; literal?: undefined };

interface CompiledRoute {
  /** The literal start of the path, up to the first parameter. */
  head: string;
  segments: Segment[];
  route: DirectRoute;
  provider: string;
}

export interface DirectMatch {
  route: DirectRoute;
  provider: string;
  params: Record<string, string>;
  path: string;
  query: string | undefined;
}

/** The direct routes of every provider, matched by literal segments; nothing percent-encoded. */
export class DirectRoutes {
  readonly #routes: CompiledRoute[] = [];

  add(provider: string, route: DirectRoute): void {
    const at = route.path.indexOf('/:');
    const head = at < 0 ? route.path : route.path.slice(0, at + 1);
    const rest = at < 0 ? '' : route.path.slice(at + 1);
    const segments = (rest ? rest.split('/') : []).map(
      (part): Segment => (part.startsWith(':') ? { param: part.slice(1) } : { literal: part }),
    );
    this.#routes.push({ head, segments, route, provider });
  }

  get size(): number {
    return this.#routes.length;
  }

  /** The route for a request target, when one matches it exactly and plainly. */
  match(target: string): DirectMatch | undefined {
    const q = target.indexOf('?');
    const path = q < 0 ? target : target.slice(0, q);
    // A parameter the route would have to decode is left to Hono, which decodes as routes expect.
    if (path.includes('%')) return undefined;
    for (const compiled of this.#routes) {
      if (!path.startsWith(compiled.head)) continue;
      const params = matchSegments(compiled.segments, path, compiled.head.length);
      if (params)
        return {
          route: compiled.route,
          provider: compiled.provider,
          params,
          path,
          query: q < 0 ? undefined : target.slice(q + 1),
        };
    }
    return undefined;
  }
}

/** The parameters when `path` from `at` on is exactly `segments`, one per `/`-separated part. */
function matchSegments(segments: Segment[], path: string, at: number): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  let from = at;
  for (let i = 0; i < segments.length; i++) {
    const last = i === segments.length - 1;
    const slash = path.indexOf('/', from);
    if (last ? slash >= 0 : slash < 0) return undefined;
    const end = last ? path.length : slash;
    const { literal, param } = segments[i];
    if (param !== undefined) {
      if (end === from) return undefined;
      params[param] = path.slice(from, end);
    } else if (literal.length !== end - from || !path.startsWith(literal, from)) return undefined;
    from = end + 1;
  }
  return segments.length === 0 && path.length !== at ? undefined : params;
}

/**
 * The Host of a request nothing about which needs the full front door (a GET with no Origin, so
 * no CORS to answer, and no body to read, limit or journal), `''` when it names none, or false.
 * Read from Node's raw header list: Node builds the `headers` object only when it is asked for.
 */
export function plainGetHost(request: IncomingMessage): string | false {
  if (request.method !== 'GET') return false;
  const raw = request.rawHeaders;
  let host = '';
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    // Only names of these lengths can matter; the rest are passed over without lower-casing.
    if (name.length !== 4 && name.length !== 6 && name.length !== 14 && name.length !== 17) continue;
    const lower = name.toLowerCase();
    if (lower === 'host') host = raw[i + 1];
    else if (lower === 'origin' || lower === 'content-length' || lower === 'transfer-encoding') return false;
  }
  return host;
}

/** Writes a direct answer as Hono's `c.json` and @hono/node-server would. */
export function writeDirectAnswer(response: ServerResponse, answer: DirectAnswer): void {
  response.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(answer.json),
  });
  response.end(answer.json);
}

type Listener = (request: IncomingMessage, response: ServerResponse) => unknown;

/** What answering directly needs of the simulator: the front door's checks, the clock and journal. */
export interface DirectContext {
  allowsHost(host: string | undefined): boolean;
  /** True while the scenario declares no faults (which the front door would apply). */
  noFaults(): boolean;
  now(): number;
  record(
    request: IncomingMessage,
    match: DirectMatch,
    answer: DirectAnswer,
    started: number,
    startedAt: number,
  ): void;
}

/**
 * `fallback` (the Hono app's listener) with the direct routes in front: a plain GET they match
 * and answer is served here; any other request, and any they decline or fail on, goes to Hono.
 */
export function withDirectRoutes(routes: DirectRoutes, context: DirectContext, fallback: Listener): Listener {
  /** Writes and journals `answer`, or hands the request to Hono when there is none. */
  const finish = (
    request: IncomingMessage,
    response: ServerResponse,
    match: DirectMatch,
    answer: DirectAnswer | undefined,
    started: number,
    startedAt: number,
  ) => {
    if (!answer) return fallback(request, response);
    writeDirectAnswer(response, answer);
    context.record(request, match, answer, started, startedAt);
  };
  return (request, response) => {
    const host = context.noFaults() && plainGetHost(request);
    const match =
      host !== false && context.allowsHost(host || undefined) ? routes.match(request.url ?? '/') : undefined;
    if (!match) return fallback(request, response);
    const started = performance.now();
    const startedAt = context.now();
    let answer: ReturnType<DirectRoute['answer']>;
    try {
      answer = match.route.answer(match.params);
    } catch {
      // The route itself will meet the same failure and answer it in the provider's format.
      return fallback(request, response);
    }
    // Synchronous answers (an in-memory store) go out without a closure or a promise.
    if (!(answer instanceof Promise)) return finish(request, response, match, answer, started, startedAt);
    return answer.then(
      (settled) => finish(request, response, match, settled, started, startedAt),
      () => fallback(request, response),
    );
  };
}
