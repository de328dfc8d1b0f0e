import { type Context, Hono } from 'hono';
import type { YotiAppRegistry } from '../auth/app-registry.js';
import { verifySignedRequest, type YotiSignedEnv } from '../auth/verify-signed-request.js';
import { readPayload } from '../read-payload.js';
import type { AnchorAuthority } from '../receipt/certificates.js';
import { digitalIdErrorResponse } from './errors.js';
import { shareSessionRequestSchema } from './payload.js';
import { receiptBody } from './receipts.js';
import { type DigitalIdSession, type DigitalIdSessions, itemKeyKey, qrKey, receiptKey } from './sessions.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** GET /v2/sessions/{id}: what the SDK's GetShareSessionResult reads. */
export function sessionView(s: DigitalIdSession): Record<string, unknown> {
  return {
    id: s.id,
    status: s.state,
    created: iso(s.createdAt),
    updated: iso(s.updatedAt),
    expiry: iso(s.data.expiresAt),
    ...(s.data.scannedQrCodeId ? { qrCode: { id: s.data.scannedQrCodeId } } : {}),
    ...(s.data.receipt ? { receipt: { id: s.data.receipt.id } } : {}),
  };
}

/**
 * The Digital ID API (https://api.yoti.com/share, mounted at /yoti/share): share sessions, their
 * QR codes, receipts and wrapped item keys, every call signed with the app in X-Yoti-Auth-Id.
 * Another app's session, QR code or receipt is a 404, as an unknown one.
 */
export function digitalIdApi(
  sessions: DigitalIdSessions,
  apps: YotiAppRegistry,
  ca: AnchorAuthority,
  prefix: string,
): Hono<YotiSignedEnv> {
  const app = new Hono<YotiSignedEnv>();
  const { ctx } = sessions;
  app.use('/v2/*', verifySignedRequest({ apps, prefix, errorResponse: digitalIdErrorResponse }));

  const notFound = (c: Context, what: string, id: string) =>
    digitalIdErrorResponse(c, { status: 404, code: 'NOT_FOUND', message: `No ${what} ${id} of this app` });
  const owned = (c: Context<YotiSignedEnv>, s: DigitalIdSession | undefined) =>
    s && s.data.sdkId === c.get('yotiApp').sdkId ? s : undefined;

  app.post('/v2/sessions', async (c) => {
    const payload = await readPayload(c, shareSessionRequestSchema, digitalIdErrorResponse);
    if (!payload.ok) return payload.response;
    const session = await sessions.create(c.get('yotiApp'), payload.value);
    c.set('sessionId', session.id);
    return c.json({ id: session.id, status: session.state, expiry: iso(session.data.expiresAt) });
  });

  app.get('/v2/sessions/:id', async (c) => {
    const session = owned(c, await sessions.get(c.req.param('id')));
    if (!session) return notFound(c, 'share session', c.req.param('id'));
    c.set('sessionId', session.id);
    return c.json(sessionView(session));
  });

  app.post('/v2/sessions/:id/qr-codes', async (c) => {
    const session = owned(c, await sessions.get(c.req.param('id')));
    if (!session) return notFound(c, 'share session', c.req.param('id'));
    c.set('sessionId', session.id);
    const added = await sessions.addQrCode(session.id);
    if (!added) {
      return digitalIdErrorResponse(c, {
        status: 400,
        code: 'SESSION_NOT_ACTIVE',
        message: `Share session ${session.id} has ended (${session.state}); create a new session`,
      });
    }
    return c.json({ id: added.qr.id, uri: added.qr.uri });
  });

  app.get('/v2/qr-codes/:id', async (c) => {
    const session = owned(c, await sessions.byLink(qrKey(c.req.param('id'))));
    if (!session) return notFound(c, 'QR code', c.req.param('id'));
    c.set('sessionId', session.id);
    const { request, expiresAt } = session.data;
    return c.json({
      id: c.req.param('id'),
      expiry: iso(expiresAt),
      policy: request.policy,
      extensions: request.extensions ?? [],
      session: { id: session.id, status: session.state, expiry: iso(expiresAt) },
      redirectUri: request.redirectUri,
    });
  });

  app.get('/v2/receipts/:receiptId', async (c) => {
    // The SDK sends the id URL-safe; Yoti hands it out in standard base64.
    const id = Buffer.from(c.req.param('receiptId'), 'base64').toString('base64');
    const session = owned(c, await sessions.byLink(receiptKey(id)));
    const receipt = session?.data.receipt;
    if (!session || !receipt) return notFound(c, 'receipt', c.req.param('receiptId'));
    c.set('sessionId', session.id);
    return c.json(await receiptBody(ctx, ca, session, receipt, c.get('yotiApp')));
  });

  app.get('/v2/wrapped-item-keys/:id', async (c) => {
    const session = owned(c, await sessions.byLink(itemKeyKey(c.req.param('id'))));
    const keys = session?.data.receipt?.keys;
    if (!session || !keys) return notFound(c, 'wrapped item key', c.req.param('id'));
    c.set('sessionId', session.id);
    return c.json({ id: keys.itemKeyId, iv: keys.iv, value: keys.wrappedItemKey });
  });

  return app;
}
