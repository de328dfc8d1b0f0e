import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { Runtime } from '../../../runtime.js';
import type { YotiContext } from '../schema.js';
import { YotiAppRegistry } from './app-registry.js';
import { generateYotiKeyPair, type PemKeyPair } from './key-pair.js';
import {
  checkTimestamp,
  stringsToSign,
  verifySignedRequest,
  type YotiSignedEnv,
} from './verify-signed-request.js';

const SDK_ID = 'unit-app';
const PREFIX = '/yoti/api/v1';
let keys: PemKeyPair;
let other: PemKeyPair;
let runtime: Runtime;
let app: Hono<YotiSignedEnv>;

beforeAll(async () => {
  [keys, other] = await Promise.all([generateYotiKeyPair(), generateYotiKeyPair()]);
  runtime = await Runtime.create({
    clock: 'manual',
    logLevel: 'silent',
    scenario: {
      yoti: {
        signing: { timestampWindowMs: 60_000, nonceMemoryMs: 60_000 },
        apps: [
          { sdkId: SDK_ID, publicKey: keys.publicKeyPem },
          { sdkId: 'off-app', publicKey: keys.publicKeyPem, enabled: false },
        ],
      },
    },
  });
  const yoti = runtime.providers.find((p) => p.definition.name === 'yoti');
  const apps = new YotiAppRegistry(yoti?.ctx as YotiContext);
  await apps.reload();
  app = new Hono<YotiSignedEnv>();
  const signed = verifySignedRequest({ apps, prefix: PREFIX, requireAuthKey: true });
  app.get(`${PREFIX}/profile/:token`, signed, (c) => c.json({ app: c.get('yotiApp').sdkId }));
  app.post(`${PREFIX}/things`, signed, async (c) => c.json({ got: await c.req.json() }));
  return () => runtime.close();
});

interface Call {
  method?: string;
  path?: string;
  query?: string;
  body?: string;
  key?: string;
  signed?: string;
  headers?: Record<string, string>;
}

/** Signs like the SDK does (unless `signed` overrides the string to sign) and sends it. */
function call({ method = 'GET', path = '/profile/tok', query, body, key, signed, headers = {} }: Call) {
  const q = query ?? `appId=${SDK_ID}&nonce=${randomUUID()}&timestamp=${runtime.clock.now()}`;
  const message = signed ?? `${method}&${path}?${q}${body ? `&${Buffer.from(body).toString('base64')}` : ''}`;
  const digest = sign('sha256', Buffer.from(message), createPrivateKey(key ?? keys.privateKeyPem)).toString(
    'base64',
  );
  const authKey = Buffer.from(keys.publicKeyPem.replace(/-----[^-]+-----|\s/g, ''), 'base64').toString(
    'base64',
  );
  return app.request(`${PREFIX}${path}?${q}`, {
    method,
    body,
    headers: { 'X-Yoti-Auth-Digest': digest, 'X-Yoti-Auth-Key': authKey, ...headers },
  });
}

const codeOf = async (res: Response) => ({
  status: res.status,
  code: ((await res.json()) as { code: string }).code,
});

