import type { RunningSimulator } from '../../simulator/server.js';
import { admin } from '../../test/support/simulator.js';
import { openSocket } from '../../test/support/ws.js';
import { SCENARIO_ID, SDK_ID } from './yoti-share-contract.js';

/**
 * Drives the real simulator into the provider states of the kiosk pact, only through its public
 * surface: the admin API (scenario, clock) and the Yoti share API itself.
 */
export async function loadShare(
  sim: RunningSimulator,
  outcome: Record<string, unknown>,
  ids: { sdkId?: string; scenarioId?: string } = {},
  lifetimeMs = 60_000,
): Promise<void> {
  await admin(sim, 'PUT', '/scenario', {
    name: 'pact provider state',
    seed: 11,
    yoti: {
      apps: [
        {
          sdkId: ids.sdkId ?? SDK_ID,
          name: 'Pact Kiosk App',
          callbackEndpoint: 'https://rp.example.com/yoti/callback',
          scenarios: [{ id: ids.scenarioId ?? SCENARIO_ID, outcome, lifetimeMs }],
        },
      ],
    },
  });
}

/** Issues a QR code through the share API; returns its ref_id and session_data. */
export async function issueQrCode(sim: RunningSimulator): Promise<{ refId: string; sessionData: string }> {
  const qr = await fetch(`${sim.url}/yoti/api/v1.1/sessions/apps/${SDK_ID}/scenarios/${SCENARIO_ID}`);
  if (!qr.ok) throw new Error(`QR request answered ${qr.status}: ${await qr.text()}`);
  const { ref_id: refId } = (await qr.json()) as { ref_id: string };
  const refs = await fetch(`${sim.url}/yoti/api/v1.1/qrcodes/refs/${refId}`);
  const { session_data: sessionData } = (await refs.json()) as { session_data: string };
  return { refId, sessionData };
}

const wsBase = (sim: RunningSimulator) => `${sim.url.replace(/^http/, 'ws')}/yoti/api/v1.1/connect-sessions/`;

/**
 * Opens a real websocket on the current scenario's session (or on `sessionData`), subscribes like
 * the kiosk does, optionally moves the manual clock after ACCEPTED, and returns the first frame
 * with `status` — exactly as the simulator's socket code sent it.
 */
export async function frameFromSimulator(
  sim: RunningSimulator,
  status: string,
  options: { sessionData?: string; advanceMs?: number } = {},
): Promise<Record<string, unknown>> {
  const sessionData = options.sessionData ?? (await issueQrCode(sim)).sessionData;
  const socket = await openSocket(`${wsBase(sim)}${encodeURIComponent(sessionData)}`);
  try {
    socket.ws.send(JSON.stringify({ subscription: sessionData }));
    if (options.advanceMs !== undefined) {
      await socket.next((m) => m.status === 'ACCEPTED');
      await admin(sim, 'POST', '/clock/advance', { ms: options.advanceMs });
    }
    return await socket.next((m) => m.status === status);
  } finally {
    socket.ws.close();
  }
}
