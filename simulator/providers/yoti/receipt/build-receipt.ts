import { constants, createCipheriv, type KeyObject, publicEncrypt, randomBytes } from 'node:crypto';
import type { RandomSource } from '../../../engine/random.js';
import type { AnchorAuthority } from './certificates.js';
import {
  type AttributeMessage,
  ContentType,
  DataEntryType,
  encodeAttributeList,
  encodeEncryptedData,
  encodeExtraData,
  encodeMultiValue,
  encodeSignedTimestamp,
  encodeThirdPartyAttribute,
} from './messages.js';
import type { AnchorSpec, SharedAttribute, ShareResult } from './share-result.js';

export interface ReceiptContext extends ContentContext {
  appPublicKey: KeyObject;
}

/** What encrypting a receipt's content needs: anchors, ids, and the relying party's own profile. */
export interface ContentContext {
  ca: AnchorAuthority;
  random: RandomSource;
  /** The relying party's own profile (profile_content): name, URL, receipt colour. */
  application: { name: string; url: string; receiptBgColor: string };
}

/** A receipt's three content fields, each base64(EncryptedData{iv, AES-256-CBC(receipt key, ...)}), '' when empty. */
export interface EncryptedContents {
  /** The user's AttributeList (other_party_profile_content; v2 otherPartyContent.profile). */
  userProfile: string;
  /** The relying party's own AttributeList (profile_content; v2 content.profile). */
  applicationProfile: string;
  /** Third-party attributes (extra_data_content; v2 otherPartyContent.extraData). */
  extraData: string;
}

/**
 * Encrypts what was shared under `receiptKey` (32 bytes): the content both the profile receipt
 * (v1) and the Digital ID receipt (v2) carry; they differ only in how the key is wrapped.
 */
export async function encryptContents(
  result: ShareResult,
  rc: ContentContext,
  receiptKey: Buffer,
): Promise<EncryptedContents> {
  const encrypt = (plain: Buffer) => {
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-256-cbc', receiptKey, iv);
    return encodeEncryptedData(iv, Buffer.concat([cipher.update(plain), cipher.final()])).toString('base64');
  };
  const userAttributes = await Promise.all(
    result.attributes.map((a) => attributeMessage(a, result.sharedAt, rc)),
  );
  const application = [
    ['application_name', rc.application.name],
    ['application_url', rc.application.url],
    ['application_receipt_bgcolor', rc.application.receiptBgColor],
  ].map(([name, value]) => message(name, ContentType.STRING, Buffer.from(value), [], rc));
  return {
    userProfile: result.attributes.length ? encrypt(encodeAttributeList(userAttributes)) : '',
    applicationProfile: encrypt(encodeAttributeList(application)),
    // Empty when there is none, which the SDK skips (saving it an RSA unwrap).
    extraData: result.extraData.length ? encrypt(extraData(result)) : '',
  };
}

/**
 * The `receipt` object of GET /profile/{token}: a fresh AES-256 key wrapped with the app public
 * key (RSA PKCS#1 v1.5), and each content field base64(EncryptedData{iv, AES-256-CBC(...)}).
 */
export async function buildReceipt(
  result: ShareResult,
  rc: ReceiptContext,
): Promise<Record<string, unknown>> {
  const receiptKey = randomBytes(32);
  const contents = await encryptContents(result, rc, receiptKey);
  return {
    receipt_id: result.receiptId,
    other_party_profile_content: contents.userProfile,
    profile_content: contents.applicationProfile,
    other_party_extra_data_content: '',
    extra_data_content: contents.extraData,
    wrapped_receipt_key: publicEncrypt(
      { key: rc.appPublicKey, padding: constants.RSA_PKCS1_PADDING },
      receiptKey,
    ).toString('base64'),
    policy_uri: '',
    personal_key: '',
    remember_me_id: result.rememberMeId,
    parent_remember_me_id: result.parentRememberMeId,
    sharing_outcome: result.sharingOutcome,
    timestamp: receiptTimestamp(result.sharedAt),
  };
}

/**
 * `2026-01-02T03:04:05Z`: whole seconds, as Yoti sends it. Python parses `%Y-%m-%dT%H:%M:%SZ`,
 * Java `yyyy-MM-dd'T'HH:mm:ss'Z'` and .NET `yyyy-MM-ddTHH:mm:ssZ` exactly; Go, Node and PHP take it too.
 */
export const receiptTimestamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

async function attributeMessage(
  a: SharedAttribute,
  sharedAt: number,
  rc: ContentContext,
): Promise<AttributeMessage> {
  const anchors = await Promise.all(a.anchors.map((spec) => anchorMessage(spec, sharedAt, rc)));
  if (a.contentType === 'MULTI_VALUE') {
    const values = (a.items ?? []).map((item) => ({
      contentType: ContentType[item.contentType],
      data: bytesOf(item),
    }));
    return message(a.name, ContentType.MULTI_VALUE, encodeMultiValue(values), anchors, rc, a.id);
  }
  return message(a.name, ContentType[a.contentType], bytesOf(a), anchors, rc, a.id);
}

const bytesOf = (a: { contentType: string; value: string }) =>
  a.contentType === 'JPEG' || a.contentType === 'PNG'
    ? Buffer.from(a.value, 'base64')
    : Buffer.from(a.value, 'utf8');

const message = (
  name: string,
  contentType: number,
  value: Buffer,
  anchors: AttributeMessage['anchors'],
  rc: ContentContext,
  id?: string,
): AttributeMessage => ({ name, value, contentType, anchors, ephemeralId: id ?? rc.random.uuid() });

async function anchorMessage(spec: AnchorSpec, sharedAt: number, rc: ContentContext) {
  return {
    originServerCerts: await rc.ca.chain(spec.type, spec.value),
    subType: spec.subType,
    signedTimeStamp: encodeSignedTimestamp((spec.timestampMs ?? sharedAt) * 1000),
  };
}

function extraData(result: ShareResult): Buffer {
  return encodeExtraData(
    result.extraData.map((entry) => ({
      type: DataEntryType.THIRD_PARTY_ATTRIBUTE,
      value: encodeThirdPartyAttribute(
        Buffer.from(entry.issuanceToken, 'base64'),
        entry.expiryDate,
        entry.definitions,
      ),
    })),
  );
}
