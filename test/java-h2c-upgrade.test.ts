import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './support/simulator.js';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });

/**
 * Java's java.net.http.HttpClient (its default version is HTTP_2) adds an h2c upgrade to every
 * plain-HTTP request. These are the exact bytes a JDK 17 client sent; a server that does not do
 * h2c must answer them as HTTP/1.1.
 */
const javaRequest = (method: string, path: string, host: string, body = '', extra = '') =>
  `${method} ${path} HTTP/1.1\r\nConnection: Upgrade, HTTP2-Settings\r\nContent-Length: ${Buffer.byteLength(body)}\r\nHost: ${host}\r\nHTTP2-Settings: AAEAAEAAAAIAAAAAAAMAAAAAAAQBAAAAAAUAAEAAAAYABgAA\r\nUpgrade: h2c\r\nUser-Agent: Java-http-client/17.0.15\r\n${extra}${body ? 'Content-Type: application/json\r\n' : ''}\r\n${body}`;

/** Sends raw requests one after another on one keep-alive connection, as a client does; returns the responses. */
async function exchange(url: string, requests: string[]): Promise<string[]> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let text = '';
  let waiting: (() => void) | undefined;
  let closed = false;
  socket.on('data', (chunk) => {
    text += chunk.toString('latin1');
    waiting?.();
  });
  socket.on('close', () => {
    closed = true;
    waiting?.();
  });
  const complete = () => {
    const end = text.indexOf('\r\n\r\n');
    if (end < 0) return false;
    const length = Number(/content-length: (\d+)/i.exec(text.slice(0, end))?.[1] ?? 0);
    return Buffer.byteLength(text.slice(end + 4), 'latin1') >= length;
  };
  const responses: string[] = [];
  try {
    for (const request of requests) {
      text = '';
      socket.write(request);
      await new Promise<void>((resolve) => {
        waiting = () => (complete() || closed) && resolve();
      });
      responses.push(text);
      if (closed) break;
    }
  } finally {
    socket.destroy();
  }
  return responses;
}

/** A createShareUrl call signed over its body, sent the way java.net.http sends it. */
function signedShareRequest(host: string) {
  const body = '{"callback_endpoint":"/cb","policy":{"wanted":[{"name":"given_names"}]}}';
  const pathAndQuery = `/qrcodes/apps/h2c-app?nonce=${randomUUID()}&timestamp=${Date.now()}`;
  const digest = sign(
    'sha256',
    Buffer.from(`POST&${pathAndQuery}&${Buffer.from(body).toString('base64')}`),
    keys.privateKey,
  ).toString('base64');
  return javaRequest('POST', `/yoti/api/v1${pathAndQuery}`, host, body, `X-Yoti-Auth-Digest: ${digest}\r\n`);
}

describe('a plain request that offers Upgrade: h2c (Java HttpClient)', () => {
  const sim = useSimulator({
    scenario: {
      yoti: {
        apps: [
          { sdkId: 'h2c-app', publicKey: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
        ],
      },
    },
  });
  const host = () => new URL(sim().url).host;

  it('is answered as HTTP/1.1, GET and POST with a body, and the connection stays usable', async () => {
    const [health, refs, posted] = await exchange(sim().url, [
      javaRequest('GET', '/__admin/health', host()),
      javaRequest('GET', '/yoti/api/v1.1/qrcodes/refs/no-such-ref', host()),
      signedShareRequest(host()),
    ]);
    expect(health).toMatch(/^HTTP\/1\.1 200 /);
    expect(health).toContain('"status"');
    expect(refs).toMatch(/^HTTP\/1\.1 404 /);
    expect(refs).toContain('"code"');
    // The digest covers the body: it verifies only if the body arrived whole.
    expect(posted).toMatch(/^HTTP\/1\.1 200 /);
    expect(posted).toContain('"ref_id"');
  });
});
