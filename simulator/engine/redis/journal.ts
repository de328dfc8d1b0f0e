import { type Journal, type JournalEntry, type JournalFilter, matches } from '../journal.js';
import type { RedisConnection } from './connection.js';

/**
 * KEYS: stream, counter. ARGV: channel, capacity, then one JSON entry per argument. Gives each
 * entry the next journal-wide id, appends it to the capped stream as `<id>-0` and announces it.
 */
const APPEND = `
local out = {}
for i = 3, #ARGV do
  local id = redis.call('INCR', KEYS[2])
  redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], id .. '-0', 'e', ARGV[i])
  redis.call('PUBLISH', ARGV[1], id .. '\\n' .. ARGV[i])
end
return #ARGV - 2`;

/** Stream entries read per round trip while a query filters. */
const PAGE = 500;

/**
 * The journal of every replica in one capped Redis stream. Each replica still records into its
 * own Journal (that is where entries are clipped and materialised); this sends each entry on,
 * batched per tick, and answers queries and the live feed from the stream, with ids that are
 * journal-wide and increasing, so `since` works whichever replica is asked.
 */
export class SharedJournal {
  #pending: string[] = [];
  #flushing: Promise<void> | undefined;
  #listeners = new Set<(entry: JournalEntry) => void>();

  private constructor(
    private readonly redis: RedisConnection,
    private readonly capacity: number,
  ) {
    redis.commands.defineCommand('kycJournalAppend', { numberOfKeys: 2, lua: APPEND });
  }

  static async open(redis: RedisConnection, capacity: number): Promise<SharedJournal> {
    const journal = new SharedJournal(redis, capacity);
    redis.subscriber.on('message', (channel: string, text: string) => {
      if (channel === journal.#channel) journal.#announce(text);
    });
    await redis.subscriber.subscribe(journal.#channel);
    return journal;
  }

  /** Sends each entry the replica's own journal records on to the shared one. */
  attach(local: Journal): void {
    local.onEntry((entry) => this.#queue(entry));
  }

  get #channel(): string {
    return this.redis.key('journal', 'entries');
  }

  get #stream(): string {
    return this.redis.key('journal');
  }

  #queue(entry: JournalEntry): void {
    const { id: _localId, ...rest } = entry;
    this.#pending.push(JSON.stringify(rest));
    this.#flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.#flush());
  }

  async #flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    this.#flushing = undefined;
    if (batch.length === 0) return;
    try {
      await (
        this.redis.commands as unknown as { kycJournalAppend(...args: (string | number)[]): Promise<number> }
      ).kycJournalAppend(
        this.#stream,
        this.redis.key('journal', 'id'),
        this.#channel,
        this.capacity,
        ...batch,
      );
    } catch {
      // Redis away: these entries are lost from the shared journal (each replica still has its own).
    }
  }

  /** Every replica's entries, newest first. */
  async query(filter: JournalFilter = {}): Promise<JournalEntry[]> {
    const out: JournalEntry[] = [];
    const limit = filter.limit ?? 500;
    await this.#scan(filter, (entry) => {
      out.push(entry);
      return out.length < limit;
    });
    return out;
  }

  /** How many of every replica's entries match `filter` (its `limit` aside). */
  async count(filter: JournalFilter = {}): Promise<number> {
    let n = 0;
    await this.#scan(filter, () => {
      n++;
      return true;
    });
    return n;
  }

  /** Reads the stream newest first, a page at a time, handing each match to `take` until it says stop. */
  async #scan(filter: JournalFilter, take: (entry: JournalEntry) => boolean): Promise<void> {
    const start = filter.since !== undefined ? `(${filter.since}-0` : '-';
    let end = '+';
    for (;;) {
      const page = await this.redis.commands.xrevrange(this.#stream, end, start, 'COUNT', PAGE);
      for (const [streamId, fields] of page) {
        const entry = parse(streamId, fields[1]);
        if (matches(entry, filter) && !take(entry)) return;
      }
      if (page.length < PAGE) return;
      end = `(${page[page.length - 1][0]}`;
    }
  }

  size(): Promise<number> {
    return this.redis.commands.xlen(this.#stream);
  }

  /** Calls `listener` with each entry any replica records; returns an unsubscribe. */
  onEntry(listener: (entry: JournalEntry) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Empties the shared journal (ids keep increasing). */
  async clear(): Promise<void> {
    await this.redis.commands.del(this.#stream);
  }

  #announce(text: string): void {
    if (this.#listeners.size === 0) return;
    const newline = text.indexOf('\n');
    const entry = {
      ...JSON.parse(text.slice(newline + 1)),
      id: Number(text.slice(0, newline)),
    } as JournalEntry;
    for (const listener of this.#listeners) listener(entry);
  }
}

function parse(streamId: string, json: string): JournalEntry {
  return { ...JSON.parse(json), id: Number(streamId.slice(0, streamId.indexOf('-'))) } as JournalEntry;
}
