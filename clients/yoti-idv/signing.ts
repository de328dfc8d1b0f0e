import { randomUUID, sign } from 'node:crypto';

/**
 * Yoti request signing, written from the public description (not the SDK's code): sign
 * `METHOD&PATH?QUERY` plus `&base64(body)` when there is a body, with RSA-SHA256 (PKCS#1 v1.5)
 * and the app's private key; the base64 signature goes in X-Yoti-Auth-Digest. PATH is the
 * endpoint below the API base URL.
 */
export interface SignedRequestParts {
  method: string;
  /** Endpoint below the base, e.g. /sessions/abc. */
  path: string;
  /** Parameters before nonce and timestamp, e.g. { sdkId }. */
  query?: Record<string, string>;
  body?: Uint8Array;
  privateKeyPem: string;
  /** For tests and Pact: fixed values instead of a fresh UUID and the current time. */
  nonce?: string;
  timestamp?: number;
}

export interface SignedRequest {
  /** PATH?QUERY, to append to the base URL. */
  pathWithQuery: string;
  headers: Record<string, string>;
  stringToSign: string;
}

export function signRequest(parts: SignedRequestParts): SignedRequest {
  const method = parts.method.toUpperCase();
  const params = new URLSearchParams(parts.query);
  params.set('nonce', parts.nonce ?? randomUUID());
  params.set('timestamp', String(parts.timestamp ?? Date.now()));
  const pathWithQuery = `${parts.path}?${params.toString()}`;
  const hasBody = parts.body !== undefined && parts.body.length > 0;
  const stringToSign = `${method}&${pathWithQuery}${hasBody ? `&${Buffer.from(parts.body as Uint8Array).toString('base64')}` : ''}`;
  const digest = sign('sha256', Buffer.from(stringToSign), parts.privateKeyPem).toString('base64');
  return {
    pathWithQuery,
    stringToSign,
    headers: {
      'X-Yoti-Auth-Digest': digest,
      'X-Yoti-SDK': 'kyc-sim-yoti-idv',
      Accept: 'application/json',
    },
  };
}
