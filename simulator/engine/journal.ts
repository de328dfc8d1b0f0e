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

/** performance.timeOrigin, read once: the getter costs more than performance.now() itself. */
export const TIME_ORIGIN = performance.timeOrigin;

/** Real time in ms, monotonic within the process, with sub-millisecond fractions. */
export const realNow = () => TIME_ORIGIN + performance.now();

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

/**
 * One place in the ring, reused by every entry that lands there. An entry object per request would
 * live for the next 5,000 requests: the young-generation collector would copy each one and then
 * promote it, a fifth of a hot request's CPU. A slot is written in place instead, and only what it
 * points to is new. Every field exists from the start and the times are doubles from the start, so
 * writing a new value allocates nothing and never changes the slot's shape.
 */
class Slot {
  id = 0;
  at = 0.5;
  realAt = 0.5;
  kind: JournalKind = 'http';
  provider = '';
  method: string | undefined = undefined;
  path = '';
  query: string | undefined = undefined;
  status: number | undefined = undefined;
  /** NaN when the entry has none. */
  durationMs = Number.NaN;
  requestHeaders: JournalInput['requestHeaders'] = undefined;
  requestBody: string | undefined = undefined;
  requestBodyBytes: number | undefined = undefined;
  responseBody: JournalInput['responseBody'] = undefined;
  message: string | undefined = undefined;
  sessionId: string | undefined = undefined;
  note: string | undefined = undefined;
}

export class Journal {
  /** A circular buffer: #start is the oldest entry, #count how many are held. */
  #slots: (Slot | undefined)[];
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
    this.#slots = new Array(capacity);
  }

  record(entry: JournalInput): void {
    const index = (this.#start + this.#count) % this.capacity;
    const slot = this.#slots[index] ?? new Slot();
    this.#slots[index] = slot;
    if (this.#count < this.capacity) this.#count++;
    else this.#start = (this.#start + 1) % this.capacity;
    slot.id = this.#nextId++;
    slot.at = entry.at ?? this.now();
    slot.realAt = entry.realAt ?? realNow();
    slot.kind = entry.kind;
    slot.provider = entry.provider;
    slot.method = entry.method;
    // A client repeating itself sends the same path and headers: the entry takes the copies the
    // last one holds, and the new ones die young instead of being kept (and copied by the GC).
    slot.path = entry.path === this.#last.path ? this.#last.path : entry.path;
    this.#last.path = slot.path;
    slot.query = entry.query;
    slot.status = entry.status;
    slot.durationMs = entry.durationMs ?? Number.NaN;
    slot.requestHeaders = entry.requestHeaders;
    if (Array.isArray(entry.requestHeaders)) {
      if (sameList(entry.requestHeaders, this.#last.rawHeaders)) slot.requestHeaders = this.#last.rawHeaders;
      else this.#last.rawHeaders = entry.requestHeaders;
    }
    // Clipped now, not when read: a ring of 5,000 whole bodies would be gigabytes.
    slot.requestBody =
      entry.requestBody === undefined
        ? undefined
        : clip(entry.requestBody, this.bodyLimit, entry.requestBodyBytes);
    slot.requestBodyBytes = entry.requestBodyBytes;
    slot.responseBody =
      typeof entry.responseBody === 'string' ? this.#oneCopy(entry.responseBody) : entry.responseBody;
    slot.message = entry.message === undefined ? undefined : clip(entry.message, this.bodyLimit);
    slot.sessionId = entry.sessionId;
    slot.note = entry.note;
    if (this.#listeners.size === 0) return;
    const full = this.#read(slot);
    for (const listener of this.#listeners) listener(full);
  }

  /**
   * The body clipped, and the very string recorded last when it reads the same, so that answers
   * repeated to a polling client are held once rather than once per entry.
   */
  #oneCopy(body: string): string | undefined {
    if (body === this.#lastBody) return this.#lastBody;
    const clipped = clip(body, this.bodyLimit) as string;
    if (clipped === this.#lastBody) return this.#lastBody;
    this.#lastBody = clipped;
    return clipped;
  }

  /** What the last entry held, for the next one to share when it reads the same. */
  #last: { path?: string; rawHeaders?: RawHeaders } = {};

  /**
   * The entry a slot holds, as a reader's own object (the slot is reused later). Lazy parts are
   * resolved in the slot, once: later reads get the same values.
   */
  #read(slot: Slot): JournalEntry {
    if (typeof slot.requestHeaders === 'function') slot.requestHeaders = slot.requestHeaders();
    else if (Array.isArray(slot.requestHeaders))
      slot.requestHeaders = journalHeaders(pairs(slot.requestHeaders as RawHeaders));
    if (typeof slot.responseBody === 'function')
      slot.responseBody = clip(slot.responseBody(), this.bodyLimit);
    const entry: JournalEntry = {
      id: slot.id,
      at: slot.at,
      realAt: slot.realAt,
      kind: slot.kind,
      provider: slot.provider,
      path: slot.path,
    };
    // Only the fields the entry has, as it was recorded.
    if (slot.method !== undefined) entry.method = slot.method;
    if (slot.query !== undefined) entry.query = slot.query;
    if (slot.status !== undefined) entry.status = slot.status;
    if (!Number.isNaN(slot.durationMs)) entry.durationMs = slot.durationMs;
    if (slot.requestHeaders !== undefined)
      entry.requestHeaders = slot.requestHeaders as Record<string, string>;
    if (slot.requestBody !== undefined) entry.requestBody = slot.requestBody;
    if (slot.requestBodyBytes !== undefined) entry.requestBodyBytes = slot.requestBodyBytes;
    if (slot.responseBody !== undefined) entry.responseBody = slot.responseBody as string;
    if (slot.message !== undefined) entry.message = slot.message;
    if (slot.sessionId !== undefined) entry.sessionId = slot.sessionId;
    if (slot.note !== undefined) entry.note = slot.note;
    return entry;
  }

  /** The slot `i` places after the oldest. */
  #slot(i: number): Slot {
    return this.#slots[(this.#start + i) % this.capacity] as Slot;
  }

  /** Newest first. */
  query(filter: JournalFilter = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    const limit = filter.limit ?? 500;
    for (let i = this.#count - 1; i >= 0 && out.length < limit; i--) {
      const slot = this.#slot(i);
      if (matches(slot, filter)) out.push(this.#read(slot));
    }
    return out;
  }

  /** How many entries the journal holds that match `filter` (its `limit` aside), like WireMock's count. */
  count(filter: JournalFilter = {}): number {
    let n = 0;
    for (let i = 0; i < this.#count; i++) if (matches(this.#slot(i), filter)) n++;
    return n;
  }

  /** Calls `listener` for each new entry (the console's live view); returns an unsubscribe. */
  onEntry(listener: (entry: JournalEntry) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  clear(): void {
    this.#last = {};
    this.#slots = new Array(this.capacity);
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
