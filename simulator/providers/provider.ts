import type { Faker } from '@faker-js/faker';
import type { Context, Hono } from 'hono';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Clock } from '../engine/clock.js';
import type { Journal } from '../engine/journal.js';
import type { RandomSource } from '../engine/random.js';
import type { JournaledSocket } from '../engine/sockets.js';
import type { SessionRecord, SessionStore } from '../engine/store.js';
import type { WebhookSender } from '../engine/webhooks.js';
import type { Scenario } from '../scenario.js';

/** Hono variables every route may set: the session a request belongs to, for the journal. */
export type SimEnv = { Variables: { sessionId?: string } };

/** What a provider gets from the simulator: the engine, nothing provider-specific. */
export interface SimContext {
  readonly clock: Clock;
  readonly store: SessionStore;
  readonly journal: Journal;
  readonly webhooks: WebhookSender;
  readonly log: Logger;
  random(): RandomSource;
  faker(): Promise<Faker>;
  /** The loaded scenario, already validated. */
  scenario(): Scenario;
  /** Folder of the loaded scenario file, for relative paths inside it. */
  scenarioDir(): string;
  /** Base URL the simulator answers on, e.g. http://127.0.0.1:8080. */
  baseUrl(): string;
  /** Directory for state kept between runs (generated keys). */
  stateDir: string;
}

export interface SocketRoute {
  /** Matched against the upgrade request path; named groups become params. */
  pattern: RegExp;
  handle(socket: JournaledSocket, params: Record<string, string>): void | Promise<void>;
}

/** A session action run from the admin API or console, e.g. Yoti's `complete`. */
export interface SessionAction<P extends z.ZodType = z.ZodType> {
  description: string;
  params: P;
  run(session: SessionRecord, params: z.output<P>): Promise<void>;
}

export class ActionError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 409,
  ) {
    super(message);
  }
}

export interface ErrorSpec {
  status: number;
  code?: string;
  message: string;
  details?: unknown;
}

/** What a provider is, before it runs: its name, mount prefix and error format. */
export interface ProviderDefinition {
  name: string;
  /** Mount prefix on the simulator, e.g. /yoti for https://api.yoti.com. */
  prefix: string;
  /**
   * The largest request body (bytes) a route takes; larger ones get a 413 in the provider's format
   * before the route runs (engine/body.ts). Sized to what the real provider accepts. 64 KiB when absent.
   */
  bodyLimit?(method: string, path: string): number;
  /** Env-style lines printed at start so users know where to point clients. */
  clientHints(baseUrl: string): string[];
  /** The provider's own error response, used for its routes, faults and unmatched requests. */
  errorResponse(c: Context, error: ErrorSpec): Response;
  create(ctx: SimContext): ProviderInstance;
}

/** A provider running inside one simulator; its state lives here, never in module globals. */
export interface ProviderInstance {
  app: Hono<SimEnv>;
  sockets?: SocketRoute[];
  /** Provider-specific control routes, mounted by the admin API at /__admin/<provider name>. */
  adminApp?: Hono;
  /** Session actions by session kind, then by action name. */
  actions?: Record<string, Record<string, SessionAction>>;
  /** After a scenario (re)load or a reset: drop timers and caches tied to the old one. */
  onScenarioLoaded?(): Promise<void>;
  close?(): void;
}
