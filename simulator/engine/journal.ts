/**
 * The request journal: every HTTP request, websocket frame and outgoing webhook, in and out,
 * queryable like WireMock's. A bounded ring so a long-running simulator keeps flat memory.
 */
export type JournalKind = 'http' | 'ws-open' | 'ws-in' | 'ws-out' | 'ws-close' | 'webhook';

export interface JournalEntry {
  id: number;
  /** On the simulator's clock (ms epoch), which stands still while it is manual; HTTP: when the request came in. */
  at: number;
  /**
   * Real time (ms epoch, sub-ms, monotonic) when it happened — for HTTP, when the request came
   * in: orders entries, and session timelines, while the manual clock stands still.
   */
  realAt: number;
  kind: JournalKind;
  provider: string;
  method?: string;
  /** Path (without query) for HTTP and websockets; the target URL for webhooks. */
  path: string;
  query?: string;
  status?: number;
  durationMs?: number;
  requestHeaders?: Record<string, string>;
  /** The request body's text, clipped to the journal's body limit. */
  requestBody?: string;
  /** The request body's whole size in bytes, when it had one. */
  requestBodyBytes?: number;
  responseBody?: string;
  /** For websocket frames: the text of the frame. */
  message?: string;
  sessionId?: string;
  /** Why a request got the answer it did when it was not a plain route match (fault, not matched). */
  note?: string;
}

export interface JournalFilter {
  provider?: string;
  kind?: string;
  /** Substring of the path. */
  path?: string;
  method?: string;
  status?: number;
  sessionId?: string;
  since?: number;
  limit?: number;
}

/** A value computed when the entry is first read, so the request path pays nothing for it. */
type Lazy<T> = T | (() => T);

/**
 * Request headers as Node's parser left them (IncomingMessage.rawHeaders: name, value, name,
 * value…). Kept as they are, they cost the journal no allocation of its own; they are turned into
 * the entry's `requestHeaders` record when the entry is first read.
 */
export type RawHeaders = readonly string[];

export type JournalInput = Omit<JournalEntry, 'id' | 'at' | 'realAt' | 'requestHeaders' | 'responseBody'> & {
  at?: number;
  realAt?: number;
  requestHeaders?: Lazy<Record<string, string> | undefined> | RawHeaders;
  responseBody?: Lazy<string | undefined>;
};

type StoredEntry = JournalInput & { id: number; at: number; realAt: number };

/** performance.timeOrigin, read once: the getter costs more than performance.now() itself. */
export const TIME_ORIGIN = performance.timeOrigin;

/** Real time in ms, monotonic within the process, with sub-millisecond fractions. */
export const realNow = () => TIME_ORIGIN + performance.now();

/** Entries whose lazy fields are resolved; kept apart so no flag shows up in the entries themselves. */
const materialized = new WeakSet<StoredEntry>();

/** Headers left out of the journal: secrets of the browser session and per-hop noise. */
const DROPPED_HEADERS = new Set([
  'cookie',
  'connection',
  'keep-alive',
  'content-length',
  'host',
  'accept-encoding',
]);

/**
 * Request headers as the journal shows them: lower-case names, repeated ones joined with `, `,
 * without the dropped ones.
 */
export function journalHeaders(
  entries: Iterable<readonly [string, string | string[] | undefined]>,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [rawName, value] of entries) {
    const name = rawName.toLowerCase();
    if (value === undefined || DROPPED_HEADERS.has(name)) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    headers[name] = name in headers ? `${headers[name]}, ${text}` : text;
  }
  return headers;
}