describe('verifySignedRequest', () => {
  it('lets a correctly signed request through and names the app', async () => {
    const res = await call({});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ app: SDK_ID });
  });

  it('verifies the base64 body of a POST and leaves the body readable', async () => {
    const res = await call({ method: 'POST', path: '/things', body: '{"a":1}' });
    expect(await res.json()).toEqual({ got: { a: 1 } });
  });

  it('accepts sdkId, X-Yoti-Auth-Id, a timestamp in seconds and timestamp before nonce', async () => {
    // The Go doc-scan client names the app sdkID, with its parameters in map order.
    expect(
      (await call({ query: `nonce=${randomUUID()}&sdkID=${SDK_ID}&timestamp=${Date.now()}` })).status,
    ).toBe(200);
    const seconds = Math.floor(runtime.clock.now() / 1000);
    expect((await call({ query: `sdkId=${SDK_ID}&timestamp=${seconds}&nonce=${randomUUID()}` })).status).toBe(
      200,
    );
    const q = `nonce=${randomUUID()}&timestamp=${runtime.clock.now()}`;
    expect((await call({ query: q, headers: { 'X-Yoti-Auth-Id': SDK_ID } })).status).toBe(200);
  });

  it('accepts a signature over the other nonce/timestamp order than sent', async () => {
    const nonce = randomUUID();
    const ts = runtime.clock.now();
    const res = await call({
      query: `appId=${SDK_ID}&nonce=${nonce}&timestamp=${ts}`,
      signed: `GET&/profile/tok?appId=${SDK_ID}&timestamp=${ts}&nonce=${nonce}`,
    });
    expect(res.status).toBe(200);
  });

  it.each([
    ['no app id', { query: `nonce=${randomUUID()}&timestamp=1` }, 401, 'MISSING_APP_ID'],
    ['an unknown app', { query: `appId=nope&nonce=x&timestamp=1` }, 404, 'APP_NOT_FOUND'],
    ['a disabled app', { query: `appId=off-app&nonce=x&timestamp=1` }, 403, 'DISABLED_APP'],
    ['no digest', { headers: { 'X-Yoti-Auth-Digest': '' } }, 401, 'MISSING_DIGEST'],
    ['no nonce', { query: `appId=${SDK_ID}&timestamp=${Date.now()}` }, 401, 'MISSING_NONCE'],
    ['no timestamp', { query: `appId=${SDK_ID}&nonce=n1` }, 401, 'MISSING_TIMESTAMP'],
    [
      'a non-numeric timestamp',
      { query: `appId=${SDK_ID}&nonce=n2&timestamp=soon` },
      401,
      'INVALID_TIMESTAMP',
    ],
    [
      'a stale timestamp',
      { query: `appId=${SDK_ID}&nonce=n3&timestamp=${Date.now() - 3_600_000}` },
      401,
      'INVALID_TIMESTAMP',
    ],
    ['another key', { key: 'OTHER' }, 401, 'INVALID_DIGEST'],
    ['a signature over another path', { signed: 'GET&/profile/other?x=1' }, 401, 'INVALID_DIGEST'],
    ['no auth key', { headers: { 'X-Yoti-Auth-Key': '' } }, 401, 'MISSING_AUTH_KEY'],
    ['another auth key', { headers: { 'X-Yoti-Auth-Key': 'AAAA' } }, 401, 'INVALID_AUTH_KEY'],
  ] as const)('rejects %s', async (_, input, status, code) => {
    const c = { ...input, key: 'key' in input ? other.privateKeyPem : undefined } as Call;
    expect(await codeOf(await call(c))).toEqual({ status, code });
  });

  it('rejects a tampered body', async () => {
    const q = `appId=${SDK_ID}&nonce=${randomUUID()}&timestamp=${runtime.clock.now()}`;
    const res = await call({
      method: 'POST',
      path: '/things',
      query: q,
      body: '{"a":2}',
      signed: `POST&/things?${q}&${Buffer.from('{"a":1}').toString('base64')}`,
    });
    expect(await codeOf(res)).toEqual({ status: 401, code: 'INVALID_DIGEST' });
  });

  it('rejects a reused nonce until nonceMemoryMs has passed on the simulator clock', async () => {
    const nonce = randomUUID();
    const query = () => `appId=${SDK_ID}&nonce=${nonce}&timestamp=${Date.now()}`;
    expect((await call({ query: query() })).status).toBe(200);
    expect(await codeOf(await call({ query: query() }))).toEqual({ status: 401, code: 'NONCE_ALREADY_USED' });
    runtime.clock.advance(61_000);
    // The wall-clock timestamp is still in the window, and the nonce has been forgotten.
    expect((await call({ query: query() })).status).toBe(200);
  });
});

describe('checkTimestamp', () => {
  it('takes any integer without a window, as the real service does', () => {
    // System.nanoTime()/1000 of a JVM: microseconds from an arbitrary origin, even negative.
    for (const javaTimestamp of ['184467440737', '-9123372036854', '1', '9223372036854775'])
      expect(checkTimestamp(javaTimestamp, undefined, Date.now())).toBeUndefined();
    for (const bad of ['', 'soon', '1.5', '12e3', '0x10', '99999999999999999999'])
      expect(checkTimestamp(bad, undefined, Date.now())).toMatch(/not an integer/);
  });

  it('holds seconds or milliseconds to the window when one is set', () => {
    const now = Date.now();
    expect(checkTimestamp(String(now), 60_000, now)).toBeUndefined();
    expect(checkTimestamp(String(Math.floor(now / 1000)), 60_000, now)).toBeUndefined();
    expect(checkTimestamp(String(now - 3_600_000), 60_000, now)).toMatch(/away from now/);
    expect(checkTimestamp('-5', 60_000, now)).toMatch(/not a Unix time/);
  });
});

describe('stringsToSign', () => {
  it('adds &base64(body) only when there is a body', () => {
    expect(stringsToSign('GET', '/p', 'a=1', Buffer.alloc(0))).toEqual(['GET&/p?a=1']);
    expect(stringsToSign('post', '/p', 'a=1', Buffer.from('hi'))[0]).toBe('POST&/p?a=1&aGk=');
  });
});
