import { SimError } from '../../provider.js';
import { DIGITAL_ID_KIND, type DigitalIdSessions, qrKey } from '../digital-id/sessions.js';
import type { YotiContext } from '../schema.js';

/** A Digital ID (share v2) QR code URL ends in its id: `<qrBaseUrl>qr.v2.<random>`. */
export function readV2QrId(url: string): string | undefined {
  const last =
    url
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? '';
  return /^qr\.v2\.[A-Za-z0-9_-]+$/.test(last) ? last : undefined;
}

/** States in which the user can still share or decline. */
export const V2_OPEN_STATES = ['CREATED', 'IN_PROGRESS'];

/**
 * The virtual Yoti app reads a Digital ID QR code as the phone does: the session behind it moves
 * to IN_PROGRESS (its scenario script starts) and the app shows what the relying party asks for.
 * Share and Decline are then the session's `share` and `decline` actions.
 */
export async function scanV2(ctx: YotiContext, sessions: DigitalIdSessions, qrCodeId: string) {
  const found = await sessions.byLink(qrKey(qrCodeId));
  if (!found) throw new SimError(404, `no Digital ID share session has the QR code ${qrCodeId}`);
  if (found.state === 'CREATED') await sessions.scan(found.id, qrCodeId);
  const session = (await sessions.get(found.id)) ?? found;
  const app = ctx.section().apps.find((a) => a.sdkId === session.data.sdkId);
  const { policy } = session.data.request;
  return {
    version: 2,
    qrCodeId,
    attributes: policy.wanted.map((w) => w.name),
    identityProfile: Boolean(
      policy.identity_profile_requirements ?? policy.advanced_identity_profile_requirements,
    ),
    appName: app?.name,
    receiptBgColor: app?.receiptBgColor,
    session: { id: session.id, state: session.state, kind: DIGITAL_ID_KIND },
    actions: { share: 'share', decline: 'decline' },
    openStates: V2_OPEN_STATES,
  };
}

/** Digital ID sessions the user could still scan, with their latest QR code. */
export async function pendingV2(ctx: YotiContext) {
  const sessions = await ctx.store.list({ provider: 'yoti', kind: DIGITAL_ID_KIND });
  return sessions.flatMap((s) => {
    const qrCodes = (s.data as { qrCodes?: { uri: string }[] }).qrCodes ?? [];
    const latest = qrCodes.at(-1);
    return V2_OPEN_STATES.includes(s.state) && latest
      ? [{ id: s.id, state: s.state, qrcode: latest.uri, createdAt: s.createdAt }]
      : [];
  });
}
