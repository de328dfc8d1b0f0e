import { join } from 'node:path';
import type { Faker } from '@faker-js/faker';
import pino, { type Logger } from 'pino';
import type { z } from 'zod';
import { AdminAuth } from './admin/auth.js';
import { ScenarioFolders } from './admin/scenario-files.js';
import { AllowedHosts } from './engine/allowed-hosts.js';
import { Clock, type ClockMode, ClockModeError } from './engine/clock.js';
import { createFaker } from './engine/fake.js';
import { FaultInjector } from './engine/faults.js';
import { Journal, type JournalEntry, type JournalFilter } from './engine/journal.js';
import { createRandom, type RandomSource } from './engine/random.js';
import type { ReplicaHost, Replicas, SharedScenario } from './engine/redis/replicas.js';
import { type LoadedScenario, loadScenarioFile, validateScenario } from './engine/scenario-loader.js';
import { mergeScenario } from './engine/scenario-merge.js';
import { SessionKinds } from './engine/session-kinds.js';
import { MemorySessionStore, type SessionStore } from './engine/store.js';
import { WebhookSender } from './engine/webhooks.js';
import { scenariosDir } from './paths.js';
import { providers as shippedProviders } from './providers/index.js';
import type { ProviderDefinition, ProviderInstance, SimContext } from './providers/provider.js';
import { type AnyScenario, composeScenarioSchema, scenarioSchema } from './scenario.js';
import { defaultScenarioFile, resolveScenarioFile } from './shipped-scenarios.js';

export interface SimulatorOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /**
   * A scenario file (YAML or JSON), the name of a shipped scenario (`'yoti-share-failed'`), or a
   * scenario object. Defaults to the shipped `default`.
   */
  scenario?: string | Record<string, unknown>;
  clock?: ClockMode;
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Where generated keys are kept between runs. Defaults to .kyc-sim/ in the working directory. */
  stateDir?: string;
  /**
   * Session store: in memory when absent, or `redis://HOST:PORT[/DB]` to run as one of several
   * replicas sharing sessions, timers, clock, journal and scenario (docs/scale-out.md).
   */
  store?: SessionStore | string;
  logLevel?: pino.Level | 'silent';
  /**
   * Serve HTTPS and WSS with a certificate from a local CA kept in `<stateDir>/tls/` (made on
   * first start) for localhost, 127.0.0.1, ::1 and `httpsHosts`.
   */
  https?: boolean;
  /**
   * One line per request, websocket event and webhook (method, path, status, ms, session id):
   * `true` writes them to stdout, a function receives them.
   */
  verbose?: boolean | ((line: string) => void);
  /** More names or addresses for the HTTPS certificate, e.g. a LAN name a phone can reach. */
  httpsHosts?: string[];
  journalCapacity?: number;
  /** Sessions the in-memory store keeps in all (default 10,000); past it, the oldest go. */
  maxSessions?: number;
  /**
   * Ended sessions the in-memory store keeps (default 1,000), for the console and admin API;
   * past it, the one that ended first goes. Sessions under way count only against maxSessions.
   */
  maxEndedSessions?: number;
  /** The providers to serve; kyc-sim's own when absent (tests add throwaway ones). */
  providers?: readonly ProviderDefinition[];
  /** Characters of each request body, response body and websocket frame the journal keeps. */
  journalBodyLimit?: number;
  /**
   * Host names (besides loopback names and the bound address) requests may name in their Host
   * header; `*` allows any, which gives up the DNS-rebinding protection.
   */
  allowedHosts?: string[];
  /**
   * Folders `PUT /__admin/scenario?file=` may read besides the shipped scenarios; the loaded
   * scenario file's folder when absent.
   */
  scenarioDirs?: string[];
  /** When set, every /__admin request must carry it (Authorization: Bearer) or a console login. */
  adminToken?: string;
  /** Bind a non-loopback host without an admin token anyway: anyone who can connect controls kyc-sim. */
  unsafeOpenAdmin?: boolean;
}

export interface RunningProvider {
  definition: ProviderDefinition;
  instance: ProviderInstance;
  /** The context the instance was created with: the engine plus its scenario section. */
  ctx: SimContext;
}

