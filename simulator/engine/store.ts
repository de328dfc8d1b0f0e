/**
 * Session state lives behind one asynchronous interface so that a networked store (Redis, with
 * pub/sub so a websocket on one replica hears an outcome decided on another) can replace the
 * in-memory one without touching providers.
 */
export interface TimelineEntry {
  at: number;
  event: string;
  detail?: Record<string, unknown>;
}

export interface SessionRecord<TData = Record<string, unknown>> {
  /** The provider's own id for the session (e.g. Yoti's session_data). */
  id: string;
  provider: string;
  kind: string;
  state: string;
  createdAt: number;
  updatedAt: number;
  data: TData;
  timeline: TimelineEntry[];
}

/**
 * The session with `event` appended to its timeline at `at`, `updatedAt` moved to `at`, and its
 * state changed when `state` is given; the record passed in is left unchanged.
 */
export function recordEvent<T extends SessionRecord<unknown>>(
  session: T,
  at: number,
  event: string,
  detail?: Record<string, unknown>,
  state?: string,
): T {
  return {
    ...session,
    state: state ?? session.state,
    updatedAt: at,
    timeline: [...session.timeline, { at, event, ...(detail ? { detail } : {}) }],
  };
}

export type Unsubscribe = () => void;

export interface SessionStore {
  get<T = Record<string, unknown>>(id: string): Promise<SessionRecord<T> | undefined>;
  put<T>(session: SessionRecord<T>): Promise<void>;
  /** Reads, changes and writes one session atomically; returns the new record. */
  update<T>(
    id: string,
    change: (session: SessionRecord<T>) => SessionRecord<T> | undefined,
  ): Promise<SessionRecord<T> | undefined>;
  delete(id: string): Promise<boolean>;
  list(filter?: { provider?: string; kind?: string; state?: string }): Promise<SessionRecord[]>;
  /** Secondary keys (a QR ref id, a token) that lead to a session id. */
  link(key: string, id: string): Promise<void>;
  resolve(key: string): Promise<string | undefined>;
  unlink(key: string): Promise<void>;
  publish(channel: string, message: unknown): Promise<void>;
  subscribe(channel: string, listener: (message: unknown) => void): Unsubscribe;
  /**
   * Calls `listener` with the id of each session the store drops by itself (a capacity limit, an
   * expiry), so whoever armed timers for it can cancel them. Stores that never drop need not.
   */
  onEvicted?(listener: (id: string) => void): Unsubscribe;
  clear(): Promise<void>;
}

/**
 * Sessions in a Map, oldest first. Past `maxSessions` the oldest are forgotten (links included,
 * past four links a session), so a simulator left running under load keeps flat memory.
 */
export class MemorySessionStore implements SessionStore {
  #sessions = new Map<string, SessionRecord>();
  #links = new Map<string, string>();
  #listeners = new Map<string, Set<(message: unknown) => void>>();
  #evictionListeners = new Set<(id: string) => void>();

  constructor(private readonly maxSessions = 10_000) {}

  async get<T = Record<string, unknown>>(id: string) {
    return this.#sessions.get(id) as SessionRecord<T> | undefined;
  }

  async put<T>(session: SessionRecord<T>) {
    this.#sessions.set(session.id, session as SessionRecord);
    for (const id of evictOldest(this.#sessions, this.maxSessions))
      for (const listener of this.#evictionListeners) listener(id);
  }

  async update<T>(id: string, change: (session: SessionRecord<T>) => SessionRecord<T> | undefined) {
    const current = this.#sessions.get(id) as SessionRecord<T> | undefined;
    if (!current) return undefined;
    const next = change(current);
    if (next) this.#sessions.set(id, next as SessionRecord);
    return next;
  }

  async delete(id: string) {
    return this.#sessions.delete(id);
  }

  async list(filter: { provider?: string; kind?: string; state?: string } = {}) {
    return [...this.#sessions.values()].filter(
      (s) =>
        (!filter.provider || s.provider === filter.provider) &&
        (!filter.kind || s.kind === filter.kind) &&
        (!filter.state || s.state === filter.state),
    );
  }

  async link(key: string, id: string) {
    this.#links.set(key, id);
    evictOldest(this.#links, this.maxSessions * 4);
  }

  async resolve(key: string) {
    return this.#links.get(key);
  }

  async unlink(key: string) {
    this.#links.delete(key);
  }

  async publish(channel: string, message: unknown) {
    for (const listener of [...(this.#listeners.get(channel) ?? [])]) listener(message);
  }

  subscribe(channel: string, listener: (message: unknown) => void): Unsubscribe {
    let set = this.#listeners.get(channel);
    if (!set) {
      set = new Set();
      this.#listeners.set(channel, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(channel);
    };
  }

  onEvicted(listener: (id: string) => void): Unsubscribe {
    this.#evictionListeners.add(listener);
    return () => this.#evictionListeners.delete(listener);
  }

  async clear() {
    this.#sessions.clear();
    this.#links.clear();
  }
}

/** Drops the oldest keys past `max`; returns the keys dropped. */
function evictOldest(map: Map<string, unknown>, max: number): string[] {
  const dropped: string[] = [];
  for (const key of map.keys()) {
    if (map.size <= max) break;
    map.delete(key);
    dropped.push(key);
  }
  return dropped;
}
