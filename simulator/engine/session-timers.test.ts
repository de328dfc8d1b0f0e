import { describe, expect, it } from 'vitest';
import { Clock } from './clock.js';
import { SessionTimers } from './session-timers.js';

const setup = () => {
  const clock = new Clock('manual', 1_000);
  const timers = new SessionTimers(clock, 'test');
  const fired: string[] = [];
  const labels = () => clock.snapshot().pendingTimers.map((t) => t.label);
  return { clock, timers, fired, labels };
};

describe('SessionTimers', () => {
  it('fires timers at an absolute time or after a delay, labelled by prefix, purpose and id', () => {
    const { clock, timers, fired, labels } = setup();
    timers.at('s1', 'expiry', 1_500, () => fired.push('s1 expiry'));
    timers.after('s1', 'script', 200, () => fired.push('s1 script'));
    expect(labels()).toEqual(['test script s1', 'test expiry s1']);
    clock.advance(200);
    expect(fired).toEqual(['s1 script']);
    clock.advance(300);
    expect(fired).toEqual(['s1 script', 's1 expiry']);
    expect(labels()).toEqual([]);
  });

  it('keeps timers of different purposes side by side and replaces one of the same purpose', () => {
    const { clock, timers, fired, labels } = setup();
    timers.after('s1', 'lifetime', 1_000, () => fired.push('lifetime'));
    timers.after('s1', 'outcome', 100, () => fired.push('first outcome'));
    timers.after('s1', 'outcome', 300, () => fired.push('second outcome'));
    expect(labels()).toEqual(['test outcome s1', 'test lifetime s1']);
    clock.advance(1_000);
    expect(fired).toEqual(['second outcome', 'lifetime']);
  });

  it('cancels one purpose, all but one purpose, or a whole session, leaving other sessions alone', () => {
    const { clock, timers, fired } = setup();
    for (const id of ['a', 'b']) {
      timers.after(id, 'deadline', 100, () => fired.push(`${id} deadline`));
      timers.after(id, 'outcome', 200, () => fired.push(`${id} outcome`));
      timers.after(id, 'ttl', 300, () => fired.push(`${id} ttl`));
    }
    timers.cancel('a', 'outcome');
    timers.cancelAllExcept('b', 'ttl');
    clock.advance(300);
    expect(fired).toEqual(['a deadline', 'a ttl', 'b ttl']);

    timers.after('a', 'deadline', 100, () => fired.push('a again'));
    timers.after('b', 'deadline', 100, () => fired.push('b again'));
    timers.cancelAll('a');
    clock.advance(100);
    expect(fired.slice(3)).toEqual(['b again']);
  });

  it('lets a fired timer arm its own purpose again, and clear() cancels everything', () => {
    const { clock, timers, fired, labels } = setup();
    const tick = () => {
      fired.push(`tick ${clock.now()}`);
      timers.after('s', 'tick', 100, tick);
    };
    timers.after('s', 'tick', 100, tick);
    timers.after('t', 'other', 1_000, () => fired.push('other'));
    clock.advance(250);
    expect(fired).toEqual(['tick 1100', 'tick 1200']);
    expect(labels()).toEqual(['test tick s', 'test other t']);
    timers.clear();
    expect(labels()).toEqual([]);
    clock.advance(2_000);
    expect(fired).toHaveLength(2);
  });

  it('ignores cancelling what is not armed or has fired', () => {
    const { clock, timers, fired, labels } = setup();
    timers.after('s', 'once', 10, () => fired.push('once'));
    clock.advance(10);
    timers.cancel('s', 'once');
    timers.cancel('nobody', 'nothing');
    timers.cancelAll('nobody');
    timers.cancelAllExcept('nobody', 'x');
    expect(fired).toEqual(['once']);
    expect(labels()).toEqual([]);
  });
});