/** True when two header lists hold the same names and values in the same order. */
function sameList(a: RawHeaders, b: RawHeaders | undefined): boolean {
  if (!b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function* pairs(raw: RawHeaders): Generator<readonly [string, string]> {
  for (let i = 0; i + 1 < raw.length; i += 2) yield [raw[i], raw[i + 1]];
}

/** Bodies and frames longer than this (characters) are clipped when recorded, unless told otherwise. */
export const DEFAULT_JOURNAL_BODY_LIMIT = 4096;

/**
 * `text` cut to `limit` characters, with the whole size noted when anything is missing. `size` is
 * the whole size in bytes when `text` is already only the start of something larger.
 */
export function clip(text: string | undefined, limit: number, size?: number): string | undefined {
  if (text === undefined) return text;
  if (text.length > limit)
    return `${text.slice(0, limit)}…[clipped: ${size ?? Buffer.byteLength(text)} bytes in all]`;
  if (size !== undefined && size > text.length && size > Buffer.byteLength(text))
    return `${text}…[clipped: ${size} bytes in all]`;
  return text;
}

export class Journal {
  /** A circular buffer: #start is the oldest entry, #count how many are held. */
  #entries: (StoredEntry | undefined)[];
  #start = 0;
  #count = 0;
  #nextId = 1;
  #listeners = new Set<(entry: JournalEntry) => void>();
  /** The last response body recorded: a client polling one URL gets the same answer many times. */
  #lastBody: string | undefined;

  constructor(
    private readonly now: () => number,
    private readonly capacity = 5_000,
    /** Characters of a body or frame kept; the rest is dropped when recorded, its size noted. */
    readonly bodyLimit = DEFAULT_JOURNAL_BODY_LIMIT,
  ) {
    this.#entries = new Array(capacity);
  }

  record(entry: JournalInput): void {
    // Callers pass a fresh object; filling it in place keeps the hot path free of copies.
    const stored = entry as StoredEntry;
    stored.id = this.#nextId++;
    stored.at ??= this.now();
    stored.realAt ??= realNow();
    // Clipped now, not when read: a ring of 5,000 whole bodies would be gigabytes. Fields are
    // written only when present, so an entry needs no room beyond what its recorder gave it.
    if (stored.requestBody !== undefined)
      stored.requestBody = clip(stored.requestBody, this.bodyLimit, stored.requestBodyBytes);
    if (typeof stored.responseBody === 'string') stored.responseBody = this.#oneCopy(stored.responseBody);
    // A client repeating itself sends the same path and headers: the entry takes the copies the
    // last one holds, and the new ones die young instead of being kept (and copied by the GC).
    stored.path = stored.path === this.#last.path ? this.#last.path : stored.path;
    if (Array.isArray(stored.requestHeaders)) {
      if (sameList(stored.requestHeaders, this.#last.rawHeaders))
        stored.requestHeaders = this.#last.rawHeaders;
      else this.#last.rawHeaders = stored.requestHeaders;
    }
    this.#last.path = stored.path;
    if (stored.message !== undefined) stored.message = clip(stored.message, this.bodyLimit);
    this.#entries[(this.#start + this.#count) % this.capacity] = stored;
    if (this.#count < this.capacity) this.#count++;
    else this.#start = (this.#start + 1) % this.capacity;
    if (this.#listeners.size === 0) return;
    const full = materialize(stored, this.bodyLimit);
    for (const listener of this.#listeners) listener(full);
  }

  /**
   * The body clipped, and the very string recorded last when it reads the same, so that answers
   * repeated to a polling client are held once rather than once per entry.
   */
  #oneCopy(body: string): string | undefined {
    const clipped = clip(body, this.bodyLimit) as string;
    if (clipped === this.#lastBody) return this.#lastBody;
    this.#lastBody = clipped;
    return clipped;
  }

  /** What the last entry held, for the next one to share when it reads the same. */
  #last: { path?: string; rawHeaders?: RawHeaders } = {};

  /** Newest first. */
  query(filter: JournalFilter = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    const limit = filter.limit ?? 500;
    for (let i = this.#count - 1; i >= 0 && out.length < limit; i--) {
      const e = this.#entries[(this.#start + i) % this.capacity] as StoredEntry;
      if (matches(e, filter)) out.push(materialize(e, this.bodyLimit));
    }
    return out;
  }

  /** How many entries the journal holds that match `filter` (its `limit` aside), like WireMock's count. */
  count(filter: JournalFilter = {}): number {
    let n = 0;
    for (let i = 0; i < this.#count; i++)
      if (matches(this.#entries[(this.#start + i) % this.capacity] as StoredEntry, filter)) n++;
    return n;
  }

  /** Calls `listener` for each new entry (the console's live view); returns an unsubscribe. */
  onEntry(listener: (entry: JournalEntry) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  clear(): void {
    this.#last = {};
    this.#entries = new Array(this.capacity);
    this.#start = 0;
    this.#count = 0;
    this.#lastBody = undefined;
  }

  get size(): number {
    return this.#count;
  }
}

/** Whether the entry passes `filter` (its `limit` aside); shared by the replicas' journal. */
export function matches(
  e: Pick<JournalEntry, 'id' | 'provider' | 'kind' | 'method' | 'status' | 'sessionId' | 'path'>,
  filter: JournalFilter,
): boolean {
  if (filter.provider && e.provider !== filter.provider) return false;
  if (filter.kind && e.kind !== filter.kind) return false;
  if (filter.method && e.method !== filter.method.toUpperCase()) return false;
  if (filter.status !== undefined && e.status !== filter.status) return false;
  if (filter.sessionId && e.sessionId !== filter.sessionId) return false;
  if (filter.since !== undefined && e.id <= filter.since) return false;
  return !filter.path || e.path.includes(filter.path);
}

/** Resolves an entry's lazy fields (clipping a lazy body), once; later reads get the same object. */
function materialize(e: StoredEntry, bodyLimit: number): JournalEntry {
  if (!materialized.has(e)) {
    if (typeof e.requestHeaders === 'function') e.requestHeaders = e.requestHeaders();
    else if (Array.isArray(e.requestHeaders)) e.requestHeaders = journalHeaders(pairs(e.requestHeaders));
    if (typeof e.responseBody === 'function') e.responseBody = clip(e.responseBody(), bodyLimit);
    materialized.add(e);
  }
  return e as JournalEntry;
}
