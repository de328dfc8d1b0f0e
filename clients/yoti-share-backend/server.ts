import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { type CallbackHandlerOptions, createCallbackHandler } from './callback-handler.js';

export interface BackendOptions extends CallbackHandlerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Path of the callback; the app's callbackEndpoint must point here. Default /yoti/callback. */
  path?: string;
}

export interface RunningBackend {
  url: string;
  callbackUrl: string;
  close(): Promise<void>;
}

/** A minimal relying-party backend on node:http serving the callback handler. */
export async function startYotiBackend(options: BackendOptions): Promise<RunningBackend> {
  const path = options.path ?? '/yoti/callback';
  const handle = createCallbackHandler(options);
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://backend');
    if (req.method !== 'GET' || url.pathname !== path) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
      return;
    }
    const answer = await handle(new Request(url, { method: 'GET' }));
    res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(await answer.text());
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url,
    callbackUrl: `${url}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** `node dist/clients/yoti-share-backend/server.js` with YOTI_CLIENT_SDK_ID, YOTI_KEY_FILE_PATH, YOTI_API_URL, PORT. */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sdkId = process.env.YOTI_CLIENT_SDK_ID;
  const keyFile = process.env.YOTI_KEY_FILE_PATH;
  if (!sdkId || !keyFile) {
    process.stderr.write('set YOTI_CLIENT_SDK_ID and YOTI_KEY_FILE_PATH (and YOTI_API_URL for kyc-sim)\n');
    process.exit(1);
  }
  const backend = await startYotiBackend({
    sdkId,
    pem: readFileSync(keyFile, 'utf8'),
    apiUrl: process.env.YOTI_API_URL,
    port: Number(process.env.PORT ?? 3000),
    onShare: (summary) => void process.stdout.write(`${JSON.stringify(summary)}\n`),
  });
  process.stdout.write(`Yoti callback listening on ${backend.callbackUrl}\n`);
}
