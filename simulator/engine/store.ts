import { realNow } from './journal.js';

/**
 * Session state lives behind one asynchronous interface so that a networked store (Redis, with
 * pub/sub so a websocket on one replica hears an outcome decided on another) can replace the
 * in-memory one without touching providers.
 */
export interface TimelineEntry {
  /** On the simulator's clock. */
  at: number;
  event: string;
  detail?: Record<string, unknown>;
  /**
   * Real time (journal.ts realNow) when the store first saw the entry; stores stamp it, so a
   * timeline orders with the journal's traffic even while the manual clock stands still.
   */
  realAt?: number;
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
  // `realAt` has its place from the start (the store stamps it), so stamping grows no property
  // storage; concat, where a spread would leave the new array room for ~20 entries.
  const entry: TimelineEntry = detail
    ? { at, event, detail, realAt: undefined }
    : { at, event, realAt: undefined };
  return {
    ...session,
    state: state ?? session.state,
    updatedAt: at,
    timeline: session.timeline.concat([entry]),
  };
}

export type Unsubscribe = () => void;

/**
 * A timer as data: when `dueAt` comes, the engine runs `step` of the session's kind with `params`.
 * Serialisable, so a networked store can keep timers in a sorted set and hand each to one replica.
 */
export interface TimerRecord {
  /** `<sessionId>/<slot>`: a session has at most one timer per slot. */
  id: string;
  sessionId: string;
  provider: string;
  kind: string;
  /** What the timer is for (`lifetime`, `outcome`, `archive`); scheduling a slot again replaces it. */
  slot: string;
  /** The kind's handler: `steps:<name>` or `outcome:<type>`. */
  step: string;
  dueAt: number;
  params?: unknown;
}

/** Which of a session's timers: those in `slots` (all when absent) but not those in `except`. */
export interface TimerFilter {
  slots?: readonly string[];
  except?: readonly string[];
}

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
  /**
   * `get` and `resolve` without a promise, offered by stores that hold sessions in this process:
   * a hot route (the refs a phone reads on every scan) then answers without one per lookup.
   */
  getNow?<T = Record<string, unknown>>(id: string): SessionRecord<T> | undefined;
  resolveNow?(key: string): string | undefined;
  unlink(key: string): Promise<void>;
  /** Adds a timer, replacing the one with the same id. */
  putTimer(timer: TimerRecord): Promise<void>;
  /** Removes and returns the session's timers that match `filter`. */
  deleteTimers(sessionId: string, filter?: TimerFilter): Promise<TimerRecord[]>;
  /** Removes and returns the timer if it is due at `now`; of racing callers exactly one gets it. */
  claimTimer(id: string, now: number): Promise<TimerRecord | undefined>;
  /** Removes and returns every timer due at `now`, earliest first (a replica polling the store). */
  claimDueTimers(now: number): Promise<TimerRecord[]>;
  /** Pending timers, of one session or all, earliest first. */
  timers(sessionId?: string): Promise<TimerRecord[]>;
  publish(channel: string, message: unknown): Promise<void>;
  subscribe(channel: string, listener: (message: unknown) => void): Unsubscribe;
  /**
   * Calls `listener` with each session the store drops by itself (past its capacity) and the
   * timers that went with it, so their wake-ups can be disarmed. Stores that never drop need not.
   */
  onEvicted?(listener: (sessionId: string, timers: TimerRecord[]) => void): Unsubscribe;
  clear(): Promise<void>;
  /**
   * Networked stores only (several replicas share them); in memory, callers keep their own caches.
   * Records `key` until `expiresAt` on the simulator clock: false when it is recorded and not
   * expired at `now` (a nonce seen by another replica).
   */
  useOnce?(key: string, now: number, expiresAt: number): Promise<boolean>;
  /** Networked stores only: the value kept under `key`, `value` when there was none (first writer wins). */
  keep?(key: string, value: string): Promise<string>;
}

/**
 * Gives the timeline's new entries their real time (they are fresh objects: stamped in place).
 * Every SessionStore calls it on put and update.
 */
export function stampTimeline<T extends SessionRecord<unknown>>(session: T): T {
  for (let i = session.timeline.length - 1; i >= 0 && session.timeline[i].realAt === undefined; i--)
    session.timeline[i].realAt = realNow();
  return session;
}

