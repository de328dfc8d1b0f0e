import { constants, createPrivateKey, createPublicKey, privateDecrypt, randomUUID, sign } from 'node:crypto';
import yoti from 'yoti';

// yoti is CommonJS: Node's ESM loader only offers its default export.
const { Client, Payload, RequestBuilder } = yoti;

export interface ProfileExchangeOptions {
  /** An app of the running scenario whose private key kyc-sim holds (generated or ephemeral). */
  sdkId: string;
  durationMs?: number;
  concurrency?: number;
  /**
   * `sdk`: the official SDK's getActivityDetails (token decryption, signing, receipt decryption
   * with node-forge in this process). `http`: the signed GET /profile alone, receipt not
   * decrypted, which isolates the simulator's own cost (RSA verify + RSA wrap + AES).
   */
  mode?: 'sdk' | 'http';
}

/**
 * Profile exchanges per second against a running simulator at `base`. Tokens are minted before
 * the clock starts through the sandbox token API (one given_names attribute each), since a token
 * is good once. Both sides are bound by RSA: the SDK does two PKCS#1 decryptions per exchange in
 * pure JS, the simulator one signature verification and one encryption.
 */
export async function profileExchangesPerSecond(
  base: string,
  options: ProfileExchangeOptions,
): Promise<number> {
  const { sdkId, durationMs = 5_000, concurrency = 4, mode = 'sdk' } = options;
  const keyRes = await fetch(`${base}/__admin/yoti/apps/${sdkId}/key.pem`);
  if (!keyRes.ok) throw new Error(`no private key for ${sdkId}: ${keyRes.status} ${await keyRes.text()}`);
  const pem = await keyRes.text();
  const exchange = mode === 'sdk' ? sdkExchange(base, sdkId, pem) : httpExchange(base, sdkId, pem);
  // In http mode the backend's token decryption happens before the clock starts.
  const mint = async (n: number) =>
    (await mintTokens(base, sdkId, pem, n)).map((t) => (mode === 'sdk' ? t : connectTokenOf(t, pem)));

  // Estimate the rate on a few exchanges, after as many untimed ones (the first exchange builds
  // what the route needs on first use), then mint enough tokens for the timed run.
  const probe = await mint(20);
  for (const token of probe.splice(0, 10)) await exchange(token);
  const probeStart = performance.now();
  for (const token of probe) await exchange(token);
  const estimate = (10 / (performance.now() - probeStart)) * 1000 * concurrency;
  const tokens = await mint(Math.ceil(estimate * (durationMs / 1000) * 2) + concurrency);

  const deadline = performance.now() + durationMs;
  let done = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const token = tokens.pop();
      if (!token) throw new Error('ran out of minted tokens; the estimate was too low');
      await exchange(token);
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done / ((performance.now() - started) / 1000);
}

async function mintTokens(base: string, sdkId: string, pem: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  const mintOne = async () => {
    const response = await new RequestBuilder()
      .withBaseUrl(`${base}/yoti/sandbox/v1`)
      .withEndpoint(`/apps/${sdkId}/tokens`)
      .withPemString(pem)
      .withPayload(new Payload({ profile_attributes: [{ name: 'given_names', value: 'Bench' }] }))
      .withPost()
      .build()
      .execute();
    tokens.push(response.getParsedResponse().token as string);
  };
  for (let i = 0; i < count; i += 16) {
    await Promise.all(Array.from({ length: Math.min(16, count - i) }, mintOne));
  }
  return tokens;
}

/**
 * The connect token inside a token, decrypted with raw RSA and the PKCS#1 v1.5 padding
 * (00 02 PS 00 M) removed by hand: Node 20 refuses PKCS#1 padding in privateDecrypt, and
 * node-forge would take ~50 ms a token before the run.
 */
function connectTokenOf(token: string, pem: string): string {
  const block = privateDecrypt({ key: pem, padding: constants.RSA_NO_PADDING }, Buffer.from(token, 'base64'));
  if (block[0] !== 0 || block[1] !== 2) throw new Error('not a PKCS#1 v1.5 encryption block');
  return block.subarray(block.indexOf(0, 2) + 1).toString();
}

function sdkExchange(base: string, sdkId: string, pem: string) {
  const client = new Client(sdkId, pem, { apiUrl: `${base}/yoti/api/v1` });
  return async (token: string) => {
    const details = await client.getActivityDetails(token);
    if (!details.getReceiptId()) throw new Error('exchange returned no receipt');
  };
}

function httpExchange(base: string, sdkId: string, pem: string) {
  const key = createPrivateKey(pem);
  const authKey = createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('base64');
  return async (connectToken: string) => {
    const path = `/profile/${connectToken}?appId=${sdkId}&nonce=${randomUUID()}&timestamp=${Date.now()}`;
    const res = await fetch(`${base}/yoti/api/v1${path}`, {
      headers: {
        'X-Yoti-Auth-Digest': sign('sha256', Buffer.from(`GET&${path}`), key).toString('base64'),
        'X-Yoti-Auth-Key': authKey,
      },
    });
    if (res.status !== 200) throw new Error(`profile: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
}
