import { Hono } from 'hono';
import { SimError } from '../../provider.js';
import type { DigitalIdSessions } from '../digital-id/sessions.js';
import type { YotiContext } from '../schema.js';
import { decodePolicyNames, decodeQrCode } from '../share/qr-code.js';
import type { ShareData } from '../share/share-sessions.js';
import { pendingV2, readV2QrId, scanV2 } from './scan-v2.js';

const PENDING = ['WAITING', 'CONNECTED'];

/**
 * The virtual Yoti app's server side: it reads a QR code the way the phone app does — decode the
 * QrCodeMsg in the URL, then ask the simulator's own refs endpoint for the app's metadata — so the
 * journal shows the phone's lookup next to the kiosk's requests. Share and Decline are then the
 * share session's `complete` and `fail` actions. Digital ID (share v2) QR codes: ./scan-v2.ts.
 */
export function yotiAppRoutes(ctx: YotiContext, digitalId: DigitalIdSessions): Hono {
  const app = new Hono();

  app.get('/pending', async (c) => {
    const shares = await ctx.store.list({ provider: 'yoti', kind: 'share' });
    const pending = shares
      .filter((s) => PENDING.includes(s.state))
      .map((s) => ({
        id: s.id,
        state: s.state,
        qrcode: (s.data as Partial<ShareData>).qrcode,
        createdAt: s.createdAt,
      }));
    const all = [...pending, ...(await pendingV2(ctx))].sort((a, b) => b.createdAt - a.createdAt);
    return c.json({ pending: all });
  });

  app.post('/scan', async (c) => {
    const body = await c.req.json().catch(() => undefined);
    const url = (body as { url?: unknown } | null | undefined)?.url;
    if (typeof url !== 'string' || url.trim() === '') throw new SimError(400, 'expected {"url": "<QR URL>"}');
    const v2 = readV2QrId(url.trim());
    if (v2) return c.json(await scanV2(ctx, digitalId, v2));
    const qr = readQrUrl(url.trim());
    if ('error' in qr) throw new SimError(400, qr.error);

    const res = await fetch(`${ctx.baseUrl()}/yoti/api/v1.1/qrcodes/refs/${encodeURIComponent(qr.refId)}`, {
      headers: { 'user-agent': 'kyc-sim virtual Yoti app' },
    });
    const metadata = (await res.json()) as Record<string, unknown>;
    if (!res.ok) {
      throw new SimError(404, `the refs lookup answered ${res.status}: ${String(metadata.message)}`, {
        details: metadata,
      });
    }
    const session = await ctx.store.get(String(metadata.session_data));
    return c.json({
      refId: qr.refId,
      attributes: qr.attributes,
      appName: metadata.application_name,
      receiptBgColor: metadata.receipt_bg_color,
      callbackEndpoint: metadata.callback_endpoint,
      version: 1,
      session: session ? { id: session.id, state: session.state, kind: 'share' } : null,
      actions: { share: 'complete', decline: 'fail' },
      openStates: PENDING,
      metadata,
    });
  });
  return app;
}

/** `https://code.yoti.com/<base64url QrCodeMsg>` → the ref id and the attribute names its policy asks for. */
export function readQrUrl(url: string): { refId: string; attributes: string[] } | { error: string } {
  const payload =
    url
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? '';
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(payload)) {
    return { error: 'the URL does not end in a base64url QR payload (https://code.yoti.com/<payload>)' };
  }
  try {
    const fields = decodeQrCode(Buffer.from(payload, 'base64url'));
    if (!fields.refId) return { error: 'the QR payload has no ref id: it is not a Yoti QrCodeMsg' };
    return { refId: fields.refId, attributes: decodePolicyNames(fields.policy) };
  } catch (error) {
    return { error: `the QR payload is not a Yoti QrCodeMsg: ${(error as Error).message}` };
  }
}
