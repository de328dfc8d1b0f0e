import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { nodeIncoming, requestHeader } from './node-request.js';

/**
 * The simulator's one request-body reader. `installBodyReader()` and `afterBody()` (around every
 * route, in app.ts) make every body read on a route — `c.req.text()`, `json()`, `arrayBuffer()`,
 * `parseBody()` — go through a counting reader that stops at the route's limit instead of buffering
 * whatever a client sends. Limits are per route, chosen from the method and path before any route
 * code runs (a provider's `bodyLimit`), so a declared Content-Length over it is refused before a
 * byte is read, and one that grows past it while streaming is refused as soon as it does — whatever
 * the route did with the failed read, the answer is a 413 in the provider's own format.
 */

export const KiB = 1024;
export const MiB = 1024 * KiB;

/**
 * What the simulator reads and throws away after refusing a body, so a client still uploading
 * finishes and reads the 413 instead of a reset connection (nginx's lingering close). A client
 * that sends more than this past the limit has its connection closed.
 */
export const LINGER_BYTES = 64 * MiB;
/** How long the simulator keeps reading a refused body before it closes the connection. */
export const LINGER_MS = 10_000;

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the request body is larger than ${formatBytes(limit)}, the most this route accepts`);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= KiB && bytes % KiB === 0) return `${bytes / KiB} KiB`;
  return `${bytes} bytes`;
}

/** What the reader knows about the current request's body. */
export interface BodyState {
  limit: number;
  /** Bytes read so far. */
  received: number;
  /** The first bytes read, kept for the journal (at most `previewBytes`). */
  preview: Uint8Array[];
  previewBytes: number;
  read?: Promise<ArrayBuffer>;
  tooLarge?: BodyTooLarge;
}

export type BodyEnv = { Variables: { body?: BodyState } };

export interface ReadBodiesOptions {
  /** The most a request to this route may send, in bytes. */
  limit(method: string, path: string): number;
  /** How many leading bytes to keep for the journal. */
  previewBytes: number;
  /** The 413 for a path, in the format of whoever owns it. */
  tooLarge(c: Context, error: BodyTooLarge): Response;
}

/** True for a method whose requests may carry a body. */
export const mayHaveBody = (method: string) => method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';

/**
 * Puts the limited reader in front of this request's body (for methods that may carry one). Returns
 * the 413 to answer at once when the declared Content-Length is already over the route's limit.
 */
export function installBodyReader(c: Context, options: ReadBodiesOptions): Response | undefined {
  if (!mayHaveBody(c.req.method)) return undefined;
  const state: BodyState = {
    limit: options.limit(c.req.method, c.req.path),
    received: 0,
    preview: [],
    previewBytes: options.previewBytes,
  };
  (c as Context<BodyEnv>).set('body', state);
  // Hono's body methods all derive from the first cached read; a lazy `arrayBuffer` entry makes
  // ours that first read, started only when a route (or the journal) asks for the body.
  Object.defineProperty(c.req.bodyCache, 'arrayBuffer', {
    enumerable: true,
    configurable: true,
    get: () => {
      state.read ??= readLimited(c, state);
      return state.read;
    },
  });
  const early = declaredTooLarge(c, state);
  if (!early) return undefined;
  c.res = options.tooLarge(c, early);
  // Node reads and discards an unread body after the answer; past the linger size, hang up.
  if (Number(requestHeader(c, 'content-length')) > state.limit + LINGER_BYTES)
    c.header('Connection', 'close');
  return c.res;
}

/**
 * After the route: answers the 413 instead when the body grew past the limit while it was read,
 * and discards (within the linger bounds) a body no route read.
 */
export function afterBody(c: Context, options: ReadBodiesOptions): void {
  const state = (c as Context<BodyEnv>).get('body');
  if (!state) return;
  if (state.tooLarge) c.res = options.tooLarge(c, state.tooLarge);
  const incoming = nodeIncoming(c);
  if (incoming && !state.read && !incoming.readableEnded && incoming.listenerCount('data') === 0)
    discardRest(incoming);
}

/** The body as bytes, within the route's limit; throws `BodyTooLarge` beyond it. */
export async function readBody(c: Context): Promise<Uint8Array> {
  return new Uint8Array(await c.req.arrayBuffer());
}

/**
 * The leading bytes of the body and its size so far, for the journal. A body the route never read
 * (an unmatched path, a refused request) is read only up to the preview size, never refused.
 */
export async function bodyPreview(c: Context): Promise<{ bytes: Uint8Array; size: number; whole: boolean }> {
  const state = (c as Context<BodyEnv>).get('body');
  if (!state) return { bytes: new Uint8Array(0), size: 0, whole: true };
  let whole = true;
  if (state.read) await state.read.catch(() => {});
  else if (!state.tooLarge) whole = await peek(c, state).catch(() => false);
  else whole = false;
  return {
    bytes: concat(state.preview, state.previewBytes),
    size: state.received,
    whole: whole && !state.tooLarge,
  };
}

function declaredTooLarge(c: Context, state: BodyState): BodyTooLarge | undefined {
  const declared = Number(requestHeader(c, 'content-length'));
  if (!Number.isFinite(declared) || declared <= state.limit) return undefined;
  state.tooLarge = new BodyTooLarge(state.limit);
  return state.tooLarge;
}

const STOP = Symbol('enough read');

/** Reads up to the preview size; true when that was the whole body. */
async function peek(c: Context, state: BodyState): Promise<boolean> {
  try {
    await readStream(c, (chunk) => {
      state.received += chunk.byteLength;
      keepPreview(state, chunk);
      if (state.received >= state.previewBytes) throw STOP;
    });
    return true;
  } catch (error) {
    if (error === STOP) return false;
    throw error;
  }
}

function readStream(c: Context, take: (chunk: Uint8Array) => void): Promise<void> {
  const incoming = nodeIncoming(c);
  return incoming ? readNode(incoming, take) : readWeb(c.req.raw.body, take);
}

async function readLimited(c: Context, state: BodyState): Promise<ArrayBuffer> {
  const early = declaredTooLarge(c, state);
  if (early) throw early;
  const chunks: Uint8Array[] = [];
  const take = (chunk: Uint8Array) => {
    state.received += chunk.byteLength;
    if (state.received > state.limit) {
      state.tooLarge = new BodyTooLarge(state.limit);
      throw state.tooLarge;
    }
    chunks.push(chunk);
    keepPreview(state, chunk);
  };
  await readStream(c, take);
  return concat(chunks, state.received).buffer as ArrayBuffer;
}

/**
 * Straight from Node's request stream: on the limit it stops listening and pauses, so nothing more
 * is buffered; @hono/node-server drains or drops the rest after the answer (sent with
 * `Connection: close`).
 */
function readNode(incoming: IncomingMessage, take: (chunk: Uint8Array) => void): Promise<void> {
  if (incoming.readableEnded) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const stop = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      try {
        take(chunk);
      } catch (error) {
        stop();
        discardRest(incoming);
        reject(error);
      }
    };
    const onEnd = () => {
      stop();
      resolve();
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => {
      stop();
      if (incoming.readableEnded) resolve();
      else reject(new Error('the client closed the connection before the body ended'));
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}

/**
 * Reads the rest of a body nobody will use and throws it away (up to LINGER_BYTES or LINGER_MS,
 * then the connection is closed), so the client is not reset while it uploads and the connection
 * can serve its next request; nothing is kept.
 */
function discardRest(incoming: IncomingMessage): void {
  if (incoming.readableEnded) return;
  let discarded = 0;
  const hangUp = () => incoming.socket?.destroy();
  const timer = setTimeout(hangUp, LINGER_MS);
  timer.unref();
  incoming.on('data', (chunk: Buffer) => {
    discarded += chunk.byteLength;
    if (discarded > LINGER_BYTES) hangUp();
  });
  incoming.once('close', () => clearTimeout(timer));
  incoming.on('error', () => {});
  incoming.resume();
}

async function readWeb(body: ReadableStream<Uint8Array> | null, take: (chunk: Uint8Array) => void) {
  if (!body) return;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      take(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
}

function keepPreview(state: BodyState, chunk: Uint8Array): void {
  const kept = state.received - chunk.byteLength;
  if (kept >= state.previewBytes) return;
  state.preview.push(chunk.subarray(0, state.previewBytes - kept));
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(
    Math.min(
      size,
      chunks.reduce((n, chunk) => n + chunk.byteLength, 0),
    ),
  );
  let at = 0;
  for (const chunk of chunks) {
    if (at >= out.length) break;
    const part = chunk.subarray(0, out.length - at);
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
