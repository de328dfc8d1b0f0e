import type { Clock } from '../../../engine/clock.js';
import type { SessionStore } from '../../../engine/store.js';

/**
 * Nonces seen by signed requests, each kept for `yoti.signing.nonceMemoryMs` on the simulator
 * clock. They are what stops a replay: the timestamp is held to no window unless a scenario asks.
 */
export class NonceCache {
  /** With a manual clock nothing expires until time moves; past this many, the oldest go first. */
  static readonly MAX_ENTRIES = 500_000;

  /** Insertion order is expiry order (one memory span for all), so pruning stops at the first live entry. */
  #expiries = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    /** A networked store shared with other replicas: nonces are remembered there, for all of them. */
    private readonly store?: Pick<SessionStore, 'useOnce'>,
  ) {}

  /** Records the nonce; false when it was already used within its window (on any replica). */
  async use(sdkId: string, nonce: string, keepMs: number): Promise<boolean> {
    const now = this.clock.now();
    const key = `${sdkId}\u0000${nonce}`;
    if (this.store?.useOnce) return this.store.useOnce(`yoti.nonce:${key}`, now, now + keepMs);
    this.#prune(now);
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