type ScenarioSchema = z.ZodType<AnyScenario>;

const DEFAULT_JOURNAL_CAPACITY = 5_000;

/** The simulator's state apart from HTTP: engine, loaded scenario and running providers. */
export class Runtime {
  readonly clock: Clock;
  readonly journal: Journal;
  readonly store: SessionStore;
  readonly faults = new FaultInjector();
  readonly webhooks: WebhookSender;
  readonly log: Logger;
  /** Every provider's session kinds: states, steps and actions the engine runs. */
  readonly kinds: SessionKinds;
  readonly allowedHosts: AllowedHosts;
  readonly adminAuth: AdminAuth;
  /** Where generated keys and the local CA are kept between runs. */
  readonly stateDir: string;
  readonly providers: RunningProvider[];
  /** The scenario root composed from this simulator's providers' sections. */
  readonly scenarioSchema: ScenarioSchema;
  /** The scenario as loaded, and the one in force: the loaded one with the overrides merged over it. */
  #base!: LoadedScenario<AnyScenario>;
  #loaded!: LoadedScenario<AnyScenario>;
  #overrides: unknown[] = [];
  #random!: RandomSource;
  #faker: Promise<Faker> | undefined;
  #baseUrl = '';
  #scenarioFolders!: ScenarioFolders;

  private constructor(
    private readonly options: SimulatorOptions,
    /** The other replicas, when the store is a Redis shared with them. */
    readonly replicas?: Replicas,
  ) {
    this.clock = new Clock(options.clock ?? 'real');
    this.journal = new Journal(() => this.clock.now(), options.journalCapacity, options.journalBodyLimit);
    // A name the HTTPS certificate is made for is one clients reach kyc-sim by.
    const hostNames = [...(options.allowedHosts ?? []), ...(options.https ? (options.httpsHosts ?? []) : [])];
    this.allowedHosts = new AllowedHosts(options.host ?? '127.0.0.1', hostNames);
    this.adminAuth = new AdminAuth(options.adminToken);
    this.store =
      replicas?.store ??
      (typeof options.store === 'object'
        ? options.store
        : new MemorySessionStore({
            maxSessions: options.maxSessions,
            maxEnded: options.maxEndedSessions,
            isEnded: (session) => this.kinds.isEnded(session),
            isAwaited: (session) => this.kinds.isAwaited(session),
          }));
    this.log = pino({ name: 'kyc-sim', level: options.logLevel ?? 'info' });
    this.webhooks = new WebhookSender(this.clock, this.journal, this.log);
    this.kinds = new SessionKinds(this.clock, this.store, this.log);
    this.stateDir = options.stateDir ?? join(process.cwd(), '.kyc-sim');
    const definitions = options.providers ?? shippedProviders;
    this.scenarioSchema = (options.providers
      ? composeScenarioSchema(definitions)
      : scenarioSchema) as unknown as ScenarioSchema;
    const contextOf = (definition: ProviderDefinition): SimContext => ({
      clock: this.clock,
      store: this.store,
      journal: this.journal,
      webhooks: this.webhooks,
      log: this.log,
      stateDir: this.stateDir,
      random: () => this.#random,
      faker: () => {
        this.#faker ??= createFaker(this.seed);
        return this.#faker;
      },
      section: () => this.#loaded.scenario[definition.name],
      defineKind: (kind) => this.kinds.define(definition.name, kind),
      scenarioDir: () => this.#loaded.baseDir,
      baseUrl: () => this.#baseUrl,
    });
    this.providers = definitions.map((definition) => {
      const ctx = contextOf(definition);
      return { definition, instance: definition.create(ctx), ctx };
    });
  }

