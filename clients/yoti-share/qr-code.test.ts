import { describe, expect, it } from 'vitest';
import { QrDecodeError } from './errors.js';
import { qrCodeMsgType } from './proto.js';
import { decodeQrUrl, findQrUrl } from './qr-code.js';

// Built from proto/qrpubapi_v1.proto as Yoti documents QrCodeMsg (issuer CONNECT, transport QR_CODE),
// not by the simulator: a client test never leans on the code it is checked against.
const payload = (refId: string) => {
  const type = qrCodeMsgType();
  const message = type.create({
    issuer: 1,
    sharingToken: Buffer.from('token'),
    refId: Buffer.from(refId, 'utf8'),
    policy: Buffer.from([8, 1]),
    transport: 2,
  });
  return Buffer.from(type.encode(message).finish()).toString('base64url');
};
const url = (refId: string, base = 'https://code.yoti.com/') => `${base}${payload(refId)}`;

describe('findQrUrl', () => {
  it('reads the qrcode field of a JSON answer', () => {
    const qr = url('ref-1');
    expect(findQrUrl(JSON.stringify({ qrcode: qr, ref_id: 'ref-1' }))).toBe(qr);
  });

  it('finds the URL in any text, like a JSON string or HTML', () => {
    const qr = url('ref-2');
    expect(findQrUrl(JSON.stringify(qr))).toBe(qr);
    expect(findQrUrl(`<img alt="${qr}"> scan me`)).toBe(qr);
  });

  it('searches for a configured QR base', () => {
    const qr = url('ref-3', 'https://qr.example.test/c/');
    expect(findQrUrl(`code: ${qr}\n`, 'https://qr.example.test/c')).toBe(qr);
  });

  it('says what it looked for when there is no QR URL', () => {
    expect(() => findQrUrl('{"status":"ok"}')).toThrow(QrDecodeError);
    expect(() => findQrUrl('{"status":"ok"}')).toThrow(/https:\/\/code\.yoti\.com\//);
  });
});

describe('decodeQrUrl', () => {
  it('reads the UTF-8 ref_id of the QrCodeMsg the simulator encodes', () => {
    expect(decodeQrUrl(url('9a38914b-84d0-4b7f-943b-d370f6c7a5ec')).refId).toBe(
      '9a38914b-84d0-4b7f-943b-d370f6c7a5ec',
    );
    expect(decodeQrUrl(url('réf-ü')).refId).toBe('réf-ü');
  });

  it('decodes the example of Yoti guide', () => {
    const decoded = decodeQrUrl(
      'https://code.yoti.com/CAEaJDlhMzg5MTRiLTg0ZDAtNGI3Zi05NDNiLWQzNzBmNmM3YTVlYzAA',
    );
    expect(decoded.refId).toBe('9a38914b-84d0-4b7f-943b-d370f6c7a5ec');
    expect(decoded.issuer).toBe(1);
  });

  it('rejects payloads that are not a QrCodeMsg with a UTF-8 ref_id', () => {
    expect(() => decodeQrUrl('https://code.yoti.com/not+base64url')).toThrow(QrDecodeError);
    expect(() =>
      decodeQrUrl(`https://code.yoti.com/${Buffer.from([0xff, 0xff, 0xff]).toString('base64url')}`),
    ).toThrow(QrDecodeError);
    const type = qrCodeMsgType();
    const noRef = Buffer.from(type.encode(type.create({ issuer: 1 })).finish()).toString('base64url');
    expect(() => decodeQrUrl(`https://code.yoti.com/${noRef}`)).toThrow(/no ref_id/);
    const badUtf8 = Buffer.from(type.encode(type.create({ refId: Buffer.from([0xc3, 0x28]) })).finish());
    expect(() => decodeQrUrl(`https://code.yoti.com/${badUtf8.toString('base64url')}`)).toThrow(/not UTF-8/);
  });
});
