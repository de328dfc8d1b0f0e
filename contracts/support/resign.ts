import type { IncomingMessage, ServerResponse } from 'node:http';
import { signRequest } from '../../clients/yoti-idv/index.js';

type FilterRequest = IncomingMessage & { body?: unknown; url: string };

/**
 * A Pact request filter for signed Yoti APIs. The pact holds the form of nonce, timestamp and
 * digest, not values the simulator would accept (a replayed nonce, a stale timestamp, a signature
 * by another key); so each request is re-signed with the test app's key, as the real client would
 * have signed it. `privateKeyPem` is read per request: the key is made once the verifier starts.
 */
export function resigner(privateKeyPem: () => string) {
  return (req: FilterRequest, _res: ServerResponse, next: () => void): void => {
    // The filter also sees Pact's own state-change calls; only signed API requests are re-signed.
    if (!req.headers['x-yoti-auth-digest']) {
      next();
      return;
    }
    const url = new URL(req.url, 'http://pact.invalid');
    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams)
      if (name !== 'nonce' && name !== 'timestamp') query[name] = value;
    const method = req.method ?? 'GET';
    let body: Buffer | undefined;
    if (method === 'POST' || method === 'PUT') {
      // Pact's proxy forwards JSON.stringify of the parsed body, or the raw buffer.
      body = Buffer.isBuffer(req.body) ? req.body : Buffer.from(JSON.stringify(req.body ?? {}));
      req.headers['content-length'] = String(body.length);
    }
    const signed = signRequest({ method, path: url.pathname, query, body, privateKeyPem: privateKeyPem() });
    req.url = signed.pathWithQuery;
    req.headers['x-yoti-auth-digest'] = signed.headers['X-Yoti-Auth-Digest'];
    next();
  };
}
