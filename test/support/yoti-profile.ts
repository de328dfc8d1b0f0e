import { Client } from 'yoti';
import type { RunningSimulator } from '../../simulator/server.js';
import { admin } from './simulator.js';
import { openSocket } from './ws.js';
import { resolveRef, socketUrl } from './yoti-share.js';

/** The official SDK pointed at the simulator, configured only by its API URL. */
export const yotiClient = (sim: RunningSimulator, sdkId: string, pem: string) =>
  new Client(sdkId, pem, { apiUrl: `${sim.url}/yoti/api/v1` });

/**
 * What the kiosk does after showing a QR: resolve the ref, subscribe, and wait for COMPLETED
 * (moving the manual clock past the scenario's delay). Returns the token for the backend.
 */
export async function completeShare(sim: RunningSimulator, refId: string, afterMs = 3000) {
  const meta = await resolveRef(sim, refId);
  const socket = await openSocket(socketUrl(sim, meta.session_data));
  await socket.next((m) => m.status === 'ACCEPTED');
  await admin(sim, 'POST', '/clock/advance', { ms: afterMs });
  const done = await socket.next((m) => m.status !== 'ACCEPTED');
  socket.ws.close();
  return { token: done.token as string, status: done.status as string, sessionData: meta.session_data, meta };
}

export async function downloadKey(sim: RunningSimulator, sdkId: string): Promise<string> {
  const res = await fetch(`${sim.url}/__admin/yoti/apps/${sdkId}/key.pem`);
  if (!res.ok) throw new Error(`key.pem: ${res.status} ${await res.text()}`);
  return res.text();
}
