import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';

/** What an HTTPS server needs, and where the CA that signed it is kept. */
export interface LocalTls {
  key: string;
  cert: string;
  /** The CA certificate (PEM) clients must trust, and its file. */
  caCert: string;
  caPath: string;
  /** Names and addresses the server certificate is valid for. */
  hosts: string[];
  /** Whether this start made the CA (first start with this state folder). */
  caCreated: boolean;
}

export const DEFAULT_TLS_HOSTS = ['localhost', '127.0.0.1', '::1'];

const DAY_MS = 24 * 60 * 60 * 1000;
/** Apple refuses server certificates valid for more than 398 days. */
const LEAF_DAYS = 397;
const CA_YEARS = 10;

/**
 * A local certificate authority kept in `<stateDir>/tls/` (made on first use, reused after, so a
 * device told to trust it once keeps trusting it), and a fresh server certificate from it for
 * localhost, 127.0.0.1, ::1 and `extraHosts`. Keys are RSA-2048 from node:crypto; node-forge
 * writes the X.509 structures.
 */
export async function localTls(stateDir: string, extraHosts: string[] = []): Promise<LocalTls> {
  const dir = join(stateDir, 'tls');
  const caPath = join(dir, 'ca.pem');
  const caKeyPath = join(dir, 'ca-key.pem');
  let ca = await readCa(caPath, caKeyPath);
  const caCreated = !ca;
  if (!ca) {
    ca = makeCa();
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(caKeyPath, ca.keyPem, { mode: 0o600 });
    await writeFile(caPath, ca.certPem);
  }
  const hosts = [...new Set([...DEFAULT_TLS_HOSTS, ...extraHosts])];
  const leaf = makeLeaf(ca, hosts);
  return { key: leaf.keyPem, cert: leaf.certPem, caCert: ca.certPem, caPath, hosts, caCreated };
}

interface Issued {
  certPem: string;
  keyPem: string;
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

async function readCa(certPath: string, keyPath: string): Promise<Issued | undefined> {
  try {
    const [certPem, keyPem] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
    return {
      certPem,
      keyPem,
      cert: forge.pki.certificateFromPem(certPem),
      key: forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey,
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`kyc-sim: cannot read the local CA in ${certPath} (${(error as Error).message})`);
  }
}

function rsaKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    keyPem: privateKey,
    key: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey),
  };
}

function newCertificate(publicKey: forge.pki.PublicKey, days: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // Positive 128-bit serial: a leading 0x01 byte keeps the DER integer from turning negative.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - DAY_MS); // tolerate clocks a little behind
  cert.validity.notAfter = new Date(Date.now() + days * DAY_MS);
  return cert;
}

function makeCa(): Issued {
  const { key, keyPem, publicKey } = rsaKeyPair();
  const cert = newCertificate(publicKey, CA_YEARS * 365);
  const subject = [
    { name: 'commonName', value: `kyc-sim local CA (${hostname()})` },
    { name: 'organizationName', value: 'kyc-sim (development only)' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { cert, key, keyPem, certPem: forge.pki.certificateToPem(cert) };
}

function makeLeaf(ca: Issued, hosts: string[]): Issued {
  const { key, keyPem, publicKey } = rsaKeyPair();
  const cert = newCertificate(publicKey, LEAF_DAYS);
  cert.setSubject([{ name: 'commonName', value: hosts.find((h) => !isIP(h)) ?? hosts[0] }]);
  cert.setIssuer(ca.cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: hosts.map((host) => (isIP(host) ? { type: 7, ip: host } : { type: 2, value: host })),
    },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.cert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(ca.key, forge.md.sha256.create());
  return { cert, key, keyPem, certPem: forge.pki.certificateToPem(cert) };
}
