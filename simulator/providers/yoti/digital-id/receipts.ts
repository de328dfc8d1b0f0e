import { constants, createCipheriv, publicEncrypt, randomBytes } from 'node:crypto';
import type { YotiAppRegistry } from '../auth/app-registry.js';
import { encryptContents } from '../receipt/build-receipt.js';
import type { AnchorAuthority } from '../receipt/certificates.js';
import { generatePerson } from '../receipt/person.js';
import { resolveShare } from '../receipt/share-result.js';
import type { YotiApp, YotiContext } from '../schema.js';
import { identityProfileAttributes } from './identity-profile.js';
import { hasIdentityProfile, wantedOf } from './payload.js';
import type { DigitalIdSession, ReceiptIssuer, ReceiptKeys, StoredReceipt } from './sessions.js';

/**
 * Receipts of Digital ID shares. What the user shared is decided when the share ends and kept
 * in the session; a fetch encrypts it afresh under the receipt key fixed then. The receipt key
 * is wrapped twice, as the SDK's getShareReceipt unwraps it: AES-256-GCM under an item key
 * (`wrappedKey`, tag appended), and the item key RSA-PKCS#1-v1.5 under the app public key
 * (`GET /v2/wrapped-item-keys/{id}` → `{id, iv, value}`).
 */
export function receiptIssuer(ctx: YotiContext, apps: YotiAppRegistry): ReceiptIssuer {
  return async (session, ending) => {
    const issuedAt = ctx.clock.now();
    const { sdkId, request, outcome } = session.data;
    const id = ctx.random().bytes(48).toString('base64');
    if (ending.state === 'FAILED') {
      return {
        id,
        issuedAt,
        error: ending.error,
        ...(ending.errorReason ? { errorReason: ending.errorReason } : {}),
      };
    }
    const scripted = outcome.type === 'share' ? outcome : undefined;
    const supplied = ending.profile ?? scripted?.profile ?? {};
    const person = generatePerson(await ctx.faker());
    const shared = await resolveShare(ctx, sdkId, { wanted: wantedOf(request.policy), supplied, person });
    if (hasIdentityProfile(request.policy)) {
      const verdict = scripted?.identityProfile ?? { requirementsMet: true, requirementsNotMetInfo: '' };
      shared.attributes.push(
        ...identityProfileAttributes(request.policy, person, supplied, verdict, ctx.random(), issuedAt),
      );
    }
    return { id, issuedAt, shared: { ...shared, receiptId: id }, keys: await wrapKeys(ctx, apps, sdkId) };
  };
}

async function wrapKeys(ctx: YotiContext, apps: YotiAppRegistry, sdkId: string): Promise<ReceiptKeys> {
  const app = apps.find(sdkId);
  if (!app) throw new Error(`Yoti app ${sdkId} is no longer in the scenario`);
  const { publicKey } = await apps.key(app);
  const receiptKey = randomBytes(32);
  const itemKey = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', itemKey, iv);
  const wrapped = Buffer.concat([cipher.update(receiptKey), cipher.final(), cipher.getAuthTag()]);
  return {
    itemKeyId: ctx.random().bytes(24).toString('base64url'),
    receiptKey: receiptKey.toString('base64'),
    wrappedKey: wrapped.toString('base64'),
    iv: iv.toString('base64'),
    wrappedItemKey: publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, itemKey).toString(
      'base64',
    ),
  };
}

/** The body of GET /v2/receipts/{id}: the fields the SDK's ReceiptResponse reads. */
export async function receiptBody(
  ctx: YotiContext,
  ca: AnchorAuthority,
  session: DigitalIdSession,
  receipt: StoredReceipt,
  app: YotiApp,
): Promise<Record<string, unknown>> {
  const base = { id: receipt.id, sessionId: session.id, timestamp: new Date(receipt.issuedAt).toISOString() };
  if (!receipt.shared || !receipt.keys) {
    return {
      ...base,
      error: receipt.error,
      ...(receipt.errorReason ? { errorReason: receipt.errorReason } : {}),
    };
  }
  const { shared, keys } = receipt;
  const contents = await encryptContents(
    shared,
    {
      ca,
      random: ctx.random(),
      application: { name: app.name, url: ctx.baseUrl(), receiptBgColor: app.receiptBgColor },
    },
    Buffer.from(keys.receiptKey, 'base64'),
  );
  const rememberMe = session.data.request.policy.wanted_remember_me
    ? { rememberMeId: shared.rememberMeId, parentRememberMeId: shared.parentRememberMeId }
    : {};
  return {
    ...base,
    ...rememberMe,
    content: { profile: contents.applicationProfile, extraData: '' },
    otherPartyContent: { profile: contents.userProfile, extraData: contents.extraData },
    wrappedItemKeyId: keys.itemKeyId,
    wrappedKey: keys.wrappedKey,
  };
}
