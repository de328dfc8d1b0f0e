import { generateKeyPair as generateKeyPairCb, type KeyObject, sign } from 'node:crypto';
import { promisify } from 'node:util';
import {
  bitString,
  boolean,
  explicit,
  implicitOctetString,
  integer,
  nullValue,
  octetString,
  oid,
  sequence,
  set,
  time,
  utf8String,
} from './der.js';

const generateKeyPair = promisify(generateKeyPairCb);

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const COMMON_NAME = '2.5.4.3';
const ORGANISATION = '2.5.4.10';
const BASIC_CONSTRAINTS = '2.5.29.19';
/** Yoti's anchor extensions; the SDK files an anchor under sources or verifiers by these. */
export const ANCHOR_OIDS = {
  SOURCE: '1.3.6.1.4.1.47127.1.1.1',
  VERIFIER: '1.3.6.1.4.1.47127.1.1.2',
} as const;
export type AnchorType = keyof typeof ANCHOR_OIDS;

const name = (cn: string) =>
  sequence(
    set(sequence(oid(ORGANISATION), utf8String('kyc-sim'))),
    set(sequence(oid(COMMON_NAME), utf8String(cn))),
  );
const sha256WithRsa = () => sequence(oid(SHA256_WITH_RSA), nullValue());
const extension = (id: string, critical: boolean, value: Buffer) =>
  sequence(oid(id), ...(critical ? [boolean(true)] : []), octetString(value));

export const anchorExtensionValue = (value: string) =>
  sequence(implicitOctetString(0, Buffer.from(value, 'utf8')));

interface CertificateFields {
  serial: Buffer;
  issuer: string;
  subject: string;
  subjectKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  extensions: Buffer[];
  signingKey: KeyObject;
}

/** An X.509 v3 certificate, DER, signed sha256WithRSAEncryption. */
export function certificate(f: CertificateFields): Buffer {
  const tbs = sequence(
    explicit(0, integer(2)),
    integer(f.serial),
    sha256WithRsa(),
    name(f.issuer),
    sequence(time(f.notBefore), time(f.notAfter)),
    name(f.subject),
    f.subjectKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence(...f.extensions)),
  );
  return sequence(tbs, sha256WithRsa(), bitString(sign('sha256', tbs, f.signingKey)));
}

/**
 * The simulator's anchor CA, made once per simulator on first use: a self-signed root and, per
 * anchor (type, value), a certificate carrying Yoti's anchor extension, encoded as in real Yoti
 * certificates: SEQUENCE { [0] IMPLICIT OCTET STRING value } (30 len 80 len "PASSPORT"). The Go
 * and Java SDKs read only that; Node (node-forge) and Python (asn1) read the inner value too.
 */
export class AnchorAuthority {
  #keys: Promise<{ privateKey: KeyObject; publicKey: KeyObject }> | undefined;
  #root: Promise<Buffer> | undefined;
  #certs = new Map<string, Promise<Buffer>>();
  readonly #validFrom: Date;

  constructor(
    private readonly serial: (bytes: number) => Buffer,
    now: number,
  ) {
    this.#validFrom = new Date(now - 24 * 3600_000);
  }

  /** The root certificate (DER), for clients that want to check the chain. */
  root(): Promise<Buffer> {
    this.#root ??= this.#withKeys(({ privateKey, publicKey }) =>
      certificate({
        serial: this.#serial(),
        issuer: 'kyc-sim anchor CA',
        subject: 'kyc-sim anchor CA',
        subjectKey: publicKey,
        notBefore: this.#validFrom,
        notAfter: this.#until(10),
        extensions: [extension(BASIC_CONSTRAINTS, true, sequence(boolean(true)))],
        signingKey: privateKey,
      }),
    );
    return this.#root;
  }

  /** [anchor certificate, root] for `origin_server_certs`. */
  async chain(type: AnchorType, value: string): Promise<Buffer[]> {
    const key = `${type}:${value}`;
    let cert = this.#certs.get(key);
    if (!cert) {
      cert = this.#withKeys(({ privateKey, publicKey }) =>
        certificate({
          serial: this.#serial(),
          issuer: 'kyc-sim anchor CA',
          subject: `kyc-sim ${type.toLowerCase()} ${value}`,
          // The anchor cert reuses the CA key: only the extension matters to a relying party.
          subjectKey: publicKey,
          notBefore: this.#validFrom,
          notAfter: this.#until(2),
          extensions: [extension(ANCHOR_OIDS[type], false, anchorExtensionValue(value))],
          signingKey: privateKey,
        }),
      );
      this.#certs.set(key, cert);
    }
    return [await cert, await this.root()];
  }

  #withKeys<T>(use: (keys: { privateKey: KeyObject; publicKey: KeyObject }) => T): Promise<T> {
    this.#keys ??= generateKeyPair('rsa', { modulusLength: 2048 });
    return this.#keys.then(use);
  }

  #serial(): Buffer {
    const b = this.serial(8);
    b[0] &= 0x7f;
    b[0] |= 0x01;
    return b;
  }

  #until(years: number): Date {
    return new Date(this.#validFrom.getTime() + years * 365 * 24 * 3600_000);
  }
}
