import { beforeAll, describe, expect, it } from 'vitest';
import { dbsExampleSession, signRequest } from '../clients/yoti-idv/index.js';
import { generateYotiKeyPair } from '../simulator/providers/yoti/auth/key-pair.js';
import { admin, useSimulator } from './support/simulator.js';
import {
  DISABLED_SDK_ID,
  deadlineIn,
  idvBase,
  idvScenario,
  OTHER_SDK_ID,
  ourClient,
  SDK_ID,
  testKeys,
} from './support/yoti-idv.js';

describe('IDV requests are signed with the app key', () => {
  const sim = useSimulator({ scenario: { name: 'boot' } });
  beforeAll(async () => {
    await admin(sim(), 'PUT', '/scenario', await idvScenario());
  });

  /** Sends a create-session request signed as `sign` says, possibly altered afterwards. */
  const send = async (options: {
    sdkId?: string;
    privateKeyPem?: string;
    nonce?: string;
    timestamp?: number;
    alterBody?: (body: string) => string;
    dropDigest?: boolean;
  }) => {
    const text = JSON.stringify(dbsExampleSession(deadlineIn(3)));
    const signed = signRequest({
      method: 'POST',
      path: '/sessions',
      query: { sdkId: options.sdkId ?? SDK_ID },
      body: new TextEncoder().encode(text),
      privateKeyPem: options.privateKeyPem ?? (await testKeys()).privateKeyPem,
      nonce: options.nonce,
      timestamp: options.timestamp,
    });
    const headers: Record<string, string> = { ...signed.headers, 'Content-Type': 'application/json' };
    if (options.dropDigest) delete headers['X-Yoti-Auth-Digest'];
    const res = await fetch(`${idvBase(sim())}${signed.pathWithQuery}`, {
      method: 'POST',
      headers,
      body: options.alterBody ? options.alterBody(text) : text,
    });
    return { status: res.status, body: await res.json() };
  };

  it('accepts a correctly signed request', async () => {
    expect((await send({})).status).toBe(201);
  });

  it('rejects a body changed after signing: 401 INVALID_DIGEST', async () => {
    const res = await send({ alterBody: (b) => b.replace('John James Doe', 'Jane Doe') });
    expect(res).toMatchObject({ status: 401, body: { code: 'INVALID_DIGEST' } });
  });

  it('rejects a signature made with another key: 401 INVALID_DIGEST', async () => {
    const { privateKeyPem } = await generateYotiKeyPair();
    expect(await send({ privateKeyPem })).toMatchObject({ status: 401, body: { code: 'INVALID_DIGEST' } });
  });

  it('rejects a replayed nonce: 401 NONCE_ALREADY_USED', async () => {
    const nonce = crypto.randomUUID();
    expect((await send({ nonce })).status).toBe(201);
    expect(await send({ nonce })).toMatchObject({ status: 401, body: { code: 'NONCE_ALREADY_USED' } });
  });

  it('accepts a timestamp that is no date, as Yoti does (the Java SDK signs System.nanoTime()/1000)', async () => {
    expect((await send({ timestamp: 1_588_638_119 })).status).toBe(201);
    expect((await send({ timestamp: Date.now() - 60 * 60 * 1000 })).status).toBe(201);
  });

  it('rejects an unknown sdkId: 404 APP_NOT_FOUND', async () => {
    const res = await send({ sdkId: '00000000-0000-4000-8000-0000000000ff' });
    expect(res).toMatchObject({ status: 404, body: { code: 'APP_NOT_FOUND' } });
  });

  it('rejects a disabled app: 403 DISABLED_APP', async () => {
    expect(await send({ sdkId: DISABLED_SDK_ID })).toMatchObject({
      status: 403,
      body: { code: 'DISABLED_APP' },
    });
  });

  it('rejects a request without a digest: 401 MISSING_DIGEST', async () => {
    expect(await send({ dropDigest: true })).toMatchObject({ status: 401, body: { code: 'MISSING_DIGEST' } });
  });

  it('hides one app’s sessions from another: 404 SESSION_NOT_FOUND', async () => {
    const mine = await ourClient(sim());
    const { session_id } = await mine.createSession(dbsExampleSession(deadlineIn(3)));
    const theirs = await ourClient(sim(), OTHER_SDK_ID);
    await expect(theirs.getSession(session_id)).rejects.toMatchObject({
      status: 404,
      code: 'SESSION_NOT_FOUND',
    });
    expect((await mine.getSession(session_id)).state).toBe('ONGOING');
  });
});
