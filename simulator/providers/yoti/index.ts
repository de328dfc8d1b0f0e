import { Hono } from 'hono';
import { z } from 'zod';
import { MiB } from '../../engine/body.js';
import { ActionError, type ProviderDefinition, type SessionAction, type SimEnv } from '../provider.js';
import { amlRoutes } from './aml/routes.js';
import { yotiAdminRoutes } from './auth/admin-routes.js';
import { YotiAppRegistry } from './auth/app-registry.js';
import { createDigitalId } from './digital-id/index.js';
import { yotiErrorResponse } from './errors.js';
import { createIdv } from './idv/index.js';
import { profileRoutes } from './profile/routes.js';
import { qrImageRoutes } from './qr-image.js';
import { Receipts } from './receipt/receipts.js';
import { sandboxRoutes } from './sandbox/routes.js';
import { sdkSettingLines } from './sdk-settings.js';
import { shareRoutes } from './share/routes.js';
import { ENDED, ShareSessions, type ShareState } from './share/share-sessions.js';
import { connectSessionsSocket } from './share/socket.js';

/** Yoti: https://api.yoti.com mounted at /yoti, paths below it exactly as Yoti's. */
export const yotiProvider: ProviderDefinition = {
  name: 'yoti',
  prefix: '/yoti',
  clientHints: (base) => [
    'Yoti, by official SDK (docs/yoti-sdks.md):',
    ...sdkSettingLines(base).map((line) => `  ${line}`),
    `Yoti Digital ID web client: ${base}/yoti/share/client/v2`,
    `Yoti share (kiosk QR codes, refs, ws connect-sessions): ${base}/yoti/api/v1.1`,
    `Yoti sandbox: ${base}/yoti/sandbox/v1 (tokens and profile), ${base}/yoti/sandbox/idverify/v1`,
  ],
  // Selfie uploads are megabytes; IDV session specs and sandbox configurations are the largest JSON.
  bodyLimit: (_method, path) => (/\/face-capture\/[^/]+\/image$/.test(path) ? 16 * MiB : 1 * MiB),
  errorResponse: yotiErrorResponse,
  create(ctx) {
    // Apps, keys and nonces of this simulator. Signed APIs guard their routes with
    // verifySignedRequest({ apps, prefix }) from ./auth/verify-signed-request.ts.
    const apps = new YotiAppRegistry(ctx);
    const receipts = new Receipts(ctx, apps);
    const shares = new ShareSessions(ctx, receipts.minter);
    const app = new Hono<SimEnv>();
    app.route('/', shareRoutes(ctx, shares));
    app.route('/', profileRoutes(apps, receipts, shares));
    app.route('/', amlRoutes(apps));
    app.route('/', sandboxRoutes(ctx, apps, receipts));
    app.route('/', qrImageRoutes());
    const idv = createIdv(ctx, apps);
    app.route('/', idv.app);
    const digitalId = createDigitalId(ctx, apps, receipts.ca);
    app.route('/', digitalId.app);

    const shareAction = <P extends z.ZodType>(
      description: string,
      params: P,
      decide: (id: string, params: z.output<P>) => Promise<boolean>,
    ): SessionAction<P> => ({
      description,
      params,
      async run(session, input) {
        if (ENDED.includes(session.state as ShareState)) {
          throw new ActionError(`share session ${session.id} has already ended (${session.state})`, 409);
        }
        // Another decision may land between the check above and this one: only one wins.
        if (!(await decide(session.id, input)))
          throw new ActionError(`share session ${session.id} has already ended`, 409);
      },
    });

    return {
      app,
      adminApp: yotiAdminRoutes(apps),
      sockets: [connectSessionsSocket(shares)],
      actions: {
        idv: idv.actions,
        'digital-id': digitalId.actions,
        share: {
          complete: shareAction(
            'The user shares: COMPLETED with a token',
            z.object({ profile: z.record(z.string(), z.unknown()).optional() }).strict(),
            (id, p) => shares.finish(id, 'COMPLETED', 'admin action', p.profile),
          ),
          fail: shareAction('The share fails: FAILED', z.object({}).passthrough(), (id) =>
            shares.finish(id, 'FAILED', 'admin action'),
          ),
          'time-out': shareAction('The session times out: TIMED_OUT', z.object({}).passthrough(), (id) =>
            shares.finish(id, 'TIMED_OUT', 'admin action'),
          ),
        },
      },
      onScenarioLoaded: async () => {
        shares.clearTimers();
        idv.clearTimers();
        digitalId.clearTimers();
        await apps.reload();
      },
      close: () => {
        shares.clearTimers();
        idv.clearTimers();
        digitalId.clearTimers();
      },
    };
  },
};
