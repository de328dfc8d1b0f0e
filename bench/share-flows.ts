import WebSocket from 'ws';

/** Runs complete share flows (QR → refs → websocket → COMPLETED) with `concurrency` workers. */
export async function shareFlowsPerSecond(
  base: string,
  qrPath: string,
  { durationMs = 5_000, concurrency = 16 } = {},
): Promise<number> {
  const deadline = performance.now() + durationMs;
  let completed = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const qr = (await (await fetch(`${base}${qrPath}`)).json()) as { ref_id: string };
      const ref = (await (await fetch(`${base}/yoti/api/v1.1/qrcodes/refs/${qr.ref_id}`)).json()) as {
        session_data: string;
      };
      await new Promise<void>((resolve, reject) => {
        const ws = new WebSocket(
          `${base.replace('http', 'ws')}/yoti/api/v1.1/connect-sessions/${ref.session_data}`,
        );
        ws.on('message', (data) => {
          if (JSON.parse(data.toString()).status === 'COMPLETED') {
            completed++;
            ws.close();
            resolve();
          }
        });
        ws.on('error', reject);
      });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return completed / ((performance.now() - started) / 1000);
}
