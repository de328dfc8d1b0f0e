import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';

/**
 * A tiny round-robin HTTP balancer for kyc-sim replicas: each request (not each connection, so
 * keep-alive clients still alternate) goes to the next upstream; a websocket upgrade is piped
 * whole to the next one. `served` says which upstream got what, so tests can see the alternation.
 */
export interface RoundRobin {
  url: string;
  served: { upstream: number; method: string; path: string }[];
  close(): Promise<void>;
}

export async function startRoundRobin(
  upstreams: string[],
  options: { record?: boolean } = {},
): Promise<RoundRobin> {
  const targets = upstreams.map((u) => new URL(u));
  const served: RoundRobin['served'] = [];
  let next = 0;
  const pick = (req: IncomingMessage) => {
    const upstream = next;
    next = (next + 1) % targets.length;
    if (options.record !== false) served.push({ upstream, method: req.method ?? '', path: req.url ?? '' });
    return targets[upstream];
  };

  const server: Server = createServer((req, res) => {
    const target = pick(req);
    const forwarded = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`round-robin: upstream ${target.host} failed: ${error.message}`);
    });
    req.pipe(forwarded);
  });

  server.on('upgrade', (req, socket, head) => {
    const target = pick(req);
    const upstream = connect(Number(target.port), target.hostname, () => {
      const headers = Object.entries({ ...req.headers, host: target.host })
        .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : value}`)
        .join('\r\n');
      upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    const drop = () => {
      upstream.destroy();
      socket.destroy();
    };
    upstream.on('error', drop);
    socket.on('error', drop);
    upstream.on('close', () => socket.end());
    socket.on('close', () => upstream.end());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
