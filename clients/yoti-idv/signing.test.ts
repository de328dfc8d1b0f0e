import { generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signRequest } from './signing.js';

describe('signRequest', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

  it('signs METHOD&PATH?QUERY&base64(body) with RSA-SHA256', () => {
    const body = new TextEncoder().encode('{"a":1}');
    const signed = signRequest({
      method: 'post',
      path: '/sessions',
      query: { sdkId: 'app' },
      body,
      privateKeyPem,
      nonce: 'n-1',
      timestamp: 1480509893,
    });
    expect(signed.pathWithQuery).toBe('/sessions?sdkId=app&nonce=n-1&timestamp=1480509893');
    expect(signed.stringToSign).toBe(
      `POST&/sessions?sdkId=app&nonce=n-1&timestamp=1480509893&${Buffer.from(body).toString('base64')}`,
    );
    const digest = Buffer.from(signed.headers['X-Yoti-Auth-Digest'], 'base64');
    expect(verify('sha256', Buffer.from(signed.stringToSign), publicKey, digest)).toBe(true);
  });

  it('adds no trailing & for a request without a body, and a fresh nonce each time', () => {
    const a = signRequest({ method: 'GET', path: '/sessions/s1', query: { sdkId: 'app' }, privateKeyPem });
    const b = signRequest({ method: 'GET', path: '/sessions/s1', query: { sdkId: 'app' }, privateKeyPem });
    expect(a.stringToSign).toMatch(/^GET&\/sessions\/s1\?sdkId=app&nonce=[0-9a-f-]{36}&timestamp=\d{13}$/);
    expect(a.pathWithQuery).not.toBe(b.pathWithQuery);
  });
});
