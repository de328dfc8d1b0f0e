import { Hono } from 'hono';
import { MiB } from '../../engine/body.js';
import { defineProvider, type SimEnv } from '../provider.js';
import { amlRoutes } from './aml/routes.js';
import { yotiAdminOperations, yotiApi, yotiSocketApi } from './api.js';
import { yotiAdminRoutes } from './auth/admin-routes.js';
import { YotiAppRegistry } from './auth/app-registry.js';
import { writeYotiKeyPair } from './auth/key-pair.js';
import { yotiAppPanel } from './console/panel.js';
import { yotiAppRoutes } from './console/routes.js';
import { createDigitalId } from './digital-id/index.js';
import { yotiErrorResponse } from './errors.js';
import { createIdv } from './idv/index.js';
import { profileRoutes } from './profile/routes.js';
import { qrImageRoutes } from './qr-image.js';
import { Receipts } from './receipt/receipts.js';
import { sandboxRoutes } from './sandbox/routes.js';
import { yotiScenarioSchema } from './schema.js';
import { sdkSettingLines } from './sdk-settings.js';
import { shareRoutes } from './share/routes.js';
import { ShareSessions } from './share/share-sessions.js';
import { connectSessionsSocket } from './share/socket.js';

/** Yoti: https://api.yoti.com mounted at /yoti, paths below it exactly as Yoti's. */
const PREFIX = '/yoti';

export const yotiProvider = defineProvider({
  name: 'yoti',
  scenario: yotiScenarioSchema,
  prefix: PREFIX,
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
  console: yotiAppPanel,
  commands: [
    {
      name: 'keys',
      description:
        'write a new Yoti app key pair: key.pem (private, for the SDK) and public.pem (for a scenario)',
      options: [{ flags: '--out <dir>', description: 'folder to write to', default: '.' }],
      async run({ out }) {
        const { privatePath, publicPath } = await writeYotiKeyPair(out);
        return `wrote ${privatePath} (give it to the Yoti SDK)\nwrote ${publicPath} (register it: yoti.apps[].publicKey)\n`;
      },
    },
  ],
  api: yotiApi,
  socketApi: yotiSocketApi,
  adminOperations: yotiAdminOperations,
  create(ctx) {
    // Apps, keys and nonces of this simulator. Signed APIs guard their routes with
    // verifySignedRequest({ apps, prefix }) from ./auth/verify-signed-request.ts.
    const apps = new YotiAppRegistry(ctx);
    const receipts = new Receipts(ctx, apps);
    const shares = new ShareSessions(ctx, receipts.minter);
    const app = new Hono<SimEnv>();
    const share = shareRoutes(ctx, shares, PREFIX);
    app.route('/', share.app);
    app.route('/', profileRoutes(apps, receipts, shares));
    app.route('/', amlRoutes(apps));
    app.route('/', sandboxRoutes(ctx, apps, receipts));
    app.route('/', qrImageRoutes());
    const idv = createIdv(ctx, apps);
    app.route('/', idv.app);
    const digitalId = createDigitalId(ctx, apps, receipts.ca);
    app.route('/', digitalId.app);

    return {
      app,
      adminApp: yotiAdminRoutes(apps),
      consoleApp: yotiAppRoutes(ctx, digitalId.sessions),
      sockets: [connectSessionsSocket(shares)],
      direct: share.direct,
      onScenarioLoaded: async () => {
        idv.sessions.clearAppResponseConfigs();
        await apps.reload();
      },
      onScenarioChanged: () => apps.reload(),
    };
  },
});
