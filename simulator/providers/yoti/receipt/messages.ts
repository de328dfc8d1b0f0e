import { join } from 'node:path';
import protobuf from 'protobufjs';
import { protoDir } from '../../../paths.js';

/** The receipt's protobuf messages (proto/compubapi_v1, attrpubapi_v1, sharepubapi_v1). */
const root = protobuf.loadSync(
  ['compubapi_v1.proto', 'attrpubapi_v1.proto', 'sharepubapi_v1.proto'].map((f) => join(protoDir, f)),
);
const type = (name: string) => root.lookupType(name);
const EncryptedData = type('compubapi_v1.EncryptedData');
const SignedTimestamp = type('compubapi_v1.SignedTimestamp');
const AttributeList = type('attrpubapi_v1.AttributeList');
const MultiValue = type('attrpubapi_v1.MultiValue');
const ExtraData = type('sharepubapi_v1.ExtraData');
const ThirdPartyAttribute = type('sharepubapi_v1.ThirdPartyAttribute');

export const ContentType = {
  UNDEFINED: 0,
  STRING: 1,
  JPEG: 2,
  DATE: 3,
  PNG: 4,
  JSON: 5,
  MULTI_VALUE: 6,
  INT: 7,
} as const;
export type ContentTypeName = keyof typeof ContentType;

export interface AnchorMessage {
  originServerCerts: Buffer[];
  subType: string;
  signedTimeStamp: Buffer;
}

export interface AttributeMessage {
  name: string;
  value: Buffer;
  contentType: number;
  anchors: AnchorMessage[];
  ephemeralId: string;
}

const encode = (t: protobuf.Type, value: Record<string, unknown>) =>
  Buffer.from(t.encode(t.fromObject(value)).finish());

export const encodeAttributeList = (attributes: AttributeMessage[]) => encode(AttributeList, { attributes });
export const encodeMultiValue = (values: { contentType: number; data: Buffer }[]) =>
  encode(MultiValue, { values });
export const encodeEncryptedData = (iv: Buffer, cipherText: Buffer) =>
  encode(EncryptedData, { iv, cipherText });
/** `timestampMicros`: microseconds since the epoch, as Yoti signs them. */
export const encodeSignedTimestamp = (timestampMicros: number) =>
  encode(SignedTimestamp, { version: 1, timestamp: timestampMicros });

export const DataEntryType = { THIRD_PARTY_ATTRIBUTE: 6 } as const;
export const encodeExtraData = (list: { type: number; value: Buffer }[]) => encode(ExtraData, { list });
export const encodeThirdPartyAttribute = (issuanceToken: Buffer, expiryDate: string, definitions: string[]) =>
  encode(ThirdPartyAttribute, {
    issuanceToken,
    issuingAttributes: { expiryDate, definitions: definitions.map((name) => ({ name })) },
  });

/** For tests and tools: the decoded AttributeList. */
export const decodeAttributeList = (bytes: Uint8Array) =>
  AttributeList.toObject(AttributeList.decode(bytes), { defaults: true }) as {
    attributes: AttributeMessage[];
  };
