import { constants, verify } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { ErrorSpec } from '../../provider.js';
import { yotiErrorResponse } from '../errors.js';
import type { YotiApp } from '../schema.js';
import type { AppKey, YotiAppRegistry } from './app-registry.js';

/**
 * One verifier for every signed Yoti API (profile, dynamic share, IDV sessions, ...).
 *
 * Usage, as Hono middleware on routes of a `new Hono<YotiSignedEnv>()`:
 *
 *   const signed = verifySignedRequest({ apps, prefix: '/yoti/idverify/v1' });
 *   app.post('/idverify/v1/sessions', signed, (c) => { const app = c.get('yotiApp'); ... });
 *
 * `apps` is the provider's YotiAppRegistry (one per simulator; see yoti/index.ts). `prefix` is
 * the mount prefix stripped from the path before verifying: the SDK signs the path below its
 * base URL (`GET&/profile/T?appId=..&nonce=..&timestamp=..`).
 *
 * Rules, in order, each answered in Yoti's error format (errors.ts):
 *  - app from `appId`, `sdkId` or `sdkID` (the Go doc-scan client) query parameter,
 *    `X-Yoti-Auth-Id` header, or the route parameter `appIdParam` (dynamic share and the sandbox
 *    name the app in the path only): none 401 MISSING_APP_ID, unknown 404 APP_NOT_FOUND,
 *    disabled 403 DISABLED_APP;
 *  - `X-Yoti-Auth-Digest` missing 401 MISSING_DIGEST; `nonce` missing 401 MISSING_NONCE;
 *    `timestamp` missing 401 MISSING_TIMESTAMP, not an integer 401 INVALID_TIMESTAMP. Any integer
 *    passes, as at Yoti: the Java SDK signs System.nanoTime()/1000, which is no date at all.
 *    Only a scenario that sets `yoti.signing.timestampWindowMs` holds it to a window (seconds
 *    or milliseconds, against the simulator clock or the wall clock);
 *  - RSASSA-PKCS1-v1_5 SHA-256 over `METHOD&PATH?QUERY` plus `&base64(body)` when there is a body,
 *    with the query as sent (any order; a nonce/timestamp swap is also accepted): 401 INVALID_DIGEST;
 *  - with `requireAuthKey` (and `yoti.signing.checkAuthKey`), `X-Yoti-Auth-Key` must be the
 *    registered key: 401 MISSING_AUTH_KEY / INVALID_AUTH_KEY;
 *  - a nonce already used by the app within `yoti.signing.nonceMemoryMs`: 401 NONCE_ALREADY_USED.
 * Then `c.get('yotiApp')` and `c.get('yotiAppKey')` hold the app; the body stays readable.
 */
export type YotiSignedEnv = {
  Variables: { sessionId?: string; yotiApp: YotiApp; yotiAppKey: AppKey };
};

export interface SignedRequestOptions {
  apps: YotiAppRegistry;
  /** Mount prefix to strip, e.g. '/yoti/api/v1' or '/yoti/idverify/v1'. */
  prefix: string;
  /** The profile call also proves the key with X-Yoti-Auth-Key. */
  requireAuthKey?: boolean;
  /** A route parameter naming the app, for calls that sign no app id (/apps/:sdkId/tokens, /qrcodes/apps/:appId). */
  appIdParam?: string;
  /** The API's own error body; Yoti's `{code, message}` unless told (the Digital ID API answers `{error, message}`). */
  errorResponse?: (c: Context, error: ErrorSpec) => Response;
}

