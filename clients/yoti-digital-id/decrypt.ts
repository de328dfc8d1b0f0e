import { constants, createDecipheriv, privateDecrypt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import type { EncryptedReceipt, SharedAttribute, WrappedItemKey } from './types.js';

/**
 * Receipt decryption, written from Yoti's description: the item key is RSA-PKCS#1-v1.5 under the
 * app key; it AES-256-GCM-unwraps the receipt key (tag last); the receipt key AES-256-CBC-decrypts
 * each content field, base64 EncryptedData{iv, cipher_text} holding an AttributeList.
 */
export function unwrapReceiptKey(
  receipt: EncryptedReceipt,
  itemKey: WrappedItemKey,
  privateKeyPem: string,
): Buffer {
  const key = rsaPkcs1Decrypt(Buffer.from(itemKey.value, 'base64'), privateKeyPem);
  const wrapped = Buffer.from(receipt.wrappedKey ?? '', 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(itemKey.iv, 'base64'));
  decipher.setAuthTag(wrapped.subarray(wrapped.length - 16));
  return Buffer.concat([decipher.update(wrapped.subarray(0, wrapped.length - 16)), decipher.final()]);
}

/**
 * RSA PKCS#1 v1.5 decryption. Node 20 refuses RSA_PKCS1_PADDING for private decryption (the
 * Marvin timing attack on servers that answer decryption queries); a client opening its own
 * receipt is no such oracle, so it decrypts raw and removes the padding 00 02 PS 00 itself.
 */
function rsaPkcs1Decrypt(cipherText: Buffer, privateKeyPem: string): Buffer {
  const block = privateDecrypt({ key: privateKeyPem, padding: constants.RSA_NO_PADDING }, cipherText);
  const end = block.indexOf(0, 2);
  if (block[0] !== 0 || block[1] !== 2 || end < 10)
    throw new Error('the wrapped item key is not PKCS#1 v1.5 padded');
  return block.subarray(end + 1);
}

/** The attributes of one encrypted content field; none when it is empty. */
export function decryptAttributes(content: string | undefined, receiptKey: Buffer): SharedAttribute[] {
  if (!content) return [];
  const { iv, cipher_text } = types().encryptedData.toObject(
    types().encryptedData.decode(Buffer.from(content, 'base64')),
  ) as { iv: Buffer; cipher_text: Buffer };
  const decipher = createDecipheriv('aes-256-cbc', receiptKey, iv);
  const plain = Buffer.concat([decipher.update(cipher_text), decipher.final()]);
  const list = types().attributeList.toObject(types().attributeList.decode(plain), { enums: String }) as {
    attributes?: { name: string; value?: Buffer; content_type: string; ephemeral_id?: string }[];
  };
  return (list.attributes ?? []).map((a) => ({
    name: a.name,
    contentType: a.content_type,
    value: decodeValue(a.content_type, a.value ?? Buffer.alloc(0)),
    id: a.ephemeral_id ?? '',
  }));
}

function decodeValue(contentType: string, bytes: Buffer): unknown {
  switch (contentType) {
    case 'JPEG':
    case 'PNG':
      return bytes.toString('base64');
    case 'JSON':
      return JSON.parse(bytes.toString('utf8'));
    case 'INT':
      return Number(bytes.toString('utf8'));
    case 'MULTI_VALUE': {
      const multi = types().multiValue.toObject(types().multiValue.decode(bytes), { enums: String }) as {
        values?: { content_type: string; data?: Buffer }[];
      };
      return (multi.values ?? []).map((v) => decodeValue(v.content_type, v.data ?? Buffer.alloc(0)));
    }
    default:
      return bytes.toString('utf8');
  }
}

let loaded:
  | { attributeList: protobuf.Type; multiValue: protobuf.Type; encryptedData: protobuf.Type }
  | undefined;

/** The messages, from proto/ at the package root (found from sources and from dist/). */
function types() {
  if (!loaded) {
    const root = new protobuf.Root().loadSync(
      [protoFile('attrpubapi_v1.proto'), protoFile('compubapi_v1.proto')],
      {
        keepCase: true,
      },
    );
    loaded = {
      attributeList: root.lookupType('attrpubapi_v1.AttributeList'),
      multiValue: root.lookupType('attrpubapi_v1.MultiValue'),
      encryptedData: root.lookupType('compubapi_v1.EncryptedData'),
    };
  }
  return loaded;
}

function protoFile(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'proto', name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`yoti-digital-id client: cannot find proto/${name} above ${import.meta.url}`);
    dir = parent;
  }
}
