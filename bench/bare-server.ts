import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

/**
 * The baseline: a bare node:http server answering the same JSON the simulator sends for the QR
 * and refs steps, and a bare ws server sending ACCEPTED then COMPLETED. What the simulator adds
 * (routing, journal, store, scenario logic, protobuf) is measured against this.
 */
const qr = JSON.stringify({ qrcode: 'https://code.yoti.com/CAEaJDlhMzg5MTRi', ref_id: 'bench-ref' });
const refs = JSON.stringify({
  name: 'Bench App',
  policy: 'CggKBnNlbGZpZQ==',
  application_id: 'bench-app',
  application_name: 'Bench App',
  receipt_bg_color: '#2D9FFF',
  callback_endpoint: 'http://127.0.0.1:3000/yoti/callback',
  sharing_token: '2z94Ix7B7t6B+C3aUSy/6bBuMzQJYZqEBbQa9fp3O6r0bqRgpp0VveojLu8FxdLT',
  session_data: '0LBGRyLy-422ef9b5-871f-4fba-8bed-e70bc4a1e650',
});

const server = createServer((req, res) => {
  const body = req.url?.includes('/qrcodes/refs/') ? refs : qr;
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
const wss = new WebSocketServer({ server });
wss.on('connection', (ws) => {
  const subscription = '0LBGRyLy-422ef9b5-871f-4fba-8bed-e70bc4a1e650';
  ws.send(JSON.stringify({ status: 'ACCEPTED', subscription }));
  ws.send(JSON.stringify({ status: 'COMPLETED', subscription, token: 'bench-token' }));
  ws.close(1000);
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`,
  );
});