export function verifySignedRequest(options: SignedRequestOptions): MiddlewareHandler<YotiSignedEnv> {
  const { apps, prefix } = options;
  const format = options.errorResponse ?? yotiErrorResponse;
  const deny = (c: Context, status: number, code: string, message: string) =>
    format(c, { status, code, message });
  return async (c, next) => {
    const url = new URL(c.req.url);
    const query = url.searchParams;
    const sdkId =
      query.get('appId') ??
      query.get('sdkId') ??
      query.get('sdkID') ??
      c.req.header('X-Yoti-Auth-Id') ??
      (options.appIdParam ? c.req.param(options.appIdParam) : undefined);
    if (!sdkId) {
      return deny(
        c,
        401,
        'MISSING_APP_ID',
        'Identify the app: appId, sdkId or sdkID query parameter, or X-Yoti-Auth-Id',
      );
    }
    const app = apps.find(sdkId);
    if (!app) {
      const known =
        apps
          .list()
          .map((a) => a.sdkId)
          .join(', ') || 'none';
      return deny(
        c,
        404,
        'APP_NOT_FOUND',
        `No application with sdkId ${sdkId} in the scenario (known: ${known})`,
      );
    }
    if (!app.enabled) return deny(c, 403, 'DISABLED_APP', `Application ${sdkId} is disabled`);

    const digest = c.req.header('X-Yoti-Auth-Digest');
    if (!digest) return deny(c, 401, 'MISSING_DIGEST', 'The X-Yoti-Auth-Digest header is missing');
    const nonce = query.get('nonce');
    if (!nonce) return deny(c, 401, 'MISSING_NONCE', 'The nonce query parameter is missing');
    const timestamp = query.get('timestamp');
    if (!timestamp) return deny(c, 401, 'MISSING_TIMESTAMP', 'The timestamp query parameter is missing');
    const { timestampWindowMs, nonceMemoryMs, checkAuthKey } = apps.ctx.section().signing;
    const timestampProblem = checkTimestamp(timestamp, timestampWindowMs, apps.ctx.clock.now());
    if (timestampProblem) return deny(c, 401, 'INVALID_TIMESTAMP', timestampProblem);

    const key = await apps.key(app);
    const body = hasBody(c.req.method) ? Buffer.from(await c.req.arrayBuffer()) : Buffer.alloc(0);
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) || '/' : url.pathname;
    const signature = Buffer.from(digest, 'base64');
    const candidates = stringsToSign(c.req.method, path, url.search.slice(1), body);
    if (!candidates.some((message) => verifies(message, signature, key))) {
      return deny(
        c,
        401,
        'INVALID_DIGEST',
        `X-Yoti-Auth-Digest does not verify with the public key of app ${sdkId}. Sign "${candidates[0].slice(0, 160)}" (METHOD&PATH?QUERY, plus &base64(body) when there is one; PATH below ${prefix}) with RSA-SHA256 and the app's private key`,
      );
    }

    if (options.requireAuthKey && checkAuthKey) {
      const authKey = c.req.header('X-Yoti-Auth-Key');
      if (!authKey) return deny(c, 401, 'MISSING_AUTH_KEY', 'The X-Yoti-Auth-Key header is missing');
      if (authKey.replace(/\s/g, '') !== key.authKey) {
        return deny(
          c,
          401,
          'INVALID_AUTH_KEY',
          `X-Yoti-Auth-Key is not the public key registered for app ${sdkId}`,
        );
      }
    }
    if (!(await apps.nonces.use(sdkId, nonce, nonceMemoryMs))) {
      return deny(
        c,
        401,
        'NONCE_ALREADY_USED',
        `Nonce ${nonce} was already used; send a new UUID with each request`,
      );
    }
    c.set('yotiApp', app);
    c.set('yotiAppKey', key);
    await next();
  };
}

const hasBody = (method: string) => method === 'POST' || method === 'PUT' || method === 'PATCH';

/**
 * Any integer, as the real service takes: the Java SDK sends microseconds from the JVM's
 * arbitrary nanoTime origin (possibly negative). With a window set, a Unix time in seconds or
 * milliseconds (Go and Node) within it of the simulator clock or the wall clock.
 */
export function checkTimestamp(
  value: string,
  windowMs: number | undefined,
  simulatorNow: number,
): string | undefined {
  if (!/^-?\d{1,19}$/.test(value)) return `timestamp ${value} is not an integer`;
  if (windowMs === undefined) return undefined;
  if (!/^\d{1,16}$/.test(value)) return `timestamp ${value} is not a Unix time in seconds or milliseconds`;
  const n = Number(value);
  const ms = n < 1e11 ? n * 1000 : n;
  const skew = Math.min(Math.abs(ms - simulatorNow), Math.abs(ms - Date.now()));
  if (skew > windowMs) {
    return `timestamp ${value} is ${Math.round(skew / 1000)} s away from now; the window is ${windowMs / 1000} s`;
  }
  return undefined;
}

/** The query as sent first, then with nonce and timestamp swapped (SDKs differ in that order). */
export function stringsToSign(method: string, path: string, rawQuery: string, body: Buffer): string[] {
  const tail = body.length > 0 ? `&${body.toString('base64')}` : '';
  const sign = (query: string) => `${method.toUpperCase()}&${path}${query ? `?${query}` : ''}${tail}`;
  const pairs = rawQuery ? rawQuery.split('&') : [];
  const n = pairs.findIndex((p) => p.startsWith('nonce='));
  const t = pairs.findIndex((p) => p.startsWith('timestamp='));
  const out = [sign(rawQuery)];
  if (n >= 0 && t >= 0) {
    const swapped = [...pairs];
    [swapped[n], swapped[t]] = [swapped[t], swapped[n]];
    out.push(sign(swapped.join('&')));
  }
  return out;
}

function verifies(message: string, signature: Buffer, key: AppKey): boolean {
  try {
    return verify(
      'sha256',
      Buffer.from(message),
      { key: key.publicKey, padding: constants.RSA_PKCS1_PADDING },
      signature,
    );
  } catch {
    return false;
  }
}