/** How many sessions the in-memory store keeps. */
export interface MemoryStoreLimits {
  /** Sessions in all (default 10,000); past it the oldest are forgotten, ended or not. */
  maxSessions?: number;
  /**
   * Sessions that have ended (default 1,000), for the console and the admin API to show; past it,
   * the one that ended first is forgotten, awaited ones after all others. Sessions under way count
   * only against `maxSessions`.
   */
  maxEnded?: number;
  /** Whether a session has ended (its kind says, session-kinds.ts); none has without it. */
  isEnded?(session: SessionRecord): boolean;
  /**
   * Whether an ended session is one its client is sure to come back for (a share whose token is
   * not yet exchanged): past `maxEnded`, the others go first.
   */
  isAwaited?(session: SessionRecord): boolean;
}

export const DEFAULT_MAX_SESSIONS = 10_000;
export const DEFAULT_MAX_ENDED_SESSIONS = 1_000;

/**
 * Sessions in a Map, oldest first. Past `maxSessions` the oldest are forgotten (links included,
 * past four links a session), and past `maxEnded` ended ones the first to end, so a simulator
 * left running under load keeps flat memory and flows under way are the last to go.
 */
export class MemorySessionStore implements SessionStore {
  #sessions = new Map<string, SessionRecord>();
  #links = new Map<string, string>();
  #listeners = new ChannelListeners();
  #timers = new Map<string, TimerRecord>();
  /** Timer ids by session, so a session's timers are found without scanning them all. */
  #timersOf = new Map<string, Set<string>>();
  #evictionListeners = new Set<(sessionId: string, timers: TimerRecord[]) => void>();
  /** Ended sessions' ids, in the order they ended (or stopped being awaited). */
  #settled = new Set<string>();
  /** Ended sessions a client will still come back for, in the order they ended. */
  #awaited = new Set<string>();
  /** The keys linked to each session, to drop with it. */
  #linksOf = new Map<string, string[]>();
  readonly #limits: Required<MemoryStoreLimits>;

