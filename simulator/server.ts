import type { IncomingMessage, Server } from 'node:http';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { WebSocketServer } from 'ws';
import { createApp } from './app.js';
import { isLoopback } from './engine/allowed-hosts.js';
import { DirectRoutes, withDirectRoutes } from './engine/direct-routes.js';
import { recordDirectExchange } from './engine/http-journal.js';
import type { JournalFilter } from './engine/journal.js';
import { journalLine } from './engine/journal-line.js';
import type { LocalTls } from './engine/local-ca.js';
import { JournaledSocket } from './engine/sockets.js';
import { Runtime, type SimulatorOptions } from './runtime.js';
import type { ScenarioOverride } from './scenario.js';

export type { SimulatorOptions } from './runtime.js';

export interface RunningSimulator {
  /** Base URL, e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  runtime: Runtime;
  /** With `https: true`: the local CA clients must trust, and the names the certificate covers. */
  tls?: Pick<LocalTls, 'caPath' | 'caCert' | 'hosts' | 'caCreated'>;
  /** Every route the simulator answers, as `{method, path}` with Hono's `:param` syntax. */
  routes: { method: string; path: string }[];
  /** Headers every admin API call needs: the admin token, when one is set. */
  adminHeaders: Record<string, string>;
  /** The console's address; with an admin token, a link that logs in the first browser to open it. */
  consoleUrl(): string;
  /**
   * Merges part of a scenario over the one in force for what follows, like MSW's `server.use()`:
   * `sim.use({ yoti: { apps: [{ sdkId, scenarios: [{ id, outcome: { type: 'fail' } }] }] } })`.
   * Objects merge by key, arrays of objects by id (`id`, `sdkId`, `apiKey`, `clientKey`…), other
   * values are replaced. Running sessions keep going. Throws ScenarioError, changing nothing, when
   * the result is invalid.
   */
  use(partial: ScenarioOverride): Promise<void>;
  /** Drops what `use()` merged: the loaded scenario is in force again. Sessions keep going. */
  clearOverrides(): Promise<void>;
  /** Back to the state right after start: the loaded scenario, no overrides, sessions or journal. */
  reset(): Promise<void>;
  /** How many journaled requests, frames and webhooks match, like WireMock's `/requests/count`. */
  countRequests(filter?: Omit<JournalFilter, 'limit'>): number;
  close(): Promise<void>;
}

/** Frames above this size are refused with close code 1009 instead of being buffered. */
const MAX_FRAME_BYTES = 64 * 1024;

/**
 * A request asking to upgrade to anything but a websocket is served as the plain HTTP/1.1 request
 * it also is, as a server that does not speak the protocol must (RFC 9110 §7.8): Java's
 * java.net.http.HttpClient adds `Connection: Upgrade, HTTP2-Settings` and `Upgrade: h2c` to every
 * plain request. Node hands such requests to 'upgrade' listeners only, so their bytes, less the
 * upgrade headers, go back on the socket for a fresh HTTP parser.
 */
function serveWithoutUpgrade(server: Server, request: IncomingMessage, socket: Socket, head: Buffer): void {
  const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
  const raw = request.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const [name, value] = [raw[i], raw[i + 1]];
    const lower = name.toLowerCase();
    if (lower === 'upgrade' || lower === 'http2-settings') continue;
    if (lower === 'connection') {
      const kept = value
        .split(',')
        .map((token) => token.trim())
        .filter((token) => token && !/^(upgrade|http2-settings)$/i.test(token));
      if (kept.length > 0) lines.push(`${name}: ${kept.join(', ')}`);
      continue;
    }
    lines.push(`${name}: ${value}`);
  }
  socket.unshift(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), head]));
  server.emit('connection', socket);
}

const isWebSocketUpgrade = (request: IncomingMessage) =>
  request.headers.upgrade?.toLowerCase() === 'websocket';

/** The providers' direct routes (engine/direct-routes.ts), in front of their Hono routes. */
function directRoutesOf(runtime: Runtime): DirectRoutes {
  const routes = new DirectRoutes();
  for (const { definition, instance } of runtime.providers)
    for (const route of instance.direct ?? []) routes.add(definition.name, route);
  return routes;
}

