import { Hono } from 'hono';
import { SimError } from '../../provider.js';
import type { YotiAppRegistry } from './app-registry.js';

/**
 * /__admin/yoti: the scenario's apps and, for key pairs kyc-sim made, the private key a backend
 * needs (`curl -o key.pem $SIM/__admin/yoti/apps/<sdkId>/key.pem`). kyc-sim's own error format.
 */
export function yotiAdminRoutes(apps: YotiAppRegistry): Hono {
  const admin = new Hono();

  admin.get('/apps', async (c) => {
    const base = apps.ctx.baseUrl();
    const list = await Promise.all(
      apps.list().map(async (app) => {
        const key = await apps.key(app);
        return {
          sdkId: app.sdkId,
          name: app.name,
          applicationId: app.applicationId ?? app.sdkId,
          callbackEndpoint: app.callbackEndpoint,
          enabled: app.enabled,
          scenarios: app.scenarios.map((s) => s.id),
          key: {
            source: key.source,
            path: key.path,
            publicKey: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
            privateKeyUrl: key.privateKeyPem
              ? `${base}/__admin/yoti/apps/${encodeURIComponent(app.sdkId)}/key.pem`
              : undefined,
          },
        };
      }),
    );
    return c.json({ apps: list });
  });

  admin.get('/apps/:sdkId/key.pem', async (c) => {
    const sdkId = c.req.param('sdkId');
    const app = apps.find(sdkId);
    if (!app)
      throw SimError.notFound(`no Yoti app with sdkId ${sdkId} in the scenario`, {
        what: 'sdkIds',
        values: apps.list().map((a) => a.sdkId),
      });
    const key = await apps.key(app);
    if (!key.privateKeyPem) {
      throw new SimError(
        404,
        `app ${sdkId} has a registered public key; its private key never leaves its owner`,
      );
    }
    c.header('Content-Disposition', 'attachment; filename="key.pem"');
    return c.body(key.privateKeyPem, 200, { 'Content-Type': 'application/x-pem-file' });
  });

  return admin;
}
