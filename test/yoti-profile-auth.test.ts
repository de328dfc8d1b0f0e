import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { internals, Payload, RequestBuilder } from 'yoti';
import { useSimulator } from './support/simulator.js';
import { yotiClient } from './support/yoti-profile.js';

const SDK = 'auth-app';
const keyPair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    pem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};
const app = keyPair();
const stranger = keyPair();

describe('signed profile requests are checked as Yoti checks them', () => {
  const sim = useSimulator({
    scenario: {
      yoti: {
        apps: [
          { sdkId: SDK, publicKey: app.publicPem },
          { sdkId: 'off-app', publicKey: app.publicPem, enabled: false },
        ],
      },
    },
  });
  const api = () => `${sim().url}/yoti/api/v1`;
  let token: string;
  let connectToken: string;

  /** A fresh sandbox token, and the connect token inside it (decrypted the SDK's way). */
  beforeEach(async () => {
    const res = await new RequestBuilder()
      .withBaseUrl(`${sim().url}/yoti/sandbox/v1`)
      .withEndpoint(`/apps/${SDK}/tokens`)
      .withPemString(app.pem)
      .withPayload(new Payload({ profile_attributes: [{ name: 'given_names', value: 'Ada' }] }))
      .withPost()
      .build()
      .execute();
    token = res.getParsedResponse().token;
    connectToken = internals.YotiCommon.decryptAsymmetric(
      Buffer.from(token, 'base64'),
      Buffer.from(app.pem),
    ).toString();
  });

  /** The request ProfileService builds, sent with fetch so a test can alter it. */
  const profileRequest = (
    pem = app.pem,
    authKeyPem = pem,
    path = `/profile/${connectToken}`,
    sdkId = SDK,
  ) => {
    const request = new RequestBuilder()
      .withBaseUrl(api())
      .withPemString(pem)
      .withEndpoint(path)
      .withQueryParam('appId', sdkId)
      .withHeader('X-Yoti-Auth-Key', internals.YotiCommon.getAuthKeyFromPem(authKeyPem))
      .withGet()
      .build();
    return { url: request.getUrl(), headers: { ...request.getHeaders() } };
  };
  const send = async ({ url, headers }: { url: string; headers: Record<string, string> }) => {
    const res = await fetch(url, { headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('answers the request the SDK signs with the receipt', async () => {
    const { status, body } = await send(profileRequest());
    expect(status).toBe(200);
    expect(body).toHaveProperty('receipt.wrapped_receipt_key');
  });

  it('rejects a tampered digest', async () => {
    const request = profileRequest();
    const digest = Buffer.from(request.headers['X-Yoti-Auth-Digest'], 'base64');
    digest[10] ^= 0x01;
    request.headers['X-Yoti-Auth-Digest'] = digest.toString('base64');
    expect(await send(request)).toMatchObject({ status: 401, body: { code: 'INVALID_DIGEST' } });
  });

  it('rejects a request whose path is not the one signed', async () => {
    const request = profileRequest();
    const other = { ...request, url: request.url.replace(connectToken, `${connectToken}x`) };
    expect(await send(other)).toMatchObject({ status: 401, body: { code: 'INVALID_DIGEST' } });
  });

  it('rejects a replayed request (same nonce)', async () => {
    const request = profileRequest();
    expect((await send(request)).status).toBe(200);
    expect(await send(request)).toMatchObject({ status: 401, body: { code: 'NONCE_ALREADY_USED' } });
  });

  it('rejects a request signed with another key', async () => {
    expect(await send(profileRequest(stranger.pem))).toMatchObject({
      status: 401,
      body: { code: 'INVALID_DIGEST' },
    });
  });

  it('rejects an X-Yoti-Auth-Key that is not the registered key, and a missing one', async () => {
    expect(await send(profileRequest(app.pem, stranger.pem))).toMatchObject({
      status: 401,
      body: { code: 'INVALID_AUTH_KEY' },
    });
    const request = profileRequest();
    delete request.headers['X-Yoti-Auth-Key'];
    expect(await send(request)).toMatchObject({ status: 401, body: { code: 'MISSING_AUTH_KEY' } });
  });

  it('rejects a non-numeric timestamp, a missing digest, an unknown and a disabled app', async () => {
    const stale = `/profile/${connectToken}?appId=${SDK}&nonce=${randomUUID()}&timestamp=2026-01-01T00:00:00Z`;
    const digest = sign('sha256', Buffer.from(`GET&${stale}`), app.pem).toString('base64');
    expect(await send({ url: `${api()}${stale}`, headers: { 'X-Yoti-Auth-Digest': digest } })).toMatchObject({
      status: 401,
      body: { code: 'INVALID_TIMESTAMP' },
    });
    const request = profileRequest();
    delete request.headers['X-Yoti-Auth-Digest'];
    expect(await send(request)).toMatchObject({ status: 401, body: { code: 'MISSING_DIGEST' } });
    expect((await send(profileRequest(app.pem, app.pem, '/profile/x', 'nobody'))).status).toBe(404);
    expect(await send(profileRequest(app.pem, app.pem, '/profile/x', 'off-app'))).toMatchObject({
      status: 403,
      body: { code: 'DISABLED_APP' },
    });
  });

  it('rejects a reused token and an unknown one with 404', async () => {
    expect((await send(profileRequest())).status).toBe(200);
    expect(await send(profileRequest())).toMatchObject({ status: 404, body: { code: 'TOKEN_ALREADY_USED' } });
    expect(await send(profileRequest(app.pem, app.pem, '/profile/unknown-token'))).toMatchObject({
      status: 404,
      body: { code: 'TOKEN_NOT_FOUND' },
    });
  });

  it('an SDK holding the wrong private key cannot even read the token', async () => {
    await expect(yotiClient(sim(), SDK, stranger.pem).getActivityDetails(token)).rejects.toThrow(
      /Could not decrypt token/,
    );
    // ...and the token is still good for the right key.
    const details = await yotiClient(sim(), SDK, app.pem).getActivityDetails(token);
    expect(details.getProfile().getGivenNames().getValue()).toBe('Ada');
  });
});
