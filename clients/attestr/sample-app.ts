import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { AttestrApiError, type AttestrClient, SignatureVerificationError } from './client.js';
import { HandshakeStore } from './handshake-store.js';
import { samplePage } from './sample-page.js';

export interface SampleAppOptions {
  client: AttestrClient;
  /** The `cl` the page gives flowx.js. */
  clientKey: string;
  flow: string;
  /** A published snapshot id of the flow; null or absent runs the draft. */
  snapshot?: string | null;
  /** Where the page loads flowx.js from: the simulator's /attestr/flowx.js or Attestr's CDN. */
  flowxJsUrl: string;
  port?: number;
  host?: string;
}

export interface RunningSampleApp {
  url: string;
  store: HandshakeStore;
  close(): Promise<void>;
}

/**
 * The app's server side: serves the sample page, creates and stores handshakes (steps 2-3) and
 * verifies the signature the browser reports (steps 7-8).
 */
export async function startSampleApp(options: SampleAppOptions): Promise<RunningSampleApp> {
  const store = new HandshakeStore();
  let tags = 0;

  const routes: Record<string, (body: Record<string, unknown>) => Promise<[number, unknown]>> = {
    'POST /handshake': async (body) => {
      const tag = `user-${++tags}`;
      const flow = typeof body.flow === 'string' ? body.flow : options.flow;
      const hs = await options.client.createHandshake({ flow, snapshot: options.snapshot ?? null, tag });
      store.save({ id: hs._id, tag, createdAt: Date.now() });
      return [200, { hs: hs._id, cl: options.clientKey }];
    },
    'POST /verify': async (body) => {
      const id = String(body.hs ?? '');
      if (!store.get(id)) return [404, { verified: false, reason: 'unknown-handshake' }];
      const result = await options.client.verifiedResult(id, String(body.signature ?? ''));
      store.markVerified(id);
      return [200, { verified: true, result: result.result, consumed: result.consumed }];
    },
  };

  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'GET' && path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(samplePage(options.flowxJsUrl));
      return;
    }
    const route = routes[`${req.method} ${path}`];
    if (!route) return send(res, 404, { error: `no route ${req.method} ${path}` });
    try {
      const [status, body] = await route(await readBody(req));
      send(res, status, body);
    } catch (error) {
      if (error instanceof SignatureVerificationError) {
        return send(res, 400, { verified: false, reason: error.reason, message: error.message });
      }
      if (error instanceof AttestrApiError) {
        return send(res, 502, {
          error: error.message,
          code: error.code,
          httpStatusCode: error.httpStatusCode,
        });
      }
      send(res, 500, { error: String(error) });
    }
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

/** `node dist/clients/attestr/sample-app.js`: the sample against a running simulator (env below). */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { AttestrClient } = await import('./client.js');
  const env = process.env;
  const apiUrl = env.ATTESTR_API_URL ?? 'http://127.0.0.1:8080/attestr';
  const app = await startSampleApp({
    client: new AttestrClient({
      baseUrl: apiUrl,
      authToken: env.ATTESTR_AUTH_TOKEN ?? 'ZGV2LWF1dGgtdG9rZW4',
      clientSecret: env.ATTESTR_CLIENT_SECRET ?? 'dev-client-secret',
    }),
    clientKey: env.ATTESTR_CLIENT_KEY ?? '6b79632d73696d2d6465762d6b657921',
    flow: env.ATTESTR_FLOW ?? 'FX02kycsimdevflow0001',
    snapshot: env.ATTESTR_SNAPSHOT ?? '5f0c2a8e-1b7d-4c3e-9a6f-2d8b4e7c1a90',
    flowxJsUrl: env.ATTESTR_FLOWX_JS ?? `${apiUrl}/flowx.js`,
    port: Number(env.PORT ?? 3000),
  });
  console.log(`Attestr FlowX sample app on ${app.url}`);
}
