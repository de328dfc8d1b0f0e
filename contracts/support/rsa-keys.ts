import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';

export interface PemKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

/**
 * An RSA key pair for a Yoti app, as a Yoti Hub download gives one (PKCS#1 private key, SPKI
 * public key). Made here, with node:crypto, so contract tests lean on no simulator internals.
 */
export async function yotiAppKeyPair(): Promise<PemKeyPair> {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}
