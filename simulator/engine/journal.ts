/**
 * The request journal: every HTTP request, websocket frame and outgoing webhook, in and out,
 * queryable like WireMock's. A bounded ring so a long-running simulator keeps flat memory.
 */
export type JournalKind = 'http' | 'ws-open' | 'ws-in' | 'ws-out' | 'ws-close' | 'webhook';

export interface JournalEntry {
  id: number;
  at: number;
  kind: JournalKind;
  provider: string;
  method?: string;
  /** Path (without query) for HTTP and websockets; the target URL for webhooks. */
  path: string;
  query?: string;
  status?: number;
  durationMs?: number;
  requestHeaders?: Record<string, string>;
  requestBody?: string;
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

export type JournalInput = Omit<JournalEntry, 'id' | 'at' | 'requestHeaders' | 'responseBody'> & {
  at?: number;
  requestHeaders?: Lazy<Record<string, string> | undefined>;
  responseBody?: Lazy<string | undefined>;
};

type StoredEntry = JournalInput & { id: number; at: number; materialized?: true };

const MAX_BODY_CHARS = 16_384;

export function clip(text: string | undefined): string | undefined {
  if (text === undefined || text.length <= MAX_BODY_CHARS) return text;
  return `${text.slice(0, MAX_BODY_CHARS)}…[${text.length - MAX_BODY_CHARS} more chars]`;
}

export class Journal {
  /** A circular buffer: #start is the oldest entry, #count how many are held. */
  #entries: (StoredEntry | undefined)[];
  #start = 0;
  #count = 0;
  #nextId = 1;
  #listeners = new Set<(entry: JournalEntry) => void>();

  constructor(
    private readonly now: () => number,
    private readonly capacity = 5_000,
  ) {
    this.#entries = new Array(capacity);
  }

  record(entry: JournalInput): void {
    // Callers pass a fresh object; filling it in place keeps the hot path free of copies.
    const stored = entry as StoredEntry;
    stored.id = this.#nextId++;
    stored.at ??= this.now();
    this.#entries[(this.#start + this.#count) % this.capacity] = stored;
    if (this.#count < this.capacity) this.#count++;
    else this.#start = (this.#start + 1) % this.capacity;
    if (this.#listeners.size === 0) return;
    const full = materialize(stored);
    for (const listener of this.#listeners) listener(full);
  }

  /** Newest first. */
  query(filter: JournalFilter = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    const limit = filter.limit ?? 500;
    for (let i = this.#count - 1; i >= 0 && out.length < limit; i--) {
      const e = this.#entries[(this.#start + i) % this.capacity] as StoredEntry;
      if (filter.provider && e.provider !== filter.provider) continue;
      if (filter.kind && e.kind !== filter.kind) continue;
      if (filter.method && e.method !== filter.method.toUpperCase()) continue;
      if (filter.status !== undefined && e.status !== filter.status) continue;
      if (filter.sessionId && e.sessionId !== filter.sessionId) continue;
      if (filter.since !== undefined && e.id <= filter.since) continue;
      if (filter.path && !e.path.includes(filter.path)) continue;
      out.push(materialize(e));
    }
    return out;
  }

  /** Calls `listener` for each new entry (the console's live view); returns an unsubscribe. */
  onEntry(listener: (entry: JournalEntry) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  clear(): void {
    this.#entries = new Array(this.capacity);
    this.#start = 0;
    this.#count = 0;
  }

  get size(): number {
    return this.#count;
  }
}

/** Resolves an entry's lazy fields and clips long texts, once; later reads get the same object. */
function materialize(e: StoredEntry): JournalEntry {
  if (!e.materialized) {
    if (typeof e.requestHeaders === 'function') e.requestHeaders = e.requestHeaders();
    if (typeof e.responseBody === 'function') e.responseBody = e.responseBody();
    e.requestBody = clip(e.requestBody);
    e.responseBody = clip(e.responseBody);
    e.message = clip(e.message);
    e.materialized = true;
  }
  return e as JournalEntry;
}
