/** kyc-sim for CommonJS callers (Jest's default mode): the simulator runs in a child process. */

export interface SimulatorOptions {
  /** Interface to bind; 127.0.0.1 when absent. */
  host?: string;
  /** 0 (the default here) picks a free port. */
  port?: number;
  /**
   * A scenario file, a shipped scenario's name (`'yoti-share-failed'`), or a scenario object
   * (written to a temporary JSON file, so relative paths inside it resolve from there).
   */
  scenario?: string | Record<string, unknown>;
  clock?: 'real' | 'manual';
  seed?: number;
  /** pino level of the child's log on stderr; silent when absent. */
  logLevel?: string;
  journalCapacity?: number;
  /** Characters of each body and frame the journal keeps (docs/security.md). */
  journalBodyLimit?: number;
  /** Host names clients use besides loopback names and the bound address. */
  allowedHosts?: string[];
  /** Every /__admin call must carry `Authorization: Bearer <adminToken>`. */
  adminToken?: string;
  /** Bind a non-loopback host without an admin token anyway. */
  unsafeOpenAdmin?: boolean;
  /** Serve HTTPS and WSS with the local CA kept in .kyc-sim/tls/ under cwd (see the README). */
  https?: boolean;
  /** More names for the HTTPS certificate besides localhost, 127.0.0.1 and ::1. */
  httpsHosts?: string[];
  /** One line per request and websocket event on the child's stdout, read with output(). */
  verbose?: boolean;
  /** Working directory of the child: relative scenario paths and .kyc-sim/ are found there. */
  cwd?: string;
}

export interface RunningSimulator {
  /** Base URL, e.g. http://127.0.0.1:41234 — drive it through `${url}/__admin`. */
  url: string;
  port: number;
  pid: number | undefined;
  /** Everything the child printed so far, stdout and stderr. */
  output(): string;
  /** Stops the child (SIGTERM: websockets get 1001) and waits until it has exited. */
  close(): Promise<void>;
  /** Merges part of a scenario over the one in force (POST /__admin/scenario/overrides); rejects when invalid. */
  use(partial: Record<string, unknown>): Promise<void>;
  /** Drops the overrides (DELETE /__admin/scenario/overrides). */
  clearOverrides(): Promise<void>;
  /** The loaded scenario, no overrides, sessions or journal (POST /__admin/reset). */
  reset(): Promise<void>;
  /** How many journal entries match (GET /__admin/requests/count). */
  countRequests(filter?: {
    provider?: string;
    kind?: string;
    path?: string;
    method?: string;
    status?: string;
    sessionId?: string;
  }): Promise<number>;
}

export declare function startSimulator(options?: SimulatorOptions): Promise<RunningSimulator>;