/** One Node server, one Hono app, websocket upgrades routed to the provider that owns the path. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.adminToken && !options.unsafeOpenAdmin)
    throw new Error(
      `binding ${host} lets anyone who can reach this machine drive the admin API (reset, decide sessions, read keys); give an admin token (--admin-token or KYC_SIM_ADMIN_TOKEN), or --unsafe-open-admin if the network is yours alone`,
    );
  const runtime = await Runtime.create(options);
  if (options.verbose) {
    const write =
      typeof options.verbose === 'function'
        ? options.verbose
        : (line: string) => process.stdout.write(`${line}\n`);
    runtime.journal.onEntry((entry) => write(journalLine(entry)));
  }
  const app = createApp(runtime);
  // Loaded only for --https: its certificate code (node-forge) is the largest module kyc-sim has.
  const tls = options.https
    ? await (await import('./engine/local-ca.js')).localTls(runtime.stateDir, options.httpsHosts)
    : undefined;
  // Unread request bodies are the body reader's to discard (engine/body.ts: a bounded lingering
  // close), not the adapter's, whose half-second limit resets clients still uploading.
  const listener = withDirectRoutes(
    directRoutesOf(runtime),
    {
      allowsHost: (host) => runtime.allowedHosts.allows(host),
      noFaults: () => runtime.faults.isEmpty,
      now: () => runtime.clock.now(),
      record: (request, match, answer, started, startedAt) =>
        recordDirectExchange(runtime.journal, request, match, answer, started, startedAt),
    },
    getRequestListener(app.fetch, { autoCleanupIncoming: false }),
  );
  const server = tls
    ? // The chain: leaf, then CA.
      (await import('node:https')).createServer({ key: tls.key, cert: `${tls.cert}${tls.caCert}` }, listener)
    : createHttpServer(listener);
  // The websocket server (ws, with the zlib and tls it loads) comes with the first upgrade: a
  // start, or a simulator used over HTTP only, does not wait for it.
  let wss: WebSocketServer | undefined;
  let wssLoading: Promise<unknown> | undefined;
  const loadWebSockets = () =>
    (wssLoading ??= import('ws').then(({ WebSocketServer }) => {
      wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
    }));

  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => {}); // a client that vanishes mid-handshake is no reason to stop
    // The app checks Host on the plain request; only websockets are checked here.
    if (!isWebSocketUpgrade(request))
      return serveWithoutUpgrade(server as Server, request, socket as Socket, head);
    if (!runtime.allowedHosts.allows(request.headers.host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const provider = runtime.providerOf(path);
    for (const route of provider?.instance.sockets ?? []) {
      const match = route.pattern.exec(path);
      if (!match) continue;
      if (!wss) {
        // Once ws is loaded, the same upgrade again (checks are cheap and have no side effects).
        loadWebSockets().then(
          () => server.emit('upgrade', request, socket, head),
          (error) => socket.destroy(error),
        );
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => {
        ws.on('error', () => {}); // oversized or malformed frames close the socket; nothing to crash
        const fault = runtime.faults.forSocket(path);
        const journaled = new JournaledSocket(
          ws,
          runtime.journal,
          provider?.definition.name ?? '?',
          path,
          fault,
        );
        Promise.resolve(route.handle(journaled, { ...match.groups })).catch((error) => {
          runtime.log.error({ err: error, path }, 'websocket handler failed');
          ws.close(1011, 'internal error');
        });
      });
      return;
    }
    runtime.journal.record({
      kind: 'ws-open',
      provider: provider?.definition.name ?? 'simulator',
      path,
      status: 404,
      note: 'no websocket route',
    });
    socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  runtime.setBaseUrl(url);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      for (const client of wss?.clients ?? []) client.close(1001, 'kyc-sim shutting down');
      runtime.close();
      server.close(() => resolve());
      // Give websockets a moment to say goodbye, then drop whatever is left.
      setTimeout(() => {
        for (const client of wss?.clients ?? []) client.terminate();
        if ('closeAllConnections' in server) server.closeAllConnections();
      }, 200).unref();
    });
    return closing;
  };
  const routes = app.routes.filter((r) => r.method !== 'ALL').map(({ method, path }) => ({ method, path }));
  const adminHeaders: Record<string, string> = options.adminToken
    ? { authorization: `Bearer ${options.adminToken}` }
    : {};
  const consoleUrl = () => runtime.adminAuth.consoleUrl(url);
  const tlsInfo = tls && {
    caPath: tls.caPath,
    caCert: tls.caCert,
    hosts: tls.hosts,
    caCreated: tls.caCreated,
  };
  return {
    url,
    port,
    runtime,
    routes,
    adminHeaders,
    consoleUrl,
    use: (partial) => runtime.override(partial),
    clearOverrides: () => runtime.clearOverrides(),
    reset: () => runtime.reset(),
    countRequests: (filter = {}) => runtime.journal.count(filter),
    close,
    ...(tlsInfo && { tls: tlsInfo }),
  };
}
