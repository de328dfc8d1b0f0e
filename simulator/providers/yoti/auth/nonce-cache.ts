import type { Clock } from '../../../engine/clock.js';

/**
 * Nonces seen by signed requests, each kept for `yoti.signing.nonceMemoryMs` on the simulator
 * clock. They are what stops a replay: the timestamp is held to no window unless a scenario asks.
 */
export class NonceCache {
  /** With a manual clock nothing expires until time moves; past this many, the oldest go first. */
  static readonly MAX_ENTRIES = 500_000;

  /** Insertion order is expiry order (one memory span for all), so pruning stops at the first live entry. */
  #expiries = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  /** Records the nonce; false when it was already used within its window. */
  use(sdkId: string, nonce: string, keepMs: number): boolean {
    const now = this.clock.now();
    this.#prune(now);
    const key = `${sdkId}\u0000${nonce}`;
    if (this.#expiries.has(key)) return false;
    this.#expiries.set(key, now + keepMs);
    if (this.#expiries.size > NonceCache.MAX_ENTRIES) {
      this.#expiries.delete(this.#expiries.keys().next().value as string);
    }
    return true;
  }

  get size(): number {
    return this.#expiries.size;
  }

  clear(): void {
    this.#expiries.clear();
  }

  #prune(now: number): void {
    for (const [key, expiresAt] of this.#expiries) {
      if (expiresAt > now) break;
      this.#expiries.delete(key);
    }
  }
}
