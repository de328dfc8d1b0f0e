import { decodeQrCode } from '../../simulator/providers/yoti/share/qr-code.js';
import type { RunningSimulator } from '../../simulator/server.js';

/** The first two steps of the non-browser guide, done plainly for tests of the simulator itself. */
export async function requestQr(sim: RunningSimulator, sdkId: string, scenarioId: string) {
  const res = await fetch(`${sim.url}/yoti/api/v1.1/sessions/apps/${sdkId}/scenarios/${scenarioId}`);
  if (!res.ok) throw new Error(`QR request failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { qrcode: string; ref_id: string };
  const qr = decodeQrCode(Buffer.from(body.qrcode.replace(/^.*\//, ''), 'base64url'));
  return { ...body, qr };
}

export async function resolveRef(sim: RunningSimulator, refId: string) {
  const res = await fetch(`${sim.url}/yoti/api/v1.1/qrcodes/refs/${refId}`);
  if (!res.ok) throw new Error(`refs failed: ${res.status}`);
  return (await res.json()) as Record<string, string>;
}

export const socketUrl = (sim: RunningSimulator, sessionData: string) =>
  `${sim.url.replace('http', 'ws')}/yoti/api/v1.1/connect-sessions/${sessionData}`;
