import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { type Clock, type ClockMode, ClockModeError } from '../clock.js';
import type { LoadedScenario } from '../scenario-loader.js';
import type { TimerRecord } from '../store.js';
import { parseRedisUrl, RedisConnection, redact } from './connection.js';
import { SharedJournal } from './journal.js';
import { RedisSessionStore } from './store.js';

/** The shared clock: its mode and, for `manual`, the time; for `real`, the offset from the wall clock. */
export interface SharedClockState {
  mode: ClockMode;
  now: number;
  offset: number;
}

/** What one replica tells the others on the bus; each answers with an ack once it has followed. */
type Announcement = { type: 'clock'; state: SharedClockState } | { type: ScenarioChange };
/** What changed in the shared scenario: another one loaded, a reset, or its overrides. */
export type ScenarioChange = 'scenario' | 'reset' | 'overrides';
type BusMessage = { from: number; seq: number } & (Announcement | { type: 'ack'; to: number });
type Awaiting = { acks: number; expected: number | undefined; done: () => void };

/** How long an announcing replica waits for the others to follow before it answers anyway. */
const ACK_TIMEOUT_MS = 3_000;

/** What the replicas agree on: the scenario loaded now with its overrides, and the configured one. */
export interface SharedScenario {
  /** Hash of the scenario the replicas were started with; a replica started with another one imposes it. */
  configured: string;
  loaded: LoadedScenario<unknown>;
  /** Partial scenarios merged over `loaded`, oldest first (POST /__admin/scenario/overrides). */
  overrides: unknown[];
}

/** What the runtime lends the replica machinery. */
export interface ReplicaHost {
  readonly clock: Clock;
  readonly log: Logger;
  /** Claims and runs due timer records in order; `before` moves the clock to each one's time. */
  runDue(now: number, before?: (timer: TimerRecord) => void): Promise<number>;
  /** Another replica changed the scenario: take it here, without touching the shared store. */
  follow(shared: SharedScenario, change: ScenarioChange): Promise<void>;
}

/** How often each replica claims timers whose own replica is gone (real clock only). */
export const ORPHAN_POLL_MS = 1_000;

/** KEYS: clock. ARGV: mode, now, offset. Sets the shared clock unless it is set; returns it. */
const INIT_CLOCK = `
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'mode', ARGV[1], 'now', ARGV[2], 'offset', ARGV[3])
end
return redis.call('HMGET', KEYS[1], 'mode', 'now', 'offset')`;

/** KEYS: clock. ARGV: ms. Moves the shared manual time; false when the clock is real. */
const ADVANCE_CLOCK = `
if redis.call('HGET', KEYS[1], 'mode') ~= 'manual' then return false end
return redis.call('HINCRBY', KEYS[1], 'now', ARGV[1])`;

/**
 * Several kyc-sim processes behind one address, sharing one Redis: the sessions (RedisSessionStore),
 * the journal (SharedJournal), and through this class the clock, the scenario and the timers.
 * - Clock: one hash; an advance on any replica moves the shared time, runs every due timer record
 *   here (each claimed once), then tells the others to move their own clocks (their local waits,
 *   such as webhook retries, fire there).
 * - Scenario: the loaded scenario is kept in Redis; a load or reset on one replica clears the shared
 *   store once and tells the others to take the scenario without clearing it again.
 * - Timers: each replica fires the timers it armed; with the real clock each also polls for due
 *   timers nobody claimed (their replica stopped), so none is lost.
 */
export class Replicas {
  readonly store: RedisSessionStore;
  readonly journal: SharedJournal;
  #host!: ReplicaHost;
  #poll: NodeJS.Timeout | undefined;
  #closed = false;
  #seq = 0;
  /** Announcements waiting for the other replicas' acks, by sequence number. */
  #awaiting = new Map<number, Awaiting>();

