import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Ids, tokens and fake data. With a seed, every value is reproducible run after run (a
 * deterministic PRNG feeds both the ids and faker); without one, ids come from node:crypto.
 */
export interface RandomSource {
  readonly seed: number | undefined;
  uuid(): string;
  bytes(length: number): Buffer;
  /** URL-safe token of `length` random bytes, base64url without padding. */
  token(length?: number): string;
  int(min: number, max: number): number;
}

/** mulberry32: small, fast, good enough for test data (never for secrets). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRandom(seed?: number): RandomSource {
  if (seed === undefined) {
    return {
      seed,
      uuid: () => randomUUID(),
      bytes: (n) => randomBytes(n),
      token: (n = 24) => randomBytes(n).toString('base64url'),
      int: (min, max) => min + Math.floor(Math.random() * (max - min + 1)),
    };
  }
  const next = mulberry32(seed);
  const bytes = (n: number) => {
    const buf = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i++) buf[i] = Math.floor(next() * 256);
    return buf;
  };
  return {
    seed,
    bytes,
    token: (n = 24) => bytes(n).toString('base64url'),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    uuid: () => {
      const b = bytes(16);
      b[6] = (b[6] & 0x0f) | 0x40;
      b[8] = (b[8] & 0x3f) | 0x80;
      const h = b.toString('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}
