import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { createApp } from './app.js';
import { isLoopback } from './engine/allowed-hosts.js';
import { JournaledSocket } from './engine/sockets.js';
import { Runtime, type SimulatorOptions } from './runtime.js';

export type { SimulatorOptions } from './runtime.js';

export interface RunningSimulator {
  /** Base URL, e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  runtime: Runtime;
  /** Every route the simulator answers, as `{method, path}` with Hono's `:param` syntax. */
  routes: { method: string; path: string }[];
  /** Headers every admin API call needs: the admin token, when one is set. */
  adminHeaders: Record<string, string>;
  /** The console's address; with an admin token, a link that logs in the first browser to open it. */
  consoleUrl(): string;
  close(): Promise<void>;
}

/** Frames above this size are refused with close code 1009 instead of being buffered. */
const MAX_FRAME_BYTES = 64 * 1024;

/** One Node server, one Hono app, websocket upgrades routed to the provider that owns the path. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.adminToken && !options.unsafeOpenAdmin)
    throw new Error(
      `binding ${host} lets anyone who can reach this machine drive the admin API (reset, decide sessions, read keys); give an admin token (--admin-token or KYC_SIM_ADMIN_TOKEN), or --unsafe-open-admin if the network is yours alone`,
    );
  const runtime = await Runtime.create(options);
  const app = createApp(runtime);
  const server = createAdaptorServer({ fetch: app.fetch });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => {}); // a client that vanishes mid-handshake is no reason to stop
    if (!runtime.allowedHosts.allows(request.headers.host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const provider = runtime.providerOf(path);
    for (const route of provider?.instance.sockets ?? []) {
      const match = route.pattern.exec(path);
      if (!match) continue;
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
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  runtime.setBaseUrl(url);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      for (const client of wss.clients) client.close(1001, 'kyc-sim shutting down');
      runtime.close();
      server.close(() => resolve());
      // Give websockets a moment to say goodbye, then drop whatever is left.
      setTimeout(() => {
        for (const client of wss.clients) client.terminate();
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
  return { url, port, runtime, routes, adminHeaders, consoleUrl, close };
}
