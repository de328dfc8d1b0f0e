/**
 * One clock for every timer in the simulator. In `real` mode time follows the wall clock and due
 * timers fire by themselves; in `manual` mode time stands still until `advance(ms)` moves it,
 * firing due timers in order — so a five-minute timeout takes milliseconds in a test.
 */
export type ClockMode = 'real' | 'manual';

export interface TimerHandle {
  readonly id: number;
  readonly dueAt: number;
}

/** What a timer is for, or how to say it: made only when someone asks (a snapshot, a failure). */
export type TimerLabel = string | (() => string);

interface Timer extends TimerHandle {
  readonly fire: () => void;
  readonly label: TimerLabel;
}

const labelText = (label: TimerLabel) => (typeof label === 'string' ? label : label());

export interface ClockSnapshot {
  mode: ClockMode;
  now: number;
  iso: string;
  pendingTimers: { id: number; dueAt: number; label: string }[];
}

export class Clock {
  #mode: ClockMode;
  /** Manual time, or the offset added to the wall clock in real mode. */
  #manualNow: number;
  #offset = 0;
  #timers: Timer[] = [];
  #nextId = 1;
  #wake: NodeJS.Timeout | undefined;
  /** The due time #wake was set for. */
  #wakeFor = 0;
  #disposed = false;
  /** Whoever waits in sleep(), by timer id: released by their timer, or by clear(). */
  #sleepers = new Map<number, () => void>();

  constructor(mode: ClockMode = 'real', start = Date.now()) {
    this.#mode = mode;
    this.#manualNow = start;
  }

  get mode(): ClockMode {
    return this.#mode;
  }

  now(): number {
    return this.#mode === 'manual' ? this.#manualNow : Date.now() + this.#offset;
  }

  /** Runs `fire` once the clock reaches now + delayMs. */
  schedule(delayMs: number, fire: () => void, label: TimerLabel = 'timer'): TimerHandle {
    return this.scheduleAt(this.now() + Math.max(0, delayMs), fire, label);
  }

  scheduleAt(dueAt: number, fire: () => void, label: TimerLabel = 'timer'): TimerHandle {
    const timer: Timer = { id: this.#nextId++, dueAt, fire, label };
    // Keep timers sorted by due time, then by creation, so equal deadlines fire in order.
    this.#timers.splice(this.#firstDueAfter(dueAt), 0, timer);
    this.#arm();
    return timer;
  }

  /**
   * Resolves once the clock has moved `delayMs` on; in manual mode, when it is advanced past that.
   * clear() (reset, scenario load, shutdown) releases every sleeper, so nothing waits for ever.
   */
  sleep(delayMs: number, label = 'sleep'): Promise<void> {
    return new Promise((resolve) => {
      const handle = this.schedule(
        delayMs,
        () => {
          this.#sleepers.delete(handle.id);
          resolve();
        },
        label,
      );
      this.#sleepers.set(handle.id, resolve);
    });
  }

  cancel(handle: TimerHandle | undefined): void {
    if (!handle) return;
    // Found by its due time, then among the timers due at the same moment: tens of thousands of
    // waiting shares each hold a timer, and every finished one cancels its own.
    for (let i = this.#firstDueAtOrAfter(handle.dueAt); i < this.#timers.length; i++) {
      const timer = this.#timers[i];
      if (timer.dueAt !== handle.dueAt) return;
      if (timer.id === handle.id) {
        this.#timers.splice(i, 1);
        this.#arm();
        return;
      }
    }
  }

  /** The index of the first timer due after `dueAt` (binary search; timers are sorted). */
  #firstDueAfter(dueAt: number): number {
    let [low, high] = [0, this.#timers.length];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#timers[mid].dueAt > dueAt) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /** The index of the first timer due at `dueAt` or later. */
  #firstDueAtOrAfter(dueAt: number): number {
    let [low, high] = [0, this.#timers.length];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#timers[mid].dueAt >= dueAt) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /** Moves manual time forward, firing every timer that falls due on the way, in order. */
  advance(ms: number): number {
    if (this.#mode !== 'manual') throw new ClockModeError('advance needs the manual clock');
    const target = this.#manualNow + ms;
    for (;;) {
      const next = this.#timers[0];
      if (!next || next.dueAt > target) break;
      this.#manualNow = Math.max(this.#manualNow, next.dueAt);
      this.#timers.shift();
      this.#run(next);
    }
    this.#manualNow = target;
    return this.#manualNow;
  }

  /** Switches mode without a jump in time; pending timers keep their due times. */
  setMode(mode: ClockMode): void {
    if (mode === this.#mode) return;
    const current = this.now();
    this.#mode = mode;
    if (mode === 'manual') this.#manualNow = current;
    else this.#offset = current - Date.now();
    this.#arm(true);
  }

  /**
   * Takes the mode and time of a clock shared with other replicas: manual time only moves forward
   * (firing what falls due on the way), real time takes the shared offset from the wall clock.
   */
  follow(shared: { mode: ClockMode; now: number; offset: number }): void {
    if (shared.mode === 'real') {
      this.#mode = 'real';
      this.#offset = shared.offset;
    } else {
      if (this.#mode !== 'manual') {
        this.#manualNow = this.now();
        this.#mode = 'manual';
      }
      if (shared.now > this.#manualNow) this.advance(shared.now - this.#manualNow);
      else this.#manualNow = shared.now;
    }
    this.#arm(true);
  }

  snapshot(): ClockSnapshot {
    const now = this.now();
    return {
      mode: this.#mode,
      now,
      iso: new Date(now).toISOString(),
      pendingTimers: this.#timers.map(({ id, dueAt, label }) => ({ id, dueAt, label: labelText(label) })),
    };
  }

  /** Cancels every timer (sleepers are released); used on shutdown and reset so nothing dangles. */
  clear(): void {
    this.#timers = [];
    this.#arm();
    for (const release of this.#sleepers.values()) release();
    this.#sleepers.clear();
  }

  dispose(): void {
    this.#disposed = true;
    this.clear();
  }

  #run(timer: Timer): void {
    try {
      timer.fire();
    } catch (error) {
      // A failing timer must not stop the others; the owner reports through the journal.
      console.error(`kyc-sim: timer "${labelText(timer.label)}" failed:`, error);
    }
  }

  /** Sets the wake-up for the earliest timer; `moved` when the clock's own time jumped. */
  #arm(moved = false): void {
    const next =
      this.#disposed || this.#mode !== 'real' || this.#timers.length === 0
        ? undefined
        : this.#timers[0].dueAt;
    // Most schedules and cancels leave the earliest deadline where it was: the wake-up stands.
    if (!moved && next !== undefined && this.#wake && next === this.#wakeFor) return;
    if (this.#wake) clearTimeout(this.#wake);
    this.#wake = undefined;
    if (next === undefined) return;
    this.#wakeFor = next;
    // setTimeout caps at ~24.8 days; re-arming on wake handles longer delays.
    this.#wake = setTimeout(() => this.#fireDue(), Math.min(Math.max(0, next - this.now()), 2 ** 31 - 1));
  }

  #fireDue(): void {
    this.#wake = undefined;
    while (this.#timers.length > 0 && this.#timers[0].dueAt <= this.now()) {
      const timer = this.#timers.shift() as Timer;
      this.#run(timer);
    }
    this.#arm();
  }
}

export class ClockModeError extends Error {}
