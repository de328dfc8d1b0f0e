import type { Clock } from '../../engine/clock.js';

const DAY_MS = 86_400_000;

/** Fixed-window request counters on the simulator clock, keyed by client (and endpoint). */
export class RateLimiter {
  #windows = new Map<string, { startedAt: number; count: number }>();

  constructor(private readonly clock: Clock) {}

  /** Counts one request; false when it goes over `limit` in the current window. */
  take(key: string, limit: { requests: number; windowMs: number }, windowStart?: number): boolean {
    const now = this.clock.now();
    let window = this.#windows.get(key);
    if (!window || now - window.startedAt >= limit.windowMs) {
      window = { startedAt: windowStart ?? now, count: 0 };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return window.count <= limit.requests;
  }

  /** Counts one request against a per-day allowance; days start at midnight UTC on the simulator clock. */
  takeDaily(key: string, requests: number): boolean {
    const now = this.clock.now();
    return this.take(key, { requests, windowMs: DAY_MS }, now - (now % DAY_MS));
  }

  clear(): void {
    this.#windows.clear();
  }
}
