import { join } from 'node:path';
import { qrCodeMsgType } from '../../clients/yoti-share/proto.js';

/**
 * Names shared by the consumer tests of the kiosk client and the verification of the simulator:
 * the parties, provider states and message descriptions must be spelled the same on both sides.
 */
export const CONSUMER = 'yoti-kiosk-client';
export const YOTI_PROVIDER = 'yoti-share-api';
export const BACKEND_PROVIDER = 'kiosk-backend';
export const PACT_DIR = join(import.meta.dirname, '..', 'pacts');
export const yotiPactFile = join(PACT_DIR, `${CONSUMER}-${YOTI_PROVIDER}.json`);
export const backendPactFile = join(PACT_DIR, `${CONSUMER}-${BACKEND_PROVIDER}.json`);

export const SDK_ID = '8b1f0a2e-6c3d-4f5a-9b7e-2d4c6a8e0f13';
export const SCENARIO_ID = '5c7d9e1f-3a2b-4c6d-8e0f-1a3b5c7d9e2f';
export const EXAMPLE_REF_ID = '9a38914b-84d0-4b7f-943b-d370f6c7a5ec';
export const EXAMPLE_SESSION_DATA = '0LBGRyLy-422ef9b5-871f-4fba-8bed-e70bc4a1e650';
export const EXAMPLE_TOKEN = 'egouerghwl4itjxpri4oty5ihfli4yg7tgbnkrliu';

export const STATES = {
  appWithScenario: 'a Yoti app with a share scenario',
  noApp: 'no Yoti app with that sdkId',
  qrIssued: 'a QR code has been issued',
  noRef: 'no QR code with that ref_id',
  sessionLive: 'a scanned share session waiting for the user',
  sessionUnknown: 'no share session with that session_data',
  sessionCompletes: 'a scanned share session that the user completes',
  sessionFails: 'a scanned share session that fails',
  sessionTimesOut: 'a scanned share session whose lifetime runs out',
} as const;

export const MESSAGES = {
  accepted: 'an ACCEPTED message for a live session',
  rejected: 'a REJECTED message for an unknown session',
  completed: 'a COMPLETED message with a token',
  failed: 'a FAILED message',
  timedOut: 'a TIMED_OUT message',
} as const;

/** A QR URL whose QrCodeMsg carries EXAMPLE_REF_ID, as the pact's example answer. */
export function exampleQrUrl(refId = EXAMPLE_REF_ID): string {
  const type = qrCodeMsgType();
  const bytes = type
    .encode(type.create({ issuer: 1, refId: Buffer.from(refId, 'utf8'), transport: 2 }))
    .finish();
  return `https://code.yoti.com/${Buffer.from(bytes).toString('base64url')}`;
}
