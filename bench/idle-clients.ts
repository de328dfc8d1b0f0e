import { createInterface } from 'node:readline';
import WebSocket from 'ws';

/**
 * Opens `count` share websockets against kyc-sim at `base` and holds them, each subscribed to a
 * share of its own (QR code and refs fetched first, as the app does). Sockets come from several
 * loopback addresses, since one source address has only ~28k ephemeral ports towards one port.
 * Prints `{"held":…}` when done; each line on stdin asks again how many are still open.
 */
const [base, countArg, qrPath] = process.argv.slice(2);
const count = Number(countArg);
const SOURCES = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'];

async function pool<T>(n: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      out[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

const started = performance.now();
const shares = await pool(count, 64, async () => {
  const qr = (await (await fetch(`${base}${qrPath}`)).json()) as { ref_id: string };
  const refs = (await (await fetch(`${base}/yoti/api/v1.1/qrcodes/refs/${qr.ref_id}`)).json()) as {
    session_data: string;
  };
  return refs.session_data;
});
const sharesMs = performance.now() - started;
process.stdout.write(`${JSON.stringify({ shares: shares.length, ms: Math.round(sharesMs) })}\n`);

// Wait for the runner to read the server's memory with the shares alone.
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
await lines.next();

let open = 0;
let failed = 0;
let firstError: string | undefined;
const sockets: WebSocket[] = [];
const socketsStarted = performance.now();
await pool(count, 256, (i) => {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/yoti/api/v1.1/connect-sessions/${shares[i]}`, {
    localAddress: SOURCES[i % SOURCES.length],
    perMessageDeflate: false,
  });
  sockets.push(ws);
  return new Promise<void>((resolve) => {
    let accepted = false;
    ws.once('message', (data) => {
      accepted = JSON.parse(data.toString()).status === 'ACCEPTED';
      if (accepted) open++;
      resolve();
    });
    ws.once('close', () => {
      if (accepted) open--;
      resolve();
    });
    ws.once('error', (error) => {
      failed++;
      firstError ??= error.message;
      resolve();
    });
  });
});
const socketsMs = Math.round(performance.now() - socketsStarted);
const report = () =>
  process.stdout.write(`${JSON.stringify({ held: open, failed, firstError, ms: socketsMs })}\n`);
report();
for (;;) {
  const line = await lines.next();
  if (line.done) break;
  report();
}
for (const ws of sockets) ws.terminate();
