import { dbsExampleSession, signRequest } from '../clients/yoti-idv/index.js';

export interface IdvCreateSessionOptions {
  /** An app of the running scenario whose private key kyc-sim holds (generated or ephemeral). */
  sdkId: string;
  durationMs?: number;
  concurrency?: number;
  /** Where to fetch the app's private key; defaults to `base` (use the simulator's when `base` is the bare server). */
  keyFrom?: string;
}

/**
 * Signed create-session requests per second against `base` (a simulator, or the bare baseline
 * server, which answers anything with 200): the guide's DBS session, freshly signed each time
 * (new nonce and timestamp) with clients/yoti-idv's own signing. On the simulator each request
 * costs an RSA verification, the payload validation, the stored session and its timers.
 */
export async function idvCreateSessionsPerSecond(
  base: string,
  options: IdvCreateSessionOptions,
): Promise<number> {
  const { sdkId, durationMs = 5_000, concurrency = 16, keyFrom = base } = options;
  const keyRes = await fetch(`${keyFrom}/__admin/yoti/apps/${encodeURIComponent(sdkId)}/key.pem`);
  if (!keyRes.ok) throw new Error(`no private key for ${sdkId}: ${keyRes.status} ${await keyRes.text()}`);
  const privateKeyPem = await keyRes.text();
  const body = new TextEncoder().encode(
    JSON.stringify(dbsExampleSession(new Date(Date.now() + 3 * 86_400_000))),
  );

  const createOne = async () => {
    const signed = signRequest({ method: 'POST', path: '/sessions', query: { sdkId }, body, privateKeyPem });
    const res = await fetch(`${base}/yoti/idverify/v1${signed.pathWithQuery}`, {
      method: 'POST',
      headers: { ...signed.headers, 'Content-Type': 'application/json' },
      body,
    });
    if (!res.ok) throw new Error(`create session: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };

  await createOne(); // warm-up: key load, faker, JIT
  const deadline = performance.now() + durationMs;
  let done = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      await createOne();
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done / ((performance.now() - started) / 1000);
}
