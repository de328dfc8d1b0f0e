import { generateKeyPairSync, sign } from 'node:crypto';

/**
 * RSA-2048 private-key operations (SHA-256 signatures) per second with node:crypto in this
 * process: the bound of a profile exchange, measured in the same run so the ratio means the same
 * on any machine. (Signatures, not decryptions: Node 20 refuses PKCS#1 v1.5 private decryption,
 * which is why the yoti SDK decrypts in pure JS with node-forge.)
 */
export function rsaPrivateOpsPerSecond(durationMs = 2_000): number {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const data = Buffer.alloc(64, 1);
  const deadline = performance.now() + durationMs;
  const started = performance.now();
  let done = 0;
  while (performance.now() < deadline) {
    sign('sha256', data, privateKey);
    done++;
  }
  return done / ((performance.now() - started) / 1000);
}
