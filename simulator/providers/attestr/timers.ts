import type { Clock, TimerHandle } from '../../engine/clock.js';

/** Timers on the simulator clock, grouped by handshake so one can be disarmed as a whole. */
export class TimerBag {
  #timers = new Map<string, Map<string, TimerHandle>>();

  constructor(private readonly clock: Clock) {}

  /** Arms `fire` at `dueAt`, replacing any timer of the same purpose for this handshake. */
  at(id: string, purpose: string, dueAt: number, fire: () => Promise<unknown>): void {
    const group = this.#timers.get(id) ?? new Map<string, TimerHandle>();
    this.clock.cancel(group.get(purpose));
    group.set(
      purpose,
      this.clock.scheduleAt(
        dueAt,
        () => {
          group.delete(purpose);
          void fire();
        },
        `attestr ${purpose} ${id}`,
      ),
    );
    this.#timers.set(id, group);
  }

  cancel(id: string, purpose: string): void {
    const group = this.#timers.get(id);
    this.clock.cancel(group?.get(purpose));
    group?.delete(purpose);
  }

  clear(): void {
    for (const group of this.#timers.values()) for (const handle of group.values()) this.clock.cancel(handle);
    this.#timers.clear();
  }
}
