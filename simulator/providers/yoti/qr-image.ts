import { Hono } from 'hono';
import { z } from 'zod';
import { type QrImageType, renderQr } from '../../engine/qr.js';
import type { SimEnv } from '../provider.js';
import { yotiErrorResponse } from './errors.js';

/** The image formats Yoti's QR image endpoint renders, by the media type a client asks for. */
export const QR_IMAGE_TYPES: Record<QrImageType, string> = { 'image/svg+xml': 'svg', 'image/png': 'png' };
export type { QrImageType };

/**
 * The first image type the Accept header names, by q-value then order. Wildcards (`*\/*`,
 * `image/*`) do not count: the endpoint wants the client to say which of the two it means.
 */
export function negotiateQrImageType(accept: string | undefined): QrImageType | undefined {
  const ranges = (accept ?? '')
    .split(',')
    .map((part, order) => {
      const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return { type, q: q ? Number(q.slice(2)) : 1, order };
    })
    .filter((r) => r.q > 0 && r.type in QR_IMAGE_TYPES)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranges[0]?.type as QrImageType | undefined;
}

/** The body of `POST /api/v1/qrcodes/image`: the text to draw. */
export const qrImageBody = z.object({
  url: z.string().trim().min(1, 'must not be empty').describe('The text the QR code holds, e.g. a share URL'),
});

/** `POST /api/v1/qrcodes/image` with `{"url": ...}`: the QR code as SVG or PNG, by Accept. */
export function qrImageRoutes(): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  app.post('/api/v1/qrcodes/image', async (c) => {
    const accept = c.req.header('accept');
    const type = negotiateQrImageType(accept);
    if (!type) {
      return yotiErrorResponse(c, {
        status: 406,
        code: 'NOT_ACCEPTABLE',
        message: `Accept must be image/svg+xml or image/png (got ${accept ? JSON.stringify(accept) : 'none'})`,
      });
    }
    const body = qrImageBody.safeParse(readJson(await c.req.text()));
    if (!body.success) {
      return yotiErrorResponse(c, {
        status: 400,
        code: 'BAD_REQUEST',
        message: 'The body must be JSON with a non-empty "url" string',
        details: [{ property: 'url', message: 'must not be empty' }],
      });
    }
    try {
      const image = await renderQr(body.data.url, type);
      return c.body(typeof image === 'string' ? image : new Uint8Array(image), 200, { 'content-type': type });
    } catch (error) {
      return yotiErrorResponse(c, {
        status: 400,
        code: 'BAD_REQUEST',
        message: `The url cannot be rendered as a QR code: ${(error as Error).message}`,
        details: [{ property: 'url', message: 'too long for a QR code' }],
      });
    }
  });
  return app;
}

/** The body as JSON, if it is JSON at all (the journal has read the raw body already; Hono caches the text). */
function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