  static async create(options: SimulatorOptions): Promise<Runtime> {
    // Loaded only for a Redis store: its client (ioredis) is a fifth of what kyc-sim would load at start.
    const replicas =
      typeof options.store === 'string'
        ? await (await import('./engine/redis/replicas.js')).Replicas.open(
            options.store,
            options.journalCapacity ?? DEFAULT_JOURNAL_CAPACITY,
          )
        : undefined;
    try {
      const runtime = new Runtime(options, replicas);
      const loaded = await runtime.load(options.scenario);
      const ownFolder = typeof options.scenario === 'string' ? [loaded.baseDir] : [];
      runtime.#scenarioFolders = new ScenarioFolders([scenariosDir, ...(options.scenarioDirs ?? ownFolder)]);
      if (!replicas) {
        await runtime.apply(loaded);
        return runtime;
      }
      replicas.journal.attach(runtime.journal);
      await runtime.#follow(await replicas.join(runtime.#replicaHost(), loaded));
      return runtime;
    } catch (error) {
      replicas?.close();
      throw error;
    }
  }

  /** Where `PUT /__admin/scenario?file=` may read. */
  get scenarioFolders(): ScenarioFolders {
    return this.#scenarioFolders;
  }

  /** Reads and validates a scenario against this simulator's providers without applying it. */
  load(scenario: SimulatorOptions['scenario']): Promise<LoadedScenario<AnyScenario>> {
    return Runtime.load(scenario, this.scenarioSchema);
  }

  /** Reads and validates a scenario (against kyc-sim's own providers unless `schema` says otherwise). */
  static async load<S extends z.ZodType = typeof scenarioSchema>(
    scenario: SimulatorOptions['scenario'],
    schema: S = scenarioSchema as unknown as S,
  ): Promise<LoadedScenario<z.output<S>>> {
    if (scenario === undefined) return loadScenarioFile(defaultScenarioFile(), schema);
    if (typeof scenario === 'string') return loadScenarioFile(resolveScenarioFile(scenario), schema);
    const parsed = validateScenario(scenario, schema, '<inline scenario>');
    return { scenario: parsed, input: scenario, source: '<inline scenario>', baseDir: process.cwd() };
  }

  get scenario(): LoadedScenario<AnyScenario> {
    return this.#loaded;
  }

  get seed(): number | undefined {
    return this.options.seed ?? this.#loaded.scenario.seed;
  }

  setBaseUrl(url: string): void {
    this.#baseUrl = url;
  }

  /**
   * Makes `loaded` the current scenario, without overrides: sessions, timers and fault counters
   * start afresh, on every replica when there are several.
   */
  async apply(loaded: LoadedScenario<AnyScenario>, reason: 'load' | 'reset' = 'load'): Promise<void> {
    this.clock.clear();
    this.kinds.clear();
    await this.store.clear();
    await this.#take(loaded);
    await this.replicas?.loaded(loaded, reason === 'reset');
  }

  /** Back to the state right after start: the loaded scenario without overrides, no sessions, an empty journal. */
  async reset(): Promise<void> {
    await this.clearJournal();
    await this.apply(this.#base, 'reset');
  }

  /** The scenario's engine state and providers' caches, in this process only (the store is left). */
  async #take(loaded: LoadedScenario<AnyScenario>): Promise<void> {
    this.clock.clear();
    this.kinds.clear();
    this.#base = loaded;
    this.#loaded = loaded;
    this.#overrides = [];
    // Replicas seeded alike would mint the same ids: each takes its own stream of the seed.
    const seed = this.seed === undefined ? undefined : this.seed + (this.replicas?.index ?? 0) * 0x9e3779b9;
    this.#random = createRandom(seed);
    this.#faker = undefined;
    this.faults.load(loaded.scenario.faults);
    for (const { instance } of this.providers) await instance.onScenarioLoaded?.();
  }

