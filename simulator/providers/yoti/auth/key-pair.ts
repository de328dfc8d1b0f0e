import { generateKeyPair as generateKeyPairCb, type KeyObject } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const generateKeyPair = promisify(generateKeyPairCb);

export interface PemKeyPair {
  /** PKCS#1 `RSA PRIVATE KEY`, the form Yoti Hub hands out; the SDK reads it as is. */
  privateKeyPem: string;
  /** SPKI `PUBLIC KEY`, what a scenario registers as `publicKey`. */
  publicKeyPem: string;
}

/** A fresh RSA-2048 key pair for a Yoti app (off the main thread: it takes ~100 ms). */
export async function generateYotiKeyPair(): Promise<PemKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** base64 DER SubjectPublicKeyInfo: what the SDK sends in X-Yoti-Auth-Key. */
export const authKeyOf = (publicKey: KeyObject): string =>
  publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

/** `kyc-sim keys`: writes key.pem and public.pem into `dir`, refusing to overwrite either. */
export async function writeYotiKeyPair(dir: string): Promise<{ privatePath: string; publicPath: string }> {
  const pair = await generateYotiKeyPair();
  const privatePath = resolve(join(dir, 'key.pem'));
  const publicPath = resolve(join(dir, 'public.pem'));
  await mkdir(resolve(dir), { recursive: true });
  try {
    await writeFile(privatePath, pair.privateKeyPem, { flag: 'wx', mode: 0o600 });
    await writeFile(publicPath, pair.publicKeyPem, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`${(error as NodeJS.ErrnoException).path} exists already; choose another --out folder`);
    }
    throw error;
  }
  return { privatePath, publicPath };
}