  /** `limits` as a number: `maxSessions`. */
  constructor(limits: MemoryStoreLimits | number = {}) {
    const given = typeof limits === 'number' ? { maxSessions: limits } : limits;
    this.#limits = {
      maxSessions: given.maxSessions ?? DEFAULT_MAX_SESSIONS,
      maxEnded: given.maxEnded ?? DEFAULT_MAX_ENDED_SESSIONS,
      isEnded: given.isEnded ?? (() => false),
      isAwaited: given.isAwaited ?? (() => false),
    };
  }

  async get<T = Record<string, unknown>>(id: string) {
    return this.getNow<T>(id);
  }

  getNow<T = Record<string, unknown>>(id: string) {
    return this.#sessions.get(id) as SessionRecord<T> | undefined;
  }

  async put<T>(session: SessionRecord<T>) {
    stampTimeline(session);
    this.#sessions.set(session.id, session as SessionRecord);
    this.#forget(evictOldest(this.#sessions, this.#limits.maxSessions));
    this.#noteEnded(session as SessionRecord);
  }

  /**
   * Keeps the ended sets in step with `session`; past `maxEnded`, forgets the first to have ended,
   * the awaited after all the others.
   */
  #noteEnded(session: SessionRecord): void {
    const { id } = session;
    if (!this.#limits.isEnded(session)) {
      this.#settled.delete(id);
      this.#awaited.delete(id);
      return;
    }
    const awaited = this.#limits.isAwaited(session);
    const [into, from] = awaited ? [this.#awaited, this.#settled] : [this.#settled, this.#awaited];
    if (into.has(id)) return;
    from.delete(id);
    into.add(id);
    const evicted: string[] = [];
    const over = () => this.#settled.size + this.#awaited.size - evicted.length > this.#limits.maxEnded;
    for (const ended of [this.#settled, this.#awaited])
      for (const oldest of ended) {
        if (!over()) break;
        evicted.push(oldest);
      }
    for (const gone of evicted) this.#sessions.delete(gone);
    this.#forget(evicted);
  }

  /** Drops the links that lead to session `id` (those still leading there). */
  #unlinkAll(id: string) {
    for (const key of this.#linksOf.get(id) ?? []) if (this.#links.get(key) === id) this.#links.delete(key);
    this.#linksOf.delete(id);
  }

  /**
   * A forgotten session's links and timers go with it, and whoever armed the timers' wake-ups
   * hears of it.
   */
  #forget(evicted: string[]): void {
    for (const id of evicted) {
      this.#settled.delete(id);
      this.#awaited.delete(id);
      this.#unlinkAll(id);
      const timers = this.#deleteTimersNow(id);
      for (const listener of this.#evictionListeners) listener(id, timers);
    }
  }

  async update<T>(id: string, change: (session: SessionRecord<T>) => SessionRecord<T> | undefined) {
    const current = this.#sessions.get(id) as SessionRecord<T> | undefined;
    if (!current) return undefined;
    const next = change(current);
    if (next) {
      this.#sessions.set(id, stampTimeline(next) as SessionRecord);
      // Not only on a new state: whether an ended session is still awaited can change with its data.
      this.#noteEnded(next as SessionRecord);
    }
    return next;
  }

  async delete(id: string) {
    this.#settled.delete(id);
    this.#awaited.delete(id);
    this.#unlinkAll(id);
    await this.deleteTimers(id);
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
    const keys = this.#linksOf.get(id);
    if (keys) keys.push(key);
    else this.#linksOf.set(id, [key]);
    evictOldest(this.#links, this.#limits.maxSessions * 4);
  }

  async resolve(key: string) {
    return this.resolveNow(key);
  }

  resolveNow(key: string) {
    return this.#links.get(key);
  }

  async unlink(key: string) {
    this.#links.delete(key);
  }

  async putTimer(timer: TimerRecord) {
    this.#timers.set(timer.id, timer);
    const ids = this.#timersOf.get(timer.sessionId) ?? new Set<string>();
    ids.add(timer.id);
    this.#timersOf.set(timer.sessionId, ids);
  }

  async deleteTimers(sessionId: string, filter: TimerFilter = {}) {
    return this.#deleteTimersNow(sessionId, filter);
  }

  #deleteTimersNow(sessionId: string, filter: TimerFilter = {}): TimerRecord[] {
    const removed: TimerRecord[] = [];
    for (const id of this.#timersOf.get(sessionId) ?? []) {
      const timer = this.#timers.get(id) as TimerRecord;
      if (filter.slots && !filter.slots.includes(timer.slot)) continue;
      if (filter.except?.includes(timer.slot)) continue;
      this.#forgetTimer(timer);
      removed.push(timer);
    }
    return removed;
  }

  async claimTimer(id: string, now: number) {
    const timer = this.#timers.get(id);
    if (!timer || timer.dueAt > now) return undefined;
    this.#forgetTimer(timer);
    return timer;
  }

  async claimDueTimers(now: number) {
    const due = [...this.#timers.values()].filter((t) => t.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt);
    for (const timer of due) this.#forgetTimer(timer);
    return due;
  }

  async timers(sessionId?: string) {
    const ids = sessionId === undefined ? this.#timers.keys() : (this.#timersOf.get(sessionId) ?? []);
    return [...ids].map((id) => this.#timers.get(id) as TimerRecord).sort((a, b) => a.dueAt - b.dueAt);
  }

  #forgetTimer(timer: TimerRecord): void {
    this.#timers.delete(timer.id);
    const ids = this.#timersOf.get(timer.sessionId);
    ids?.delete(timer.id);
    if (ids?.size === 0) this.#timersOf.delete(timer.sessionId);
  }

  async publish(channel: string, message: unknown) {
    this.#listeners.deliver(channel, message);
  }

  subscribe(channel: string, listener: (message: unknown) => void): Unsubscribe {
    return this.#listeners.add(channel, listener);
  }

  onEvicted(listener: (sessionId: string, timers: TimerRecord[]) => void): Unsubscribe {
    this.#evictionListeners.add(listener);
    return () => this.#evictionListeners.delete(listener);
  }

  async clear() {
    this.#sessions.clear();
    this.#settled.clear();
    this.#awaited.clear();
    this.#linksOf.clear();
    this.#links.clear();
    this.#timers.clear();
    this.#timersOf.clear();
  }
}

/** A store's subscribers by channel, for the messages that reach this process. */
export class ChannelListeners {
  #byChannel = new Map<string, Set<(message: unknown) => void>>();

  add(channel: string, listener: (message: unknown) => void): Unsubscribe {
    let set = this.#byChannel.get(channel);
    if (!set) {
      set = new Set();
      this.#byChannel.set(channel, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#byChannel.delete(channel);
    };
  }

  has(channel: string): boolean {
    return this.#byChannel.has(channel);
  }

  deliver(channel: string, message: unknown): void {
    for (const listener of [...(this.#byChannel.get(channel) ?? [])]) listener(message);
  }
}

/** Deletes the oldest keys past `max`; returns them. */
function evictOldest(map: Map<string, unknown>, max: number): string[] {
  const evicted: string[] = [];
  for (const key of map.keys()) {
    if (map.size <= max) break;
    map.delete(key);
    evicted.push(key);
  }
  return evicted;
}
