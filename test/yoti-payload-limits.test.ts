import { describe, expect, it } from 'vitest';
import { admin, useSimulator } from './support/simulator.js';
import { type Any, DIGITAL_ID_SDK_ID, digitalIdScenario, yoti } from './support/yoti-digital-id.js';
import { testKeys } from './support/yoti-idv.js';

/** `{a: {a: … {a: 1}}}`, `depth` objects deep. */
const nested = (depth: number): Record<string, unknown> => {
  let value: Record<string, unknown> = { a: 1 };
  for (let i = 1; i < depth; i++) value = { a: value };
  return value;
};

/** A request signed by the official SDK's RequestBuilder, as every Yoti SDK call is. */
async function signedPost(base: string, endpoint: string, body: unknown, query: Record<string, string> = {}) {
  let builder = new yoti.RequestBuilder()
    .withBaseUrl(base)
    .withPemString((await testKeys()).privateKeyPem)
    .withEndpoint(endpoint)
    .withMethod('POST')
    .withHeader('X-Yoti-Auth-Id', DIGITAL_ID_SDK_ID)
    .withPayload(new yoti.Payload(body));
  for (const [name, value] of Object.entries(query)) builder = builder.withQueryParam(name, value);
  const answer = await builder
    .build()
    .execute()
    .catch((e: Any) => e);
  // The SDK resolves with a YotiResponse and rejects with the HTTP error's response.
  if (typeof answer.getStatusCode === 'function')
    return { status: answer.getStatusCode(), body: answer.getParsedResponse() };
  const response = answer.response;
  return { status: response.statusCode ?? response.status, body: JSON.parse(response.text) };
}

const refusal = (property: string, message: string) => ({
  code: 'PAYLOAD_VALIDATION',
  message: 'There were errors validating the payload',
  errors: [{ property, message }],
});

describe('Yoti payloads kept by the simulator are bounded', () => {
  const sim = useSimulator({ scenario: { name: 'boot' } });

  it('refuses a sandbox token request whose extra fields nest too deep, in Yoti’s 400', async () => {
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario());
    const answer = await signedPost(`${sim().url}/yoti/sandbox/v1`, `/apps/${DIGITAL_ID_SDK_ID}/tokens`, {
      profile_attributes: [{ name: 'given_names', value: 'Ada' }],
      extra_data: { data_entry: [], deep: nested(200) },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(
      refusal(`extra_data.deep${'.a'.repeat(30)}`, 'Nested too deeply: at most 32 levels.'),
    );
  });

  it('refuses an IDV session spec and a Digital ID session with too many fields or too long a string', async () => {
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario());
    const wide = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`k${i}`, i]));
    const idv = await signedPost(
      `${sim().url}/yoti/idverify/v1`,
      '/sessions',
      { client_session_token_ttl: 600, sdk_config: wide },
      { sdkId: DIGITAL_ID_SDK_ID },
    );
    expect(idv.status).toBe(400);
    expect(idv.body).toEqual(refusal('sdk_config', 'Too many fields: at most 10000 in all.'));

    const share = await signedPost(`${sim().url}/yoti/share`, '/v2/sessions', {
      policy: { wanted: [] },
      redirectUri: '/profile',
      subject: { note: 'x'.repeat(512 * 1024 + 1) },
    });
    expect(share.status).toBe(400);
    expect(share.body.errors).toEqual([
      { property: 'subject.note', message: 'Ensure this field has no more than 524288 characters.' },
    ]);
    // Nothing of them was kept, and every view can still be written out.
    expect((await admin(sim(), 'GET', '/sessions')).sessions).toEqual([]);
  });

  it('takes a sandbox selfie of a realistic size', async () => {
    await admin(sim(), 'PUT', '/scenario', await digitalIdScenario());
    const selfie = Buffer.alloc(200 * 1024, 7).toString('base64');
    const answer = await signedPost(`${sim().url}/yoti/sandbox/v1`, `/apps/${DIGITAL_ID_SDK_ID}/tokens`, {
      profile_attributes: [{ name: 'selfie', value: selfie }],
    });
    expect(answer.status).toBe(201);
    expect(answer.body.token).toEqual(expect.any(String));
  });
});
