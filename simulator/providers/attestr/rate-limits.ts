import type { Clock } from '../../engine/clock.js';

/** Fixed-window request counters on the simulator clock, keyed by client (and endpoint). */
export class RateLimiter {
  #windows = new Map<string, { startedAt: number; count: number }>();

  constructor(private readonly clock: Clock) {}

  /** Counts one request; false when it goes over `limit` in the current window. */
  take(key: string, limit: { requests: number; windowMs: number }): boolean {
    const now = this.clock.now();
    let window = this.#windows.get(key);
    if (!window || now - window.startedAt >= limit.windowMs) {
      window = { startedAt: now, count: 0 };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return window.count <= limit.requests;
  }

  clear(): void {
    this.#windows.clear();
  }
}
