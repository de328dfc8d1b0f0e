/** The image types a QR code renders to. */
export type QrImageType = 'image/svg+xml' | 'image/png';

/** Renders `text` as a QR code image: SVG markup or PNG bytes. Throws when the text cannot fit. */
export async function renderQr(text: string, type: QrImageType): Promise<string | Buffer> {
  // Loaded on first use: QR rendering (and its PNG encoder) is not needed to start.
  const { default: QRCode } = await import('qrcode');
  if (type === 'image/svg+xml') return QRCode.toString(text, { type: 'svg', margin: 2 });
  return QRCode.toBuffer(text, { type: 'png', margin: 2, width: 320 });
}
