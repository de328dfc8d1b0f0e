import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { renderQr } from '../../../engine/qr.js';
import { packageRoot } from '../../../paths.js';
import type { SimEnv } from '../../provider.js';
import { digitalIdErrorResponse } from './errors.js';
import type { DigitalIdSession, DigitalIdSessions } from './sessions.js';

/** The stand-in for https://www.yoti.com/share/client/v2; only .ts is compiled, so read from the package. */
export const SHARE_CLIENT_JS_PATH = join(
  packageRoot,
  'simulator/providers/yoti/digital-id/assets/share-client.js',
);

/** What the web share client's stand-in asks of the virtual Yoti app. */
export const appAction = z.object({
  action: z.enum(['scan', 'share', 'decline', 'fail']),
  error: z.string().min(1).optional(),
});

/** The page names its app; a session of another app is not found. */
export const webClientQuery = z.object({
  sdkId: z.string().optional().describe("The page's app (clientSdkId)"),
});

/**
 * Yoti's web share client, stood in: the script a page loads, and the browser-facing endpoints it
 * calls (the simulator's own design, not Yoti's) to show the QR code of the session the page's
 * `sessionIdResolver` gives, follow its status, and play the Yoti app. The page names its app by
 * `sdkId`; another app's session is a 404. CORS is open (app.ts grants any origin on provider paths):
 * the page runs on the integrator's origin.
 */
export function webShareClientRoutes(sessions: DigitalIdSessions): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  const script = readFileSync(SHARE_CLIENT_JS_PATH, 'utf8');

  app.get('/share/client/v2', (c) =>
    c.body(script, 200, { 'content-type': 'text/javascript; charset=UTF-8', 'cache-control': 'no-cache' }),
  );

  const find = async (c: Context<SimEnv>): Promise<DigitalIdSession | Response> => {
    const id = c.req.param('id') ?? '';
    const session = await sessions.get(id);
    const { sdkId } = webClientQuery.parse(c.req.query());
    if (!session || session.data.sdkId !== sdkId) {
      return digitalIdErrorResponse(c, {
        status: 404,
        code: 'NOT_FOUND',
        message: `No share session ${id} of app ${sdkId ?? '(no sdkId)'}; sessionIdResolver must return an id from createShareSession of the app named by sdkId`,
      });
    }
    c.set('sessionId', session.id);
    return session;
  };

  /** The session as the page shows it; a CREATED session without a QR code gets one, as Yoti's client asks for it. */
  app.get('/share/client/v2/sessions/:id', async (c) => {
    let session = await find(c);
    if (session instanceof Response) return session;
    if (session.state === 'CREATED' && session.data.qrCodes.length === 0) {
      session = (await sessions.addQrCode(session.id))?.session ?? session;
    }
    return c.json(await view(session));
  });

  app.post('/share/client/v2/sessions/:id/app', async (c) => {
    const session = await find(c);
    if (session instanceof Response) return session;
    const parsed = appAction.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      return digitalIdErrorResponse(c, {
        status: 400,
        code: 'BAD_REQUEST',
        message: 'expected {"action": "scan" | "share" | "decline" | "fail", "error"?: string}',
      });
    }
    const { action, error } = parsed.data;
    const done =
      action === 'scan'
        ? await sessions.scan(session.id, session.data.qrCodes.at(-1)?.id)
        : action === 'share'
          ? await sessions.share(session.id, 'web share client')
          : action === 'fail'
            ? await sessions.fail(session.id, 'web share client', {
                error: error ?? 'MANDATORY_DOCUMENT_NOT_PROVIDED',
              })
            : await sessions.end(session.id, 'CANCELLED', 'web share client');
    const after = (await sessions.get(session.id)) ?? session;
    if (!done) {
      return digitalIdErrorResponse(c, {
        status: 409,
        code: 'SESSION_NOT_ACTIVE',
        message: `share session ${session.id} is ${after.state}: ${action} changes nothing`,
      });
    }
    return c.json(await view(after));
  });

  return app;
}

async function view(session: DigitalIdSession) {
  const qr = session.data.qrCodes.at(-1);
  return {
    id: session.id,
    status: session.state,
    expiry: new Date(session.data.expiresAt).toISOString(),
    qrCode: qr ? { id: qr.id, uri: qr.uri, svg: await renderQr(qr.uri, 'image/svg+xml') } : null,
    receiptId: session.data.receipt?.id ?? null,
  };
}
