import { QrDecodeError } from './errors.js';
import { qrCodeMsgType } from './proto.js';

export const DEFAULT_QR_BASE = 'https://code.yoti.com/';

export interface DecodedQrCode {
  /** The whole URL, as shown in the QR code. */
  url: string;
  /** UTF-8 text of the `ref_id` bytes: the key for `qrcodes/refs/<ref_id>`. */
  refId: string;
  issuer?: number;
  transport?: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds the QR URL in the answer of step 1. The real body is not documented: a JSON object with
 * `qrcode` is read directly; anything else is searched for the QR base followed by base64url text
 * (what Yoti's own .NET example does).
 */
export function findQrUrl(body: string, qrBase = DEFAULT_QR_BASE): string {
  try {
    const json = JSON.parse(body) as unknown;
    if (typeof json === 'string' && json.startsWith('https://')) return json;
    if (json && typeof json === 'object') {
      const { qrcode } = json as { qrcode?: unknown };
      if (typeof qrcode === 'string' && qrcode.startsWith('https://')) return qrcode;
    }
  } catch {
    // not JSON: search the text below
  }
  const base = qrBase.endsWith('/') ? qrBase : `${qrBase}/`;
  const found = new RegExp(`${escapeRegExp(base)}[A-Za-z0-9_-]+=*`).exec(body);
  if (found) return found[0];
  const preview = body.length > 200 ? `${body.slice(0, 200)}…` : body;
  throw new QrDecodeError(
    `no QR URL in the answer (looked for a JSON "qrcode" field or text starting with ${base}): ${preview}`,
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Splits off the payload after the last `/`, base64url-decodes it and reads the QrCodeMsg. */
export function decodeQrUrl(url: string): DecodedQrCode {
  const payload = url.slice(url.lastIndexOf('/') + 1);
  if (!/^[A-Za-z0-9_-]+=*$/.test(payload)) {
    throw new QrDecodeError(`QR URL ${url} does not end in base64url data`);
  }
  let message: { refId?: Uint8Array; issuer?: number; transport?: number };
  try {
    const type = qrCodeMsgType();
    message = type.toObject(type.decode(Buffer.from(payload, 'base64url'))) as typeof message;
  } catch (error) {
    throw new QrDecodeError(`QR URL ${url} does not hold a QrCodeMsg: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!message.refId || message.refId.length === 0) {
    throw new QrDecodeError(`the QrCodeMsg in ${url} has no ref_id`);
  }
  let refId: string;
  try {
    refId = utf8.decode(message.refId);
  } catch (error) {
    throw new QrDecodeError(`the ref_id in ${url} is not UTF-8`, { cause: error });
  }
  return { url, refId, issuer: message.issuer, transport: message.transport };
}
