import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { announce, QR_JSON, REFS, REFS_JSON, REFS_PATH_PREFIX } from './fixtures.js';

/**
 * The baseline: a bare node:http server answering the same JSON the simulator sends for the QR
 * and refs steps, and a bare ws server sending ACCEPTED then COMPLETED. What the simulator adds
 * (routing, journal, store, scenario logic, protobuf) is measured against this.
 */
const server = createServer((req, res) => {
  const body = req.url?.startsWith(REFS_PATH_PREFIX) ? REFS_JSON : QR_JSON;
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
const wss = new WebSocketServer({ server });
wss.on('connection', (ws) => {
  const subscription = REFS.session_data;
  ws.send(JSON.stringify({ status: 'ACCEPTED', subscription }));
  ws.send(JSON.stringify({ status: 'COMPLETED', subscription, token: 'bench-token' }));
  ws.close(1000);
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () =>
  announce((server.address() as AddressInfo).port),
);
