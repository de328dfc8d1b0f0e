import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Client, internals } from 'yoti';
import { useSimulator } from './support/simulator.js';
import { completeShare } from './support/yoti-profile.js';

/**
 * What the official Yoti SDKs other than Node send and parse, replayed byte for byte: the query
 * strings, headers and bodies below are those the Java (4.1.0), Go (3.15.0) and Python
 * (2.14.6, sandbox 1.3) SDKs sent to kyc-sim when run against it.
 */

const SDK = 'wire-app';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const authKey = keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

/** Headers the Java SDK's HttpURLConnection adds to every call. */
const JAVA_HEADERS = {
  'X-Yoti-SDK': 'Java',
  'X-Yoti-SDK-Version': 'Java-4.1.0',
  'User-Agent': 'Java/17.0.15',
  Accept: 'text/html, image/gif, image/jpeg, */*; q=0.2',
};

/** Java's createSignedRequestParams: a UUID nonce, then System.nanoTime()/1000 (a JVM's was 1588638119). */
const javaTimestamp = () => String(BigInt(process.hrtime.bigint()) / 1000n);

/** Python's urlsafe_b64decode and Go's base64.URLEncoding: URL-safe alphabet, `=` padding required. */
const PADDED_URL_SAFE = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}==|[A-Za-z0-9_-]{3}=)?$/;

