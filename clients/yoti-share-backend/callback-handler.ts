import yoti from 'yoti';
import { type ActivityDetailsLike, type ShareSummary, summarise } from './summary.js';

// yoti is CommonJS: Node's ESM loader only offers its default export.
const { Client } = yoti;

export interface CallbackHandlerOptions {
  sdkId: string;
  /** The app's private key (PEM); from the simulator: GET /__admin/yoti/apps/<sdkId>/key.pem. */
  pem: string;
  /** Yoti's API base; the simulator's is http://127.0.0.1:8080/yoti/api/v1. Default: YOTI_API_URL or Yoti's. */
  apiUrl?: string;
  /** Called with each exchanged share, e.g. to log the user in by remember-me id. */
  onShare?: (summary: ShareSummary, request: Request) => void | Promise<void>;
}

/**
 * Step 5 of the share, the relying party's side: `GET <callback>?token=...` from the kiosk;
 * the official SDK decrypts the token and fetches the receipt. A fetch-style handler, so it fits
 * Hono, Next.js route handlers or node:http (see server.ts). Answers 200 with the summary, 400
 * without a token, 502 when Yoti (or kyc-sim) refuses the exchange.
 */
export function createCallbackHandler(
  options: CallbackHandlerOptions,
): (request: Request) => Promise<Response> {
  const client = new Client(options.sdkId, options.pem, options.apiUrl ? { apiUrl: options.apiUrl } : {});
  return async (request) => {
    const token = new URL(request.url).searchParams.get('token');
    if (!token) return json(400, { error: 'missing token query parameter' });
    let summary: ShareSummary;
    try {
      summary = summarise((await client.getActivityDetails(token)) as unknown as ActivityDetailsLike);
    } catch (error) {
      const status = (error as { status?: number }).status;
      return json(502, {
        error: 'the token could not be exchanged for a profile',
        reason: (error as Error).message,
        ...(status ? { yotiStatus: status } : {}),
      });
    }
    await options.onShare?.(summary, request);
    return json(200, summary);
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
