import { Hono } from 'hono';
import type { YotiAppRegistry } from '../auth/app-registry.js';
import { verifySignedRequest, type YotiSignedEnv } from '../auth/verify-signed-request.js';
import { readPayload } from '../read-payload.js';
import type { ReceiptData, Receipts } from '../receipt/receipts.js';
import type { ShareResult } from '../receipt/share-result.js';
import type { YotiContext } from '../schema.js';
import { sandboxAttributes, sandboxExtraData, tokenRequestSchema } from './token-request.js';

/**
 * Yoti's hosted sandbox token API (https://api.yoti.com/sandbox/v1), so code written against the
 * sandbox runs on kyc-sim by changing its URL: the token shares exactly the posted attributes.
 */
export function sandboxRoutes(
  ctx: YotiContext,
  apps: YotiAppRegistry,
  receipts: Receipts,
): Hono<YotiSignedEnv> {
  const app = new Hono<YotiSignedEnv>();
  const signed = verifySignedRequest({ apps, prefix: '/yoti/sandbox/v1', appIdParam: 'sdkId' });

  app.post('/sandbox/v1/apps/:sdkId/tokens', signed, async (c) => {
    const yotiApp = c.get('yotiApp');
    const payload = await readPayload(c, tokenRequestSchema);
    if (!payload.ok) return payload.response;
    const now = ctx.clock.now();
    const random = ctx.random();
    const shared: ShareResult = {
      receiptId: random.bytes(32).toString('base64'),
      sharedAt: now,
      attributes: sandboxAttributes(payload.value, new Date(now)),
      // Yoti's sandbox answers the base64 of the posted id (the SDK examples decode it to compare).
      rememberMeId: payload.value.remember_me_id
        ? Buffer.from(payload.value.remember_me_id).toString('base64')
        : '',
      parentRememberMeId: '',
      sharingOutcome: 'SUCCESS',
      extraData: sandboxExtraData(payload.value),
    };
    const id = `sandbox-${random.uuid()}`;
    await ctx.store.put<ReceiptData>({
      id,
      provider: 'yoti',
      kind: 'sandbox-token',
      state: 'COMPLETED',
      createdAt: now,
      updatedAt: now,
      data: { sdkId: yotiApp.sdkId, shared },
      timeline: [
        { at: now, event: 'token-created', detail: { attributes: shared.attributes.map((a) => a.name) } },
      ],
    });
    c.set('sessionId', id);
    return c.json({ token: await receipts.issueToken(yotiApp.sdkId, id) }, 201);
  });

  return app;
}
