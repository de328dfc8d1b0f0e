import { randomUUID } from 'node:crypto';
import {
  ChannelListeners,
  type SessionRecord,
  type SessionStore,
  stampTimeline,
  type TimerFilter,
  type TimerRecord,
  type Unsubscribe,
} from '../store.js';
import type { RedisConnection } from './connection.js';
import {
  CLAIM_DUE_TIMERS,
  CLAIM_TIMER,
  DELETE_TIMERS,
  LOCK_AND_READ,
  PUT_TIMER,
  USE_ONCE,
  WRITE_AND_UNLOCK,
} from './scripts.js';

/** How long one replica may hold a session's update lock before it is presumed gone. */
const LOCK_MS = 5_000;
/** Due timers handed out per claim (a replica polling after a long pause takes them in batches). */
const CLAIM_BATCH = 200;
const SCAN_COUNT = 500;

/**
 * Sessions in Redis, shared by every replica that names the same Redis and prefix:
 * - a session is `s:<id>` (JSON) with a TTL renewed on each write, listed through the `sessions`
 *   sorted set (pruned when a listed id has expired); secondary keys are `l:<key>` with the same TTL;
 * - `update` holds the session's lock (`lock:<id>`, SET NX PX) while it reads, changes and writes,
 *   so `change` runs exactly once and sees the latest record;
 * - timers are a sorted set by due time plus their JSON, claimed by Lua scripts: of the replicas
 *   racing for a due timer exactly one gets it;
 * - publish/subscribe through one pattern subscription `ch:*` made before the store is used, so
 *   no message published after `subscribe()` returns can be missed.
 */
export class RedisSessionStore implements SessionStore {
  readonly #redis: RedisConnection;
  readonly #listeners = new ChannelListeners();
  readonly #channelPrefix: string;

  private constructor(redis: RedisConnection) {
    this.#redis = redis;
    this.#channelPrefix = redis.key('ch', '');
    const commands = redis.commands;
    const define = (name: string, numberOfKeys: number, lua: string) =>
      commands.defineCommand(name, { numberOfKeys, lua });
    define('kycPutTimer', 3, PUT_TIMER);
    define('kycClaimTimer', 2, CLAIM_TIMER);
    define('kycClaimDueTimers', 2, CLAIM_DUE_TIMERS);
    define('kycDeleteTimers', 3, DELETE_TIMERS);
    define('kycLockAndRead', 2, LOCK_AND_READ);
    define('kycWriteAndUnlock', 2, WRITE_AND_UNLOCK);
    define('kycUseOnce', 1, USE_ONCE);
  }

  static async open(redis: RedisConnection): Promise<RedisSessionStore> {
    const store = new RedisSessionStore(redis);
    redis.subscriber.on('pmessage', (_pattern: string, channel: string, text: string) =>
      store.#deliver(channel, text),
    );
    await redis.subscriber.psubscribe(`${store.#channelPrefix}*`);
    return store;
  }

