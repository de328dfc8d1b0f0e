import type { Faker } from '@faker-js/faker';
import type { Context, Hono } from 'hono';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { ApiDescription, ApiOperation } from '../engine/api-document.js';
import type { AsyncApiDescription } from '../engine/async-api-document.js';
import type { Clock } from '../engine/clock.js';
import type { DirectRoute } from '../engine/direct-routes.js';
import type { ErrorSpec } from '../engine/errors.js';
import type { Journal } from '../engine/journal.js';
import type { RandomSource } from '../engine/random.js';
import type { KindRunner, SessionKindDefinition } from '../engine/session-kinds.js';
import type { JournaledSocket } from '../engine/sockets.js';
import type { SessionStore } from '../engine/store.js';
import type { WebhookSender } from '../engine/webhooks.js';

export type { ErrorSpec } from '../engine/errors.js';
export { SimError } from '../engine/errors.js';

/** Hono variables every route may set: the session a request belongs to, for the journal. */
export type SimEnv = { Variables: { sessionId?: string } };

/** What a provider gets from the simulator: the engine and its own scenario section, nothing else. */
export interface SimContext<Section = unknown> {
  readonly clock: Clock;
  readonly store: SessionStore;
  readonly journal: Journal;
  readonly webhooks: WebhookSender;
  readonly log: Logger;
  random(): RandomSource;
  faker(): Promise<Faker>;
  /** This provider's section of the loaded scenario (the key named after the provider), validated. */
  section(): Section;
  /** Registers one of the provider's session kinds with the engine; call once per kind, in create(). */
  defineKind<D, O extends { type: string; afterMs?: number }>(
    definition: SessionKindDefinition<D, O>,
  ): KindRunner<D, O>;
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

export type { KindAction, SessionKindDefinition } from '../engine/session-kinds.js';

/**
 * A tab of the QA console that a provider adds (Yoti's virtual app). The page shows `title` as a
 * tab and `html` as its body; `script` is an ES module served beside the console's own modules
 * (import them by absolute path, /__admin/ui/assets/dom.js) that calls `registerPanel(id, {open})`
 * from /__admin/ui/assets/panels.js. Its server side is the instance's `consoleApp`.
 */
export interface ConsolePanel {
  /** Tab id, also the URL hash: #<id> or #<id>/<session id>. */
  id: string;
  title: string;
  /** Markup of the panel, static; the script fills it in. */
  html: string;
  /** Absolute paths of the panel's files (.js modules, .css), served at /__admin/ui/assets/<provider>/<file name>. */
  assets: string[];
  /** Sessions the panel can open: the session view links to #<id>/<session id> for these kinds. */
  opens?: { kinds: readonly string[]; label: string };
}

/** A `kyc-sim <name>` command a provider adds to the CLI (Yoti's `keys`). */
export interface ProviderCommand {
  name: string;
  description: string;
  options?: { flags: string; description: string; default?: string }[];
  /** Runs the command with its options by name; the text returned is printed. Throws to fail. */
  run(options: Record<string, string>): Promise<string>;
}

/**
 * What a provider is, before it runs. A provider is one folder under providers/ exporting one of
 * these, and one line in providers/index.ts; nothing else in the simulator names it.
 */
export interface ProviderDefinition<S extends z.ZodType = z.ZodType, N extends string = string> {
  /** Also its scenario section's key, its journal tag and its admin path /__admin/<name>. */
  name: N;
  /** Mount prefix on the simulator, e.g. /yoti for https://api.yoti.com. */
  prefix: string;
  /** Its section of scenario files; `{}` must be valid (defaults), as a scenario may leave it out. */
  scenario: S;
  /**
   * The largest request body (bytes) a route takes; larger ones get a 413 in the provider's format
   * before the route runs (engine/body.ts). Sized to what the real provider accepts. 64 KiB when absent.
   */
  bodyLimit?(method: string, path: string): number;
  /** Commands of its own for the CLI (`kyc-sim <name>`). */
  commands?: ProviderCommand[];
  /** Env-style lines printed at start so users know where to point clients. */
  clientHints(baseUrl: string): string[];
  /** The provider's own error response, used for its routes, faults and unmatched requests. */
  errorResponse(c: Context, error: ErrorSpec): Response;
  /** A tab of its own in the QA console. */
  console?: ConsolePanel;
  /** Its HTTP routes with the schemas they validate with: /__admin/openapi/<name>.json. */
  api: ApiDescription;
  /** Its websocket routes, if any: /__admin/asyncapi/<name>.json. */
  socketApi?: AsyncApiDescription;
  /** Routes of its `adminApp`, below /__admin/<name>, for the admin API's document. */
  adminOperations?: ApiOperation[];
  create(ctx: SimContext<z.output<S>>): ProviderInstance;
}

/** Keeps a provider's name and section types, so the scenario root's type is composed from them. */
export const defineProvider = <const N extends string, S extends z.ZodType>(
  definition: ProviderDefinition<S, N>,
): ProviderDefinition<S, N> => definition;

/** A provider running inside one simulator; its state lives here, never in module globals. */
export interface ProviderInstance {
  app: Hono<SimEnv>;
  sockets?: SocketRoute[];
  /**
   * Hot GET routes answered before Hono (engine/direct-routes.ts); each must also be a route of
   * `app` answering from the same function, which serves every request the direct route declines.
   */
  direct?: DirectRoute[];
  /** Provider-specific control routes, mounted by the admin API at /__admin/<provider name>. */
  adminApp?: Hono;
  /** Server side of the provider's console panel, mounted at /__admin/ui/api/<provider name>. */
  consoleApp?: Hono;
  /** After a scenario (re)load or a reset: drop timers and caches tied to the old one. */
  onScenarioLoaded?(): Promise<void>;
  /**
   * After an override changed the scenario under running sessions (sim.use): refresh what is
   * derived from it (keys of new apps), keep every session and timer.
   */
  onScenarioChanged?(): Promise<void>;
  close?(): void;
}
