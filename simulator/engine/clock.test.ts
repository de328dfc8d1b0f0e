import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Clock, ClockModeError } from './clock.js';

describe('manual clock', () => {
  it('stands still until advanced, then fires due timers in due order', () => {
    const clock = new Clock('manual', 1_000);
    const fired: string[] = [];
    clock.schedule(300, () => fired.push('c'));
    clock.schedule(100, () => fired.push('a'));
    clock.schedule(200, () => fired.push('b'));
    clock.schedule(900, () => fired.push('late'));
    expect(clock.now()).toBe(1_000);
    clock.advance(300);
    expect(fired).toEqual(['a', 'b', 'c']);
    expect(clock.now()).toBe(1_300);
  });

  it('lets a timer read the time it was due at, and fires timers scheduled by timers', () => {
    const clock = new Clock('manual', 0);
    const seen: number[] = [];
    clock.schedule(100, () => {
      seen.push(clock.now());
      clock.schedule(50, () => seen.push(clock.now()));
    });
    clock.advance(1_000);
    expect(seen).toEqual([100, 150]);
    expect(clock.now()).toBe(1_000);
  });

  it('wakes a sleeper when advanced past its time, and releases sleepers on clear()', async () => {
    const clock = new Clock('manual', 0);
    const woke: string[] = [];
    void clock.sleep(100).then(() => woke.push('advanced'));
    void clock.sleep(5_000).then(() => woke.push('cleared'));
    await Promise.resolve();
    expect(woke).toEqual([]);
    clock.advance(99);
    await Promise.resolve();
    expect(woke).toEqual([]);
    clock.advance(1);
    await Promise.resolve();
    expect(woke).toEqual(['advanced']);
    clock.clear();
    await Promise.resolve();
    expect(woke).toEqual(['advanced', 'cleared']);
  });

  it('does not fire cancelled timers, nor any after clear()', () => {
    const clock = new Clock('manual', 0);
    let count = 0;
    const handle = clock.schedule(10, () => count++);
    clock.cancel(handle);
    clock.schedule(20, () => count++);
    clock.clear();
    clock.advance(100);
    expect(count).toBe(0);
  });

  it('refuses to advance the real clock', () => {
    expect(() => new Clock('real').advance(10)).toThrow(ClockModeError);
  });

  it('switches mode without a jump in time and keeps pending timers', async () => {
    const clock = new Clock('manual', Date.now() - 60_000);
    let fired = false;
    clock.schedule(20, () => {
      fired = true;
    });
    const before = clock.now();
    clock.setMode('real');
    expect(clock.now() - before).toBeLessThan(50);
    await new Promise((r) => setTimeout(r, 60));
    expect(fired).toBe(true);
  });
});

describe('timer bookkeeping', () => {
  it('fires what was not cancelled in due order, then creation order, whatever the schedules and cancels', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ delay: fc.integer({ min: 0, max: 20 }), cancel: fc.boolean() }), {
          maxLength: 60,
        }),
        (plans) => {
          const clock = new Clock('manual', 0);
          const fired: number[] = [];
          const handles = plans.map((plan, i) => clock.schedule(plan.delay, () => fired.push(i)));
          plans.forEach((plan, i) => {
            if (plan.cancel) clock.cancel(handles[i]);
          });
          clock.advance(100);
          const expected = plans
            .map((plan, i) => ({ ...plan, i }))
            .filter((plan) => !plan.cancel)
            .sort((a, b) => a.delay - b.delay || a.i - b.i)
            .map((plan) => plan.i);
          expect(fired).toEqual(expected);
        },
      ),
    );
  });

  it('in real time, keeps one wake-up for the earliest timer and moves it when that one is cancelled', async () => {
    const clock = new Clock('real');
    const fired: string[] = [];
    const first = clock.schedule(20, () => fired.push('first'));
    clock.schedule(40, () => fired.push('second'));
    clock.schedule(40, () => fired.push('third'));
    clock.cancel(first);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(fired).toEqual(['second', 'third']);
    clock.dispose();
  });

  it('re-arms for a real clock whose offset moved, so a timer fires on the shared time', async () => {
    const clock = new Clock('real');
    const fired: number[] = [];
    clock.schedule(60_000, () => fired.push(clock.now()));
    // Another replica's clock is a minute ahead: the timer is due now.
    clock.follow({ mode: 'real', now: Date.now() + 60_000, offset: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fired).toHaveLength(1);
    clock.dispose();
  });
});
