import { X509Certificate } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../engine/random.js';
import { AnchorAuthority } from './certificates.js';

const require = createRequire(import.meta.url);
// The official SDK's own anchor parser (node-forge underneath), unmodified.
const { AnchorProcessor } = require('yoti/src/yoti_common/anchor.processor.js');

describe('AnchorAuthority', () => {
  const ca = new AnchorAuthority(createRandom(7).bytes, Date.UTC(2026, 0, 1));

  it('issues anchor certificates signed by its root', async () => {
    const [leaf, root] = await ca.chain('SOURCE', 'PASSPORT');
    const rootCert = new X509Certificate(root);
    const leafCert = new X509Certificate(leaf);
    expect(rootCert.ca).toBe(true);
    expect(rootCert.verify(rootCert.publicKey)).toBe(true);
    expect(leafCert.checkIssued(rootCert)).toBe(true);
    expect(leafCert.verify(rootCert.publicKey)).toBe(true);
    expect(leafCert.subject).toContain('kyc-sim source PASSPORT');
  });

  it('produces anchors the Yoti SDK reads as SOURCE and VERIFIER with their values', async () => {
    const anchors = [
      { originServerCerts: await ca.chain('SOURCE', 'DRIVING_LICENCE'), subType: 'OCR' },
      { originServerCerts: await ca.chain('VERIFIER', 'YOTI_ADMIN'), subType: '' },
    ];
    const processed = AnchorProcessor.process(anchors);
    expect(processed.sources.map((a: { getValue(): string }) => a.getValue())).toEqual(['DRIVING_LICENCE']);
    expect(processed.sources[0].getSubType()).toBe('OCR');
    expect(processed.verifiers.map((a: { getValue(): string }) => a.getValue())).toEqual(['YOTI_ADMIN']);
    expect(processed.sources[0].getOriginServerCerts()).toHaveLength(2);
  });

  it('encodes the anchor value as real Yoti certificates do: SEQUENCE { [0] IMPLICIT OCTET STRING }', async () => {
    const [leaf] = await ca.chain('SOURCE', 'PASSPORT');
    // extnID 1.3.6.1.4.1.47127.1.1.1, then extnValue OCTET STRING { 30 0a 80 08 "PASSPORT" }:
    // the bytes of Yoti's own fixtures, the only form Go (asn1 "tag:0,utf8") and Java (bouncycastle) read.
    const sourceOid = Buffer.from('060b2b0601040182f017010101', 'hex');
    const at = leaf.indexOf(sourceOid);
    expect(at).toBeGreaterThan(0);
    const value = leaf.subarray(at + sourceOid.length, at + sourceOid.length + 14);
    expect(value.toString('hex')).toBe(`040c300a8008${Buffer.from('PASSPORT').toString('hex')}`);
  });

  it('reuses the certificate of an anchor it has issued', async () => {
    expect((await ca.chain('SOURCE', 'PASSPORT'))[0]).toEqual((await ca.chain('SOURCE', 'PASSPORT'))[0]);
  });
});
