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

const MAX_BODY_CHARS = 16_384;

export function clip(text: string | undefined): string | undefined {
  if (text === undefined || text.length <= MAX_BODY_CHARS) return text;
  return `${text.slice(0, MAX_BODY_CHARS)}…[${text.length - MAX_BODY_CHARS} more chars]`;
}

export class Journal {
  /** A circular buffer: #start is the oldest entry, #count how many are held. */
  #entries: (JournalEntry | undefined)[];
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

  record(entry: Omit<JournalEntry, 'id' | 'at'> & { at?: number }): JournalEntry {
    // Callers pass a fresh object; filling it in place keeps the hot path free of copies.
    const full = entry as JournalEntry;
    full.id = this.#nextId++;
    full.at ??= this.now();
    if (full.requestBody !== undefined) full.requestBody = clip(full.requestBody);
    if (full.responseBody !== undefined) full.responseBody = clip(full.responseBody);
    if (full.message !== undefined) full.message = clip(full.message);
    this.#entries[(this.#start + this.#count) % this.capacity] = full;
    if (this.#count < this.capacity) this.#count++;
    else this.#start = (this.#start + 1) % this.capacity;
    for (const listener of this.#listeners) listener(full);
    return full;
  }

  /** Newest first. */
  query(filter: JournalFilter = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    const limit = filter.limit ?? 500;
    for (let i = this.#count - 1; i >= 0 && out.length < limit; i--) {
      const e = this.#entries[(this.#start + i) % this.capacity] as JournalEntry;
      if (filter.provider && e.provider !== filter.provider) continue;
      if (filter.kind && e.kind !== filter.kind) continue;
      if (filter.method && e.method !== filter.method.toUpperCase()) continue;
      if (filter.status !== undefined && e.status !== filter.status) continue;
      if (filter.sessionId && e.sessionId !== filter.sessionId) continue;
      if (filter.since !== undefined && e.id <= filter.since) continue;
      if (filter.path && !e.path.includes(filter.path)) continue;
      out.push(e);
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
