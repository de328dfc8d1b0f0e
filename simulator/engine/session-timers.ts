import type { Clock, TimerHandle } from './clock.js';
import type { SessionStore } from './store.js';

/**
 * Timers on the simulator clock, grouped by session id and purpose (a lifetime, a scripted
 * outcome, an archive…), so a provider can disarm one purpose or a whole session. A session holds
 * at most one timer per purpose: arming a purpose again replaces the earlier timer.
 * Timers are per process; with a networked store each replica arms those it created.
 */
export class SessionTimers {
  #timers = new Map<string, Map<string, TimerHandle>>();

  /**
   * `labelPrefix` names the provider in the clock's timer labels: `<prefix> <purpose> <id>`. With
   * `store`, a session the store evicts loses its timers (they would otherwise pile up for ever).
   */
  constructor(
    private readonly clock: Clock,
    private readonly labelPrefix: string,
    store?: SessionStore,
  ) {
    store?.onEvicted?.((id) => this.cancelAll(id));
  }

  /** Arms `fire` at the clock time `dueAt`, replacing this session's timer of the same purpose. */
  at(id: string, purpose: string, dueAt: number, fire: () => unknown): void {
    this.cancel(id, purpose);
    const group = this.#timers.get(id) ?? new Map<string, TimerHandle>();
    const handle = this.clock.scheduleAt(
      dueAt,
      () => {
        this.#forget(id, purpose, handle);
        void fire();
      },
      `${this.labelPrefix} ${purpose} ${id}`,
    );
    group.set(purpose, handle);
    this.#timers.set(id, group);
  }

  /** Arms `fire` `delayMs` from now, replacing this session's timer of the same purpose. */
  after(id: string, purpose: string, delayMs: number, fire: () => unknown): void {
    this.at(id, purpose, this.clock.now() + Math.max(0, delayMs), fire);
  }

  cancel(id: string, purpose: string): void {
    const handle = this.#timers.get(id)?.get(purpose);
    if (handle) {
      this.clock.cancel(handle);
      this.#forget(id, purpose, handle);
    }
  }

  /** Cancels every timer of the session but the one with purpose `kept` (e.g. a clean-up timer). */
  cancelAllExcept(id: string, kept: string): void {
    for (const purpose of [...(this.#timers.get(id)?.keys() ?? [])]) {
      if (purpose !== kept) this.cancel(id, purpose);
    }
  }

  cancelAll(id: string): void {
    for (const handle of this.#timers.get(id)?.values() ?? []) this.clock.cancel(handle);
    this.#timers.delete(id);
  }

  /** Cancels every timer (scenario reload, reset, shutdown). */
  clear(): void {
    for (const group of this.#timers.values()) for (const handle of group.values()) this.clock.cancel(handle);
    this.#timers.clear();
  }

  #forget(id: string, purpose: string, handle: TimerHandle): void {
    const group = this.#timers.get(id);
    if (group?.get(purpose) !== handle) return;
    group.delete(purpose);
    if (group.size === 0) this.#timers.delete(id);
  }
}