  private constructor(
    readonly redis: RedisConnection,
    store: RedisSessionStore,
    journal: SharedJournal,
    /** 0 for the first replica ever started on this Redis and prefix, then 1, 2… */
    readonly index: number,
  ) {
    this.store = store;
    this.journal = journal;
    redis.commands.defineCommand('kycInitClock', { numberOfKeys: 1, lua: INIT_CLOCK });
    redis.commands.defineCommand('kycAdvanceClock', { numberOfKeys: 1, lua: ADVANCE_CLOCK });
  }

  /** Connects to the store URL's Redis; the replica's number is taken there. */
  static async open(url: string, journalCapacity: number): Promise<Replicas> {
    const redis = await RedisConnection.open(parseRedisUrl(url));
    const store = await RedisSessionStore.open(redis);
    const shared = await SharedJournal.open(redis, journalCapacity);
    const index = (await redis.commands.incr(redis.key('replicas'))) - 1;
    return new Replicas(redis, store, shared, index);
  }

  get #bus(): string {
    return this.redis.key('bus');
  }

  get #commands() {
    return this.redis.commands as unknown as {
      kycInitClock(key: string, mode: string, now: number, offset: number): Promise<(string | null)[]>;
      kycAdvanceClock(key: string, ms: number): Promise<number | null>;
      set(...args: (string | number)[]): Promise<string | null>;
      get(key: string): Promise<string | null>;
      publish(channel: string, message: string): Promise<number>;
    };
  }

  /**
   * Joins the replicas: takes the shared clock (or sets it from this replica's), then the shared
   * scenario when it was started from the same configured one, else imposes `configured`.
   * Returns the scenario to apply and whether the shared store must be cleared for it.
   */
  async join(host: ReplicaHost, configured: LoadedScenario<unknown>): Promise<SharedScenario> {
    this.#host = host;
    const { clock } = host;
    const [mode, now, offset] = await this.#commands.kycInitClock(
      this.redis.key('clock'),
      clock.mode,
      clock.now(),
      0,
    );
    clock.follow({ mode: mode as ClockMode, now: Number(now), offset: Number(offset) });
    this.redis.subscriber.on('message', (channel: string, text: string) => {
      if (channel === this.#bus) void this.#onBus(JSON.parse(text) as BusMessage);
    });
    await this.redis.subscriber.subscribe(this.#bus);
    this.#poll = setInterval(() => void this.#pollOrphans(), ORPHAN_POLL_MS);
    this.#poll.unref();

    const hash = scenarioHash(configured);
    const shared = await this.#sharedScenario();
    if (shared?.configured === hash) return shared;
    const own: SharedScenario = { configured: hash, loaded: configured, overrides: [] };
    await this.#keepScenario(own);
    if (shared) await this.#announce({ type: 'scenario' });
    return own;
  }

  /** A scenario was loaded or reset here (admin API): keep it for every replica and tell them. */
  async loaded(loaded: LoadedScenario<unknown>, reset: boolean): Promise<void> {
    const shared = await this.#sharedScenario();
    await this.#keepScenario({
      configured: shared?.configured ?? scenarioHash(loaded),
      loaded,
      overrides: [],
    });
    await this.#announce({ type: reset ? 'reset' : 'scenario' });
  }

  /** Overrides were merged or dropped here: keep them for every replica and tell them. */
  async overridden(overrides: unknown[]): Promise<void> {
    const shared = await this.#sharedScenario();
    if (!shared) return;
    await this.#keepScenario({ ...shared, overrides });
    await this.#announce({ type: 'overrides' });
  }

  /** Moves the shared manual clock by `ms` and runs what fell due, here, before the others move. */
  async advance(ms: number): Promise<void> {
    const target = await this.#commands.kycAdvanceClock(this.redis.key('clock'), ms);
    if (target === null) throw new ClockModeError('advance needs the manual clock');
    const { clock } = this.#host;
    const moveTo = (time: number) => {
      if (time > clock.now()) clock.advance(time - clock.now());
    };
    await this.#host.runDue(target, (timer) => moveTo(timer.dueAt));
    moveTo(target);
    // Local work the moves started (websocket sends, store writes) settles before others move.
    await new Promise((resolve) => setImmediate(resolve));
    await this.#announce({ type: 'clock', state: { mode: 'manual', now: target, offset: 0 } });
  }

  /** Switches every replica's clock to `mode` without a jump in time (this replica's time). */
  async setMode(mode: ClockMode): Promise<void> {
    const now = this.#host.clock.now();
    const state: SharedClockState = { mode, now, offset: mode === 'real' ? now - Date.now() : 0 };
    await this.redis.commands.hset(this.redis.key('clock'), state);
    this.#host.clock.follow(state);
    await this.#announce({ type: 'clock', state });
  }

  /** `redis://… prefix kyc-sim:, replica 2`, for the start-up lines. */
  describe(): string {
    return `${redact(this.redis.target.url)} prefix ${this.redis.target.prefix}, replica ${this.index + 1}`;
  }

  close(): void {
    this.#closed = true;
    clearInterval(this.#poll);
    this.redis.close();
  }

  async #sharedScenario(): Promise<SharedScenario | undefined> {
    const text = await this.#commands.get(this.redis.key('scenario'));
    return text ? (JSON.parse(text) as SharedScenario) : undefined;
  }

  async #keepScenario(shared: SharedScenario): Promise<void> {
    await this.#commands.set(this.redis.key('scenario'), JSON.stringify(shared));
  }

  /**
   * Tells every other replica and waits until each has followed (acked), so what the admin API
   * answers after a load, reset or advance holds on every replica. A replica that does not ack in
   * time (stopping, or Redis away) is not waited for longer.
   */
  async #announce(message: Announcement): Promise<void> {
    const seq = ++this.#seq;
    const waiting: Awaiting = { acks: 0, expected: undefined, done: () => {} };
    const followed = new Promise<void>((resolve) => {
      waiting.done = resolve;
    });
    this.#awaiting.set(seq, waiting);
    const text = JSON.stringify({ ...message, from: this.index, seq });
    // Every replica's subscriber hears the bus, this one's too.
    waiting.expected = (await this.#commands.publish(this.#bus, text)) - 1;
    if (waiting.acks >= waiting.expected) waiting.done();
    const timeout = setTimeout(waiting.done, ACK_TIMEOUT_MS);
    await followed;
    clearTimeout(timeout);
    this.#awaiting.delete(seq);
  }

  async #onBus(message: BusMessage): Promise<void> {
    if (message.from === this.index || this.#closed) return;
    if (message.type === 'ack') {
      const waiting = message.to === this.index ? this.#awaiting.get(message.seq) : undefined;
      if (waiting && ++waiting.acks >= (waiting.expected ?? Number.POSITIVE_INFINITY)) waiting.done();
      return;
    }
    const host = this.#host;
    try {
      if (message.type === 'clock') host.clock.follow(message.state);
      else {
        const shared = await this.#sharedScenario();
        if (shared) await host.follow(shared, message.type);
      }
    } catch (error) {
      host.log.error({ err: error, message }, 'could not follow another replica');
    }
    const ack: BusMessage = { type: 'ack', to: message.from, seq: message.seq, from: this.index };
    await this.#commands.publish(this.#bus, JSON.stringify(ack)).catch(() => {});
  }

  async #pollOrphans(): Promise<void> {
    const { clock } = this.#host;
    if (this.#closed || clock.mode !== 'real') return;
    try {
      await this.#host.runDue(clock.now());
    } catch (error) {
      this.#host.log.warn({ err: error }, 'polling the shared timers failed');
    }
  }
}

/** Same scenario, same hash: what tells a restarted replica from one started with a new scenario. */
function scenarioHash(loaded: LoadedScenario<unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify([loaded.scenario, loaded.source]))
    .digest('hex');
}