  /** Takes the replicas' scenario (revalidated against this replica's providers) and its overrides. */
  async #follow(shared: SharedScenario): Promise<void> {
    const { input, source } = shared.loaded;
    const scenario = validateScenario(input, this.scenarioSchema, source) as AnyScenario;
    await this.#take({ ...shared.loaded, scenario });
    if (shared.overrides.length > 0) await this.#useOverrides(shared.overrides, false);
  }

  #replicaHost(): ReplicaHost {
    return {
      clock: this.clock,
      log: this.log,
      runDue: (now, before) => this.kinds.runDue(now, before),
      follow: async (shared, change) => {
        if (change === 'reset') this.journal.clear();
        if (change === 'overrides') await this.#useOverrides(shared.overrides, false);
        else await this.#follow(shared);
      },
    };
  }

  /** Moves the manual clock (every replica's), running what falls due; answers once that has settled. */
  async advanceClock(ms: number): Promise<void> {
    if (this.replicas) return this.replicas.advance(ms);
    if (this.clock.mode !== 'manual') throw new ClockModeError('advance needs the manual clock');
    this.clock.advance(ms);
    // Timers may start async work (store updates, websocket sends); let it settle before answering.
    await new Promise((resolve) => setImmediate(resolve));
  }

  async setClockMode(mode: ClockMode): Promise<void> {
    if (this.replicas) await this.replicas.setMode(mode);
    else this.clock.setMode(mode);
  }

  /** Journal entries newest first, every replica's when there are several, with the journal's size. */
  async requests(filter: JournalFilter = {}): Promise<{ total: number; requests: JournalEntry[] }> {
    if (!this.replicas) return { total: this.journal.size, requests: this.journal.query(filter) };
    const [total, requests] = await Promise.all([
      this.replicas.journal.size(),
      this.replicas.journal.query(filter),
    ]);
    return { total, requests };
  }

  /** How many journal entries match (every replica's when there are several), with the journal's size. */
  async countRequests(filter: JournalFilter = {}): Promise<{ count: number; total: number }> {
    if (!this.replicas) return { count: this.journal.count(filter), total: this.journal.size };
    const [total, count] = await Promise.all([
      this.replicas.journal.size(),
      this.replicas.journal.count(filter),
    ]);
    return { count, total };
  }

  /** Calls `listener` with each new journal entry (every replica's); returns an unsubscribe. */
  onJournalEntry(listener: (entry: JournalEntry) => void): () => void {
    return (this.replicas?.journal ?? this.journal).onEntry(listener);
  }

  async clearJournal(): Promise<void> {
    this.journal.clear();
    await this.replicas?.journal.clear();
  }

  /** The partial scenarios merged over the loaded one, oldest first. */
  get overrides(): readonly unknown[] {
    return this.#overrides;
  }

  /**
   * Merges `partial` over the scenario in force (scenario-merge.ts says how), for what follows:
   * sessions and timers already running keep going. The whole result is validated first; an
   * invalid one throws ScenarioError and changes nothing.
   */
  async override(partial: unknown): Promise<void> {
    await this.#useOverrides([...this.#overrides, partial ?? {}]);
  }

  /** Drops every override: the loaded scenario is in force again; sessions keep going. */
  async clearOverrides(): Promise<void> {
    await this.#useOverrides([]);
  }

  /** Puts `overrides` in force here, and on every replica unless they came from one (`announce` false). */
  async #useOverrides(overrides: unknown[], announce = true): Promise<void> {
    const input = overrides.reduce(mergeScenario, this.#base.input);
    const source = overrides.length
      ? `${this.#base.source} + ${overrides.length} override(s)`
      : this.#base.source;
    const scenario = validateScenario(input, this.scenarioSchema, source) as AnyScenario;
    const faultsBefore = JSON.stringify(this.#loaded.scenario.faults);
    this.#overrides = overrides;
    this.#loaded = { ...this.#base, scenario, input };
    // Fault counters start afresh only when the faults themselves change.
    if (JSON.stringify(scenario.faults) !== faultsBefore) this.faults.load(scenario.faults);
    for (const { instance } of this.providers) await instance.onScenarioChanged?.();
    if (announce) await this.replicas?.overridden(overrides);
  }

  /** The provider mounted at `path`'s prefix (asked on every request, so it allocates nothing). */
  providerOf(path: string): RunningProvider | undefined {
    for (const provider of this.providers) {
      const { prefix } = provider.definition;
      if (path.startsWith(prefix) && (path.length === prefix.length || path[prefix.length] === '/'))
        return provider;
    }
    return undefined;
  }

  close(): void {
    for (const { instance } of this.providers) instance.close?.();
    this.webhooks.close();
    this.kinds.clear();
    this.clock.dispose();
    this.replicas?.close();
  }
}