/** Yoti's receipt timestamp: Python `%Y-%m-%dT%H:%M:%SZ`, Java `yyyy-MM-dd'T'HH:mm:ss'Z'`, .NET `yyyy-MM-ddTHH:mm:ssZ`. */
const WHOLE_SECONDS_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('what the Java, Go and Python SDKs send and parse', () => {
  const sim = useSimulator({
    clock: 'manual',
    scenario: {
      seed: 11,
      yoti: {
        apps: [
          {
            sdkId: SDK,
            publicKey: publicKeyPem,
            scenarios: [
              {
                id: 'wire-scenario',
                policy: { wanted: [{ name: 'given_names' }] },
                outcome: { type: 'complete', afterMs: 1000, profile: { given_names: 'Alex' } },
              },
            ],
            dynamicShare: { outcome: { type: 'complete', afterMs: 1000 } },
            idv: { outcome: { type: 'manual' } },
          },
        ],
      },
    },
  });

  /**
   * Sends a call signed as every SDK signs: RSA-SHA256 over `METHOD&PATH?QUERY` plus
   * `&base64(body)`, PATH below the API base and QUERY exactly as sent.
   */
  const send = (
    method: string,
    base: string,
    path: string,
    query: string,
    init: { body?: string; headers?: Record<string, string> } = {},
  ) => {
    const message = `${method}&${path}?${query}${init.body ? `&${Buffer.from(init.body).toString('base64')}` : ''}`;
    const digest = sign('sha256', Buffer.from(message), pem).toString('base64');
    return fetch(`${sim().url}${base}${path}?${query}`, {
      method,
      body: init.body,
      headers: { 'X-Yoti-Auth-Digest': digest, 'Content-Type': 'application/json', ...init.headers },
    });
  };

  const qrToken = async () => {
    const res = await fetch(`${sim().url}/yoti/api/v1.1/sessions/apps/${SDK}/scenarios/wire-scenario`);
    const { ref_id } = (await res.json()) as { ref_id: string };
    return (await completeShare(sim(), ref_id, 1000)).token;
  };
  const connectTokenOf = (token: string) =>
    internals.YotiCommon.decryptAsymmetric(Buffer.from(token, 'base64'), Buffer.from(pem)).toString();

  const sandboxToken = async (body: string) => {
    const res = await send(
      'POST',
      '/yoti/sandbox/v1',
      `/apps/${SDK}/tokens`,
      `nonce=${randomUUID()}&timestamp=${Date.now()}`,
      {
        body,
      },
    );
    expect(res.status).toBe(201);
    return ((await res.json()) as { token: string }).token;
  };

  it('issues padded URL-safe base64 tokens from the websocket, dynamic share and the sandbox', async () => {
    const fromQr = await qrToken();
    const sandbox = await sandboxToken('{"profile_attributes":[{"name":"given_names","value":"Ada"}]}');
    // An RSA-2048 ciphertext is 256 bytes: 342 characters of base64 and `==`.
    for (const token of [fromQr, sandbox]) {
      expect(token).toMatch(PADDED_URL_SAFE);
      expect(token).toHaveLength(344);
      expect(token.endsWith('==')).toBe(true);
    }
  });

  it('Java: a profile exchange stamped with System.nanoTime()/1000 gets a receipt with whole-second timestamp', async () => {
    const token = connectTokenOf(await qrToken());
    const query = `appId=${SDK}&nonce=${randomUUID()}&timestamp=${javaTimestamp()}`;
    const res = await send('GET', '/yoti/api/v1', `/profile/${token}`, query, {
      headers: { ...JAVA_HEADERS, 'X-Yoti-Auth-Key': authKey },
    });
    expect(res.status).toBe(200);
    const { receipt } = (await res.json()) as { receipt: { timestamp: string } };
    expect(receipt.timestamp).toMatch(WHOLE_SECONDS_UTC);
  });

  it('takes any integer timestamp but still refuses a missing or non-numeric one and a replayed nonce', async () => {
    const nonce = randomUUID();
    const call = (query: string) =>
      send('POST', '/yoti/api/v1', `/qrcodes/apps/${SDK}`, query, {
        body: '{"policy":{"wanted":[]}}',
        headers: JAVA_HEADERS,
      });
    expect((await call(`nonce=${nonce}&timestamp=-42`)).status).toBe(200);
    for (const [query, code] of [
      [`nonce=${nonce}&timestamp=${javaTimestamp()}`, 'NONCE_ALREADY_USED'],
      [`nonce=${randomUUID()}`, 'MISSING_TIMESTAMP'],
      [`nonce=${randomUUID()}&timestamp=yesterday`, 'INVALID_TIMESTAMP'],
    ]) {
      const res = await call(query);
      expect({ status: res.status, code: ((await res.json()) as { code: string }).code }).toEqual({
        status: 401,
        code,
      });
    }
  });

  it('Java: createShareUrl names the app in the path only and sends unset policy fields as null', async () => {
    const body =
      '{"callback_endpoint":"/callback","policy":{"wanted":[{"name":"date_of_birth","derivation":"age_over:18","optional":false,"accept_self_asserted":null,"constraints":[],"alternative_names":[]},{"name":"given_names","derivation":null,"optional":false,"accept_self_asserted":null,"constraints":[],"alternative_names":[]}],"wanted_auth_types":[],"wanted_remember_me":false,"wanted_remember_me_optional":false,"identity_profile_requirements":null,"advanced_identity_profile_requirements":null},"extensions":[],"subject":null}';
    const res = await send(
      'POST',
      '/yoti/api/v1',
      `/qrcodes/apps/${SDK}`,
      `nonce=${randomUUID()}&timestamp=${javaTimestamp()}`,
      {
        body,
        headers: JAVA_HEADERS,
      },
    );
    expect(res.status).toBe(200);
    const { ref_id } = (await res.json()) as { ref_id: string };
    const { token } = await completeShare(sim(), ref_id, 1000);
    expect(token).toMatch(PADDED_URL_SAFE);
    const profile = (
      await new Client(SDK, pem, { apiUrl: `${sim().url}/yoti/api/v1` }).getActivityDetails(token)
    ).getProfile();
    expect(
      profile
        .getAttributesList()
        .map((a: { getName(): string }) => a.getName())
        .sort(),
    ).toEqual(['age_over:18', 'given_names']);
  });

  it("Java and Go: doc-scan sessions with a SUPPLEMENTARY_DOCUMENT that has only an objective, Go's app as sdkID", async () => {
    const javaBody =
      '{"client_session_token_ttl":600,"requested_checks":[{"config":{},"type":"ID_DOCUMENT_AUTHENTICITY"}],"requested_tasks":[],"required_documents":[{"type":"ID_DOCUMENT"},{"objective":{"type":"PROOF_OF_ADDRESS"},"type":"SUPPLEMENTARY_DOCUMENT"}]}';
    const java = await send(
      'POST',
      '/yoti/idverify/v1',
      '/sessions',
      `sdkId=${SDK}&nonce=${randomUUID()}&timestamp=${javaTimestamp()}`,
      {
        body: javaBody,
        headers: JAVA_HEADERS,
      },
    );
    expect(java.status).toBe(201);
    const { session_id } = (await java.json()) as { session_id: string };

    // Go's SignedRequest ranges over a map: sdkID, nonce and timestamp come in any order.
    const goQuery = `timestamp=${Date.now()}&sdkID=${SDK}&nonce=${randomUUID().toUpperCase()}`;
    const config = await send('GET', '/yoti/idverify/v1', `/sessions/${session_id}/configuration`, goQuery, {
      headers: { 'X-Yoti-SDK': 'Go', 'X-Yoti-SDK-Version': '3.15.0' },
    });
    expect(config.status).toBe(200);
    const { capture } = (await config.json()) as {
      capture: { required_resources: { type: string; objective?: { type: string } }[] };
    };
    expect(capture.required_resources.find((r) => r.type === 'SUPPLEMENTARY_DOCUMENT')?.objective).toEqual({
      type: 'PROOF_OF_ADDRESS',
    });
  });

  it('Python and Go sandbox token requests ("" and null meaning absent) exchange at the sandbox base', async () => {
    // yoti-python-sdk-sandbox: SandboxAttribute.__dict__ with no derivation and no anchors.
    const python = await sandboxToken(
      '{"remember_me_id": "remember-py", "profile_attributes": [{"name": "given_names", "value": "Ada", "anchors": null, "derivation": ""}, {"name": "date_of_birth", "value": "1990-01-01", "anchors": null, "derivation": null}]}',
    );
    // yoti-go-sdk profile/sandbox: string fields left empty, anchors an empty slice.
    const go = await sandboxToken(
      '{"remember_me_id":"","profile_attributes":[{"name":"family_name","value":"Lovelace","derivation":"","optional":"","anchors":[]}]}',
    );
    // Go's example and @getyoti/sdk-sandbox point the profile client at the sandbox base.
    const client = new Client(SDK, pem, { apiUrl: `${sim().url}/yoti/sandbox/v1` });
    const fromPython = await client.getActivityDetails(python);
    expect(fromPython.getProfile().getGivenNames().getValue()).toBe('Ada');
    expect(fromPython.getProfile().getDateOfBirth().getValue().toISOString()).toMatch(/^1990-01-01/);
    // The sandbox answers the base64 of the posted remember-me id.
    expect(Buffer.from(fromPython.getRememberMeId(), 'base64').toString()).toBe('remember-py');
    const fromGo = await client.getActivityDetails(go);
    expect(fromGo.getProfile().getFamilyName().getValue()).toBe('Lovelace');
    expect(fromGo.getRememberMeId()).toBeFalsy();
  });

  it('refuses a sandbox exchange with a bad signature at the sandbox base too', async () => {
    const token = connectTokenOf(await sandboxToken('{"profile_attributes":[]}'));
    const res = await fetch(
      `${sim().url}/yoti/sandbox/v1/profile/${token}?appId=${SDK}&nonce=${randomUUID()}&timestamp=1`,
      { headers: { 'X-Yoti-Auth-Digest': 'AAAA', 'X-Yoti-Auth-Key': authKey } },
    );
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('INVALID_DIGEST');
  });
});