  get #ttl(): number {
    return this.#redis.target.sessionTtlMs;
  }

  /** Commands with the store's scripts (defined at construction). */
  get #r() {
    return this.#redis.commands as unknown as ScriptedCommands;
  }

  #key(...parts: string[]): string {
    return this.#redis.key(...parts);
  }

  async get<T = Record<string, unknown>>(id: string) {
    const json = await this.#redis.commands.get(this.#key('s', id));
    return json === null ? undefined : (JSON.parse(json) as SessionRecord<T>);
  }

  async put<T>(session: SessionRecord<T>) {
    await this.#redis.commands
      .multi()
      .set(this.#key('s', session.id), JSON.stringify(stampTimeline(session)), 'PX', this.#ttl)
      .zadd(this.#key('sessions'), 'NX', Date.now(), session.id)
      .exec();
  }

  async update<T>(id: string, change: (session: SessionRecord<T>) => SessionRecord<T> | undefined) {
    const lock = this.#key('lock', id);
    const key = this.#key('s', id);
    const token = randomUUID();
    for (let attempt = 0; ; attempt++) {
      const json = await this.#r.kycLockAndRead(lock, key, token, LOCK_MS);
      if (json === null) {
        // Another replica is changing this session; its lock lasts milliseconds.
        if (attempt > 2_000) throw new Error(`kyc-sim: session ${id} stayed locked by another replica`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(1 + attempt, 20)));
        continue;
      }
      let next: SessionRecord<T> | undefined;
      try {
        next = json === '' ? undefined : change(JSON.parse(json) as SessionRecord<T>);
      } catch (error) {
        await this.#r.kycWriteAndUnlock(lock, key, token, '', this.#ttl);
        throw error;
      }
      const written = await this.#r.kycWriteAndUnlock(
        lock,
        key,
        token,
        next ? JSON.stringify(stampTimeline(next)) : '',
        this.#ttl,
      );
      if (written === 0) throw new Error(`kyc-sim: the lock on session ${id} expired before its update`);
      return next;
    }
  }

  async delete(id: string) {
    await this.deleteTimers(id);
    const [[, removed]] = (await this.#redis.commands
      .multi()
      .del(this.#key('s', id))
      .zrem(this.#key('sessions'), id)
      .exec()) as [[unknown, number]];
    return removed === 1;
  }

  async list(filter: { provider?: string; kind?: string; state?: string } = {}) {
    const index = this.#key('sessions');
    const ids = await this.#redis.commands.zrange(index, '0', '-1');
    const out: SessionRecord[] = [];
    const gone: string[] = [];
    for (let i = 0; i < ids.length; i += SCAN_COUNT) {
      const chunk = ids.slice(i, i + SCAN_COUNT);
      const values = await this.#redis.commands.mget(chunk.map((id) => this.#key('s', id)));
      values.forEach((json, j) => {
        if (json === null) gone.push(chunk[j]);
        else out.push(JSON.parse(json) as SessionRecord);
      });
    }
    // Expired sessions leave their id in the index until a listing finds them gone.
    if (gone.length > 0) await this.#redis.commands.zrem(index, ...gone);
    return out.filter(
      (s) =>
        (!filter.provider || s.provider === filter.provider) &&
        (!filter.kind || s.kind === filter.kind) &&
        (!filter.state || s.state === filter.state),
    );
  }

  async link(key: string, id: string) {
    await this.#redis.commands.set(this.#key('l', key), id, 'PX', this.#ttl);
  }

  async resolve(key: string) {
    return (await this.#redis.commands.get(this.#key('l', key))) ?? undefined;
  }

  async unlink(key: string) {
    await this.#redis.commands.del(this.#key('l', key));
  }

  async putTimer(timer: TimerRecord) {
    await this.#r.kycPutTimer(
      this.#key('timers'),
      this.#key('timer'),
      this.#key('st', timer.sessionId),
      timer.id,
      timer.dueAt,
      JSON.stringify(timer),
      this.#ttl,
    );
  }

  async deleteTimers(sessionId: string, filter: TimerFilter = {}) {
    const removed = await this.#r.kycDeleteTimers(
      this.#key('timers'),
      this.#key('timer'),
      this.#key('st', sessionId),
      this.#redis.target.prefix,
      filter.slots ? JSON.stringify(filter.slots) : '',
      JSON.stringify(filter.except ?? []),
    );
    return parseTimers(removed);
  }

  async claimTimer(id: string, now: number) {
    const json = await this.#r.kycClaimTimer(
      this.#key('timers'),
      this.#key('timer'),
      this.#redis.target.prefix,
      id,
      now,
    );
    return json === null ? undefined : (JSON.parse(json) as TimerRecord);
  }

  async claimDueTimers(now: number) {
    const claimed = await this.#r.kycClaimDueTimers(
      this.#key('timers'),
      this.#key('timer'),
      this.#redis.target.prefix,
      now,
      CLAIM_BATCH,
    );
    return parseTimers(claimed);
  }

  async timers(sessionId?: string) {
    const ids =
      sessionId === undefined
        ? await this.#redis.commands.zrange(this.#key('timers'), '0', '-1')
        : await this.#redis.commands.smembers(this.#key('st', sessionId));
    if (ids.length === 0) return [];
    const values = await this.#redis.commands.hmget(this.#key('timer'), ...ids);
    return parseTimers(values.filter((v): v is string => v !== null));
  }

  /** Records `key` until `expiresAt` on the simulator clock; false when it was recorded and not expired at `now`. */
  async useOnce(key: string, now: number, expiresAt: number): Promise<boolean> {
    const ttlMs = Math.max(1, Math.ceil(expiresAt - now));
    return (await this.#r.kycUseOnce(this.#key('once', key), now, expiresAt, ttlMs)) === 1;
  }

  /** The value kept under `key`; `value` becomes it when there is none (the first replica wins). */
  async keep(key: string, value: string): Promise<string> {
    const redisKey = this.#key('keep', key);
    const [, [, kept]] = (await this.#redis.commands
      .multi()
      .set(redisKey, value, 'NX')
      .get(redisKey)
      .exec()) as [unknown, [unknown, string]];
    return kept;
  }

  async publish(channel: string, message: unknown) {
    await this.#redis.commands.publish(`${this.#channelPrefix}${channel}`, JSON.stringify(message));
  }

  subscribe(channel: string, listener: (message: unknown) => void): Unsubscribe {
    return this.#listeners.add(channel, listener);
  }

  #deliver(channel: string, text: string): void {
    const local = channel.slice(this.#channelPrefix.length);
    // Every replica hears every channel; only those with a subscriber here parse the message.
    if (this.#listeners.has(local)) this.#listeners.deliver(local, JSON.parse(text));
  }

  /** Sessions, links, timers and once-keys go; kept values (generated keys) and replica state stay. */
  async clear() {
    const commands = this.#redis.commands;
    for (const pattern of ['s:*', 'l:*', 'st:*', 'once:*', 'lock:*']) {
      let cursor = '0';
      do {
        const [next, keys] = await commands.scan(cursor, 'MATCH', this.#key(pattern), 'COUNT', SCAN_COUNT);
        if (keys.length > 0) await commands.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
    await commands.unlink(this.#key('sessions'), this.#key('timers'), this.#key('timer'));
  }
}

interface ScriptedCommands {
  kycPutTimer(...args: (string | number)[]): Promise<number>;
  kycClaimTimer(...args: (string | number)[]): Promise<string | null>;
  kycClaimDueTimers(...args: (string | number)[]): Promise<string[]>;
  kycDeleteTimers(...args: (string | number)[]): Promise<string[]>;
  kycLockAndRead(...args: (string | number)[]): Promise<string | null>;
  kycWriteAndUnlock(...args: (string | number)[]): Promise<number>;
  kycUseOnce(...args: (string | number)[]): Promise<number>;
}

function parseTimers(values: string[]): TimerRecord[] {
  return values.map((json) => JSON.parse(json) as TimerRecord).sort((a, b) => a.dueAt - b.dueAt);
}
