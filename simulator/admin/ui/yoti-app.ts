import { Hono } from 'hono';
import { decodePolicyNames, decodeQrCode } from '../../providers/yoti/share/qr-code.js';
import type { ShareData } from '../../providers/yoti/share/share-sessions.js';
import type { Runtime } from '../../runtime.js';
import { readJson } from '../read-json.js';

const PENDING = ['WAITING', 'CONNECTED'];

/**
 * The virtual Yoti app's server side: it reads a QR code the way the phone app does — decode the
 * QrCodeMsg in the URL, then ask the simulator's own refs endpoint for the app's metadata — so the
 * journal shows the phone's lookup next to the kiosk's requests. Share and Decline are then the
 * share session's `complete` and `fail` actions.
 */
export function yotiAppRoutes(runtime: Runtime): Hono {
  const app = new Hono();

  app.get('/yoti/pending', async (c) => {
    const shares = await runtime.store.list({ provider: 'yoti', kind: 'share' });
    const pending = shares
      .filter((s) => PENDING.includes(s.state))
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((s) => ({
        id: s.id,
        state: s.state,
        qrcode: (s.data as Partial<ShareData>).qrcode,
        createdAt: s.createdAt,
      }));
    return c.json({ pending });
  });

  app.post('/yoti/scan', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const url = (body.value as { url?: unknown } | null)?.url;
    if (typeof url !== 'string' || url.trim() === '')
      return c.json({ error: 'expected {"url": "<QR URL>"}' }, 400);
    const qr = readQrUrl(url.trim());
    if ('error' in qr) return c.json(qr, 400);

    const res = await fetch(
      `${runtime.ctx.baseUrl()}/yoti/api/v1.1/qrcodes/refs/${encodeURIComponent(qr.refId)}`,
      {
        headers: { 'user-agent': 'kyc-sim virtual Yoti app' },
      },
    );
    const metadata = (await res.json()) as Record<string, unknown>;
    if (!res.ok) {
      return c.json(
        { error: `the refs lookup answered ${res.status}: ${String(metadata.message)}`, metadata },
        404,
      );
    }
    const session = await runtime.store.get(String(metadata.session_data));
    return c.json({
      refId: qr.refId,
      attributes: qr.attributes,
      appName: metadata.application_name,
      receiptBgColor: metadata.receipt_bg_color,
      callbackEndpoint: metadata.callback_endpoint,
      session: session ? { id: session.id, state: session.state } : null,
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
