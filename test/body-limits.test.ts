import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { admin, useSimulator } from './support/simulator.js';
import { openSocket } from './support/ws.js';
import { requestQr, resolveRef, socketUrl } from './support/yoti-share.js';

const MiB = 1024 * 1024;

/**
 * Streams up to `total` bytes (chunked, no Content-Length) until the server answers; returns the
 * status and how many bytes went out before the answer came. A server that buffers the whole body
 * answers only after all of it.
 */
function streamUntilAnswered(
  url: string,
  path: string,
  total: number,
): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    const chunk = Buffer.alloc(256 * 1024, 'a');
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent });
      req.destroy();
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.write('{"a":"');
    pump();
  });
}

/** A request that declares a huge Content-Length and sends nothing: refused before any byte is read. */
function declareOnly(url: string, path: string, length: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(length) },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

/** A JPEG as base64: the magic bytes Biometric.kz checks, padded to `bytes`. */
const jpegBase64 = (bytes: number) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(bytes - 4, 7)]).toString('base64');

describe('request body limits', () => {
  const sim = useSimulator({ scenario: 'scenarios/biometric-contract.yaml' });

  it('refuses an oversized Attestr handshake with Attestr’s own 413 body', async () => {
    const res = await fetch(`${sim().url}/attestr/api/v2/public/flowx/handshake`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic eDp5' },
      body: JSON.stringify({ flow: 'x', tag: 'y'.repeat(200_000) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      httpStatusCode: 413,
      code: 4130,
      message: /larger than 64 KiB/,
    });
  });

  it('takes a Biometric.kz session with a 3 MB reference photo, refuses a 13 MB one with {detail}', async () => {
    const { biometric } = (await admin(sim(), 'GET', '/scenario')).scenario;
    const flow = biometric.flows.find((f: { active: boolean; technologies: string[] }) => f.active);
    const create = (photoBytes: number) =>
      fetch(`${sim().url}/biometric/kyc/api/v1/flows/session/create/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          api_key: flow.apiKey,
          metadata: { face2face: { photo1: jpegBase64(photoBytes) } },
        }),
      });
    const small = await create(3 * MiB);
    expect(small.status).toBe(200);
    const big = await create(13 * MiB); // 17.3 MiB as base64
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ detail: expect.stringMatching(/larger than 16 MiB/) });
  }, 30_000);

  it('answers a Yoti route in Yoti’s format', async () => {
    const res = await fetch(`${sim().url}/yoti/api/v1/qrcodes/image`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(2 * MiB),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses a declared 500 MB body before reading it', async () => {
    expect(await declareOnly(sim().url, '/yoti/api/v1/qrcodes/image', 500 * MiB)).toBe(413);
    expect(await declareOnly(sim().url, '/__admin/clock/advance', 500 * MiB)).toBe(413);
  });

  it('stops reading a streamed 500 MB body at the route’s limit instead of buffering it', async () => {
    const { status, sent } = await streamUntilAnswered(
      sim().url,
      '/biometric/kyc/api/v1/flows/session/create/',
      500 * MiB,
    );
    expect(status).toBe(413);
    // The limit is 16 MiB; socket buffers and the post-answer drain account for the rest.
    expect(sent).toBeLessThan(100 * MiB);
    expect((await fetch(`${sim().url}/__admin/health`)).status).toBe(200);
  });

  it('journals a body clipped to the journal limit, with its whole size', async () => {
    const body = JSON.stringify({ url: `https://example.com/${'p'.repeat(100_000)}` });
    await fetch(`${sim().url}/yoti/api/v1/qrcodes/image`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const [entry] = (await admin(sim(), 'GET', '/requests?path=/qrcodes/image&limit=1')).requests;
    expect(entry.requestBodyBytes).toBe(body.length);
    expect(entry.requestBody.length).toBeLessThan(4200);
    expect(entry.requestBody).toMatch(new RegExp(`…\\[clipped: ${body.length} bytes in all\\]$`));
  });
});

describe('journal body limit option', () => {
  const sim = useSimulator({ journalBodyLimit: 100 });

  it('clips websocket frames when they are recorded', async () => {
    const { apps } = (await admin(sim(), 'GET', '/scenario')).scenario.yoti;
    const qr = await requestQr(sim(), apps[0].sdkId, apps[0].scenarios[0].id);
    const { session_data } = await resolveRef(sim(), qr.ref_id);
    const socket = await openSocket(socketUrl(sim(), session_data));
    socket.ws.send('f'.repeat(10_000));
    socket.ws.send(JSON.stringify({ subscription: session_data }));
    await socket.next();
    socket.ws.close();
    const frames = (await admin(sim(), 'GET', '/requests?kind=ws-in')).requests;
    expect(frames.map((e: { message: string }) => e.message)).toContain(
      `${'f'.repeat(100)}…[clipped: 10000 bytes in all]`,
    );
  });

  it('keeps only as many characters as asked', async () => {
    await fetch(`${sim().url}/nowhere`, { method: 'POST', body: 'z'.repeat(5000) });
    const [entry] = (await admin(sim(), 'GET', '/requests?path=/nowhere&limit=1')).requests;
    expect(entry.requestBody).toBe(`${'z'.repeat(100)}…[clipped: 5000 bytes in all]`);
  });
});
