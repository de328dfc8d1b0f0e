import type protobuf from 'protobufjs';
import { protoTypes } from '../proto.js';

/** The receipt's protobuf messages (proto/compubapi_v1, attrpubapi_v1, sharepubapi_v1). */
const types = protoTypes(['compubapi_v1.proto', 'attrpubapi_v1.proto', 'sharepubapi_v1.proto'], {
  EncryptedData: 'compubapi_v1.EncryptedData',
  SignedTimestamp: 'compubapi_v1.SignedTimestamp',
  AttributeList: 'attrpubapi_v1.AttributeList',
  MultiValue: 'attrpubapi_v1.MultiValue',
  ExtraData: 'sharepubapi_v1.ExtraData',
  ThirdPartyAttribute: 'sharepubapi_v1.ThirdPartyAttribute',
});

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

export const encodeAttributeList = (attributes: AttributeMessage[]) =>
  encode(types().AttributeList, { attributes });
export const encodeMultiValue = (values: { contentType: number; data: Buffer }[]) =>
  encode(types().MultiValue, { values });
export const encodeEncryptedData = (iv: Buffer, cipherText: Buffer) =>
  encode(types().EncryptedData, { iv, cipherText });
/** `timestampMicros`: microseconds since the epoch, as Yoti signs them. */
export const encodeSignedTimestamp = (timestampMicros: number) =>
  encode(types().SignedTimestamp, { version: 1, timestamp: timestampMicros });

export const DataEntryType = { THIRD_PARTY_ATTRIBUTE: 6 } as const;
export const encodeExtraData = (list: { type: number; value: Buffer }[]) =>
  encode(types().ExtraData, { list });
export const encodeThirdPartyAttribute = (issuanceToken: Buffer, expiryDate: string, definitions: string[]) =>
  encode(types().ThirdPartyAttribute, {
    issuanceToken,
    issuingAttributes: { expiryDate, definitions: definitions.map((name) => ({ name })) },
  });

/** For tests and tools: the decoded AttributeList. */
export const decodeAttributeList = (bytes: Uint8Array) =>
  types().AttributeList.toObject(types().AttributeList.decode(bytes), { defaults: true }) as {
    attributes: AttributeMessage[];
  };
