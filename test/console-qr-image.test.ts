import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './support/simulator.js';

interface DecodedPng {
  width: number;
  height: number;
  data: Buffer;
}
// pngjs (a dependency of qrcode) ships no types; this is the one call the test makes.
const { PNG } = createRequire(import.meta.url)('pngjs') as {
  PNG: { sync: { read(png: Buffer): DecodedPng } };
};

/** Yoti's documented QR image endpoint: POST /api/v1/qrcodes/image, SVG or PNG by Accept. */
const sim = useSimulator({ scenario: { name: 'qr-image' } });
const URL_IN_QR = 'https://code.yoti.com/CAESIKMn-example-qr-payload';

const post = (body: string | undefined, accept?: string) =>
  fetch(`${sim().url}/yoti/api/v1/qrcodes/image`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) },
    body,
  });

/** Reads the dark/light modules out of a rendered PNG, sampling the middle of each module. */
function modulesOf(png: DecodedPng, size: number, margin: number): boolean[] {
  const scale = png.width / (size + margin * 2);
  const out: boolean[] = [];
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const x = Math.floor((margin + col + 0.5) * scale);
      const y = Math.floor((margin + row + 0.5) * scale);
      out.push(png.data[(y * png.width + x) * 4] < 128);
    }
  }
  return out;
}

describe('POST /yoti/api/v1/qrcodes/image', () => {
  it('renders a PNG whose modules encode the url', async () => {
    const res = await post(JSON.stringify({ url: URL_IN_QR }), 'image/png');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    const expected = QRCode.create(URL_IN_QR, {});
    const size = expected.modules.size;
    expect(modulesOf(png, size, 2)).toEqual([...expected.modules.data].map((bit) => bit === 1));
  });

  it('renders SVG markup for Accept: image/svg+xml', async () => {
    const res = await post(JSON.stringify({ url: URL_IN_QR }), 'image/svg+xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    const svg = await res.text();
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('<path');
  });

  it('picks the preferred type when Accept lists both', async () => {
    const res = await post(JSON.stringify({ url: URL_IN_QR }), 'image/svg+xml;q=0.5, image/png');
    expect(res.headers.get('content-type')).toBe('image/png');
  });

  it.each([
    ['missing', undefined],
    ['unsupported', 'image/jpeg'],
    ['a wildcard', '*/*'],
  ])('answers 406 in Yoti format for a %s Accept', async (_, accept) => {
    const res = await post(JSON.stringify({ url: URL_IN_QR }), accept);
    expect(res.status).toBe(406);
    const body = await res.json();
    expect(body.code).toBe('NOT_ACCEPTABLE');
    expect(body.message).toContain('image/svg+xml or image/png');
  });

  it.each([
    ['no url', JSON.stringify({})],
    ['an empty url', JSON.stringify({ url: '' })],
    ['a url that is not a string', JSON.stringify({ url: 42 })],
    ['a body that is not JSON', 'url=https://code.yoti.com/x'],
    ['no body', undefined],
  ])('answers 400 in Yoti format for %s', async (_, body) => {
    const res = await post(body, 'image/svg+xml');
    expect(res.status).toBe(400);
    const error = await res.json();
    expect(error).toMatchObject({ code: 'BAD_REQUEST', errors: [{ property: 'url' }] });
  });

  it('answers 400, not 500, for a url too long to fit in a QR code', async () => {
    const res = await post(JSON.stringify({ url: `https://code.yoti.com/${'x'.repeat(5000)}` }), 'image/png');
    expect(res.status).toBe(400);
    expect((await res.json()).message).toContain('cannot be rendered');
  });
});
