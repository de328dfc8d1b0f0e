import { protoTypes } from '../proto.js';
import type { SharePolicy } from '../schema.js';

/** QrCodeMsg (proto/qrpubapi_v1.proto) and the policy bytes it carries. */
const types = protoTypes(['qrpubapi_v1.proto'], {
  QrCodeMsg: 'qrpubapi_v1.QrCodeMsg',
  QrPolicy: 'qrpubapi_v1.QrPolicy',
});

export const Transport = { UNDEFINED: 0, URI: 1, QR_CODE: 2 } as const;

export interface QrCodeFields {
  sharingToken: Uint8Array;
  refId: string;
  policy: Uint8Array;
  transport?: number;
}

export function encodeQrCode(fields: QrCodeFields): Buffer {
  const { QrCodeMsg } = types();
  const message = QrCodeMsg.create({
    issuer: 1,
    sharingToken: fields.sharingToken,
    refId: Buffer.from(fields.refId, 'utf8'),
    policy: fields.policy,
    transport: fields.transport ?? Transport.QR_CODE,
  });
  return Buffer.from(QrCodeMsg.encode(message).finish());
}

export function decodeQrCode(bytes: Uint8Array): QrCodeFields & { issuer: number } {
  const { QrCodeMsg } = types();
  const m = QrCodeMsg.toObject(QrCodeMsg.decode(bytes), { defaults: true }) as Record<
    string,
    Uint8Array & number
  >;
  return {
    issuer: m.issuer,
    sharingToken: m.sharingToken,
    refId: Buffer.from(m.refId).toString('utf8'),
    policy: m.policy,
    transport: m.transport,
  };
}

/** The attributes a Yoti app always shows the user next to what it asks for. */
const APPLICATION_ATTRIBUTES = [
  'application_logo',
  'application_url',
  'application_name',
  'application_receipt_bgcolor',
];

/** A policy's bytes, and their base64 as a share session keeps them. */
export interface EncodedPolicy {
  bytes: Buffer;
  base64: string;
}

/**
 * Encoded once per policy object: a scenario's policy is the same object for every share of it, so
 * its shares also hold one base64 string between them rather than a copy each.
 */
const encodedPolicies = new WeakMap<SharePolicy, EncodedPolicy>();

/** The policy's bytes and base64; shared between callers, so never to be written to. */
export function encodePolicy(policy: SharePolicy): EncodedPolicy {
  let encoded = encodedPolicies.get(policy);
  if (!encoded) {
    const bytes = encodePolicyBytes(policy);
    encoded = { bytes, base64: bytes.toString('base64') };
    encodedPolicies.set(policy, encoded);
  }
  return encoded;
}

function encodePolicyBytes(policy: SharePolicy): Buffer {
  const wanted = policy.wanted.map((w) => ({ name: w.derivation ?? w.name }));
  const { QrPolicy } = types();
  const message = QrPolicy.create({
    wanted,
    applicationAttributes: APPLICATION_ATTRIBUTES.map((name) => ({ name })),
    wantedRememberMe: policy.wanted_remember_me,
    wantedRememberMeOptional: false,
  });
  return Buffer.from(QrPolicy.encode(message).finish());
}

export function decodePolicyNames(bytes: Uint8Array): string[] {
  const { QrPolicy } = types();
  const m = QrPolicy.toObject(QrPolicy.decode(bytes)) as { wanted?: { name: string }[] };
  return (m.wanted ?? []).map((w) => w.name);
}
