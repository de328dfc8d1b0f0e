import { describe, expect, it } from 'vitest';
import { MemorySessionStore, recordEvent, type SessionRecord } from './store.js';

const session: SessionRecord<{ n: number }> = {
  id: 's1',
  provider: 'p',
  kind: 'k',
  state: 'OPEN',
  createdAt: 0,
  updatedAt: 0,
  data: { n: 1 },
  timeline: [{ at: 0, event: 'created' }],
};

describe('recordEvent', () => {
  it('appends the event, moves updatedAt and changes the state when given, leaving the input alone', () => {
    const next = recordEvent(session, 50, 'CLOSED', { reason: 'done' }, 'CLOSED');
    expect(next).toEqual({
      ...session,
      state: 'CLOSED',
      updatedAt: 50,
      timeline: [
        { at: 0, event: 'created' },
        { at: 50, event: 'CLOSED', detail: { reason: 'done' } },
      ],
    });
    expect(session.timeline).toHaveLength(1);
    expect(session.state).toBe('OPEN');
  });

  it('keeps the state, and leaves out an absent detail', () => {
    const next = recordEvent(session, 20, 'touched');
    expect(next.state).toBe('OPEN');
    expect(next.timeline.at(-1)).toEqual({ at: 20, event: 'touched' });
    expect('detail' in (next.timeline.at(-1) ?? {})).toBe(false);
  });
});

describe('MemorySessionStore', () => {
  it('forgets the oldest sessions and links past its capacity', async () => {
    const store = new MemorySessionStore(3);
    for (let i = 1; i <= 5; i++) {
      await store.put({ ...session, id: `s${i}` });
      await store.link(`ref-${i}`, `s${i}`);
    }
    expect((await store.list()).map((s) => s.id)).toEqual(['s3', 's4', 's5']);
    expect(await store.get('s1')).toBeUndefined();
    expect(await store.resolve('ref-5')).toBe('s5');
  });

  it('keeps the newest ended sessions past its limit for them, and every session under way', async () => {
    const store = new MemorySessionStore({ maxEnded: 2, isEnded: (s) => s.state === 'DONE' });
    const evicted: string[] = [];
    store.onEvicted((id) => evicted.push(id));
    for (let i = 1; i <= 4; i++) {
      await store.put({ ...session, id: `s${i}`, state: 'WAITING' });
      await store.link(`ref-${i}`, `s${i}`);
    }
    await store.putTimer({
      id: 's1/x',
      sessionId: 's1',
      provider: 'p',
      kind: 'k',
      slot: 'x',
      step: 'steps:x',
      dueAt: 9,
    });
    // Ended in the order s3, s1, s4: s3 ended first and goes first.
    for (const id of ['s3', 's1', 's4']) await store.update(id, (s) => ({ ...s, state: 'DONE' }));
    expect((await store.list()).map((s) => s.id)).toEqual(['s1', 's2', 's4']);
    expect(evicted).toEqual(['s3']);
    expect(await store.resolve('ref-3')).toBeUndefined();
    expect(await store.resolve('ref-1')).toBe('s1');
    // An update that leaves the state alone is no new ending; a put of an ended one is.
    await store.update('s1', (s) => ({ ...s, updatedAt: 99 }));
    await store.put({ ...session, id: 's5', state: 'DONE' });
    expect((await store.list()).map((s) => s.id)).toEqual(['s2', 's4', 's5']);
    expect(evicted).toEqual(['s3', 's1']);
    expect(await store.timers('s1')).toEqual([]);
    expect((await store.list({ state: 'WAITING' })).map((s) => s.id)).toEqual(['s2']);
  });

  it('forgets ended sessions a client will come back for after the others, and the oldest of them first', async () => {
    const store = new MemorySessionStore({
      maxEnded: 2,
      isEnded: (s) => s.state === 'DONE',
      isAwaited: (s) => (s.data as { awaited?: boolean }).awaited === true,
    });
    const ids = async () => (await store.list()).map((s) => s.id);
    await store.put({ ...session, id: 'awaited', state: 'WAITING' });
    await store.update('awaited', (s) => ({ ...s, state: 'DONE', data: { awaited: true } }));
    for (const id of ['a', 'b']) await store.put({ ...session, id, state: 'DONE' });
    expect(await ids()).toEqual(['awaited', 'b']);
    // The same state, new data: no longer awaited, it counts as ending now, after b.
    await store.update('awaited', (s) => ({ ...s, data: { awaited: false } }));
    await store.put({ ...session, id: 'c', state: 'DONE' });
    expect(await ids()).toEqual(['awaited', 'c']);
    // Only awaited ones left to forget past the limit: the first of them to end goes.
    for (const id of ['x', 'y', 'z'])
      await store.put({ ...session, id, state: 'DONE', data: { awaited: true } });
    expect(await ids()).toEqual(['y', 'z']);
  });

  it('drops a deleted session’s links, but not a key linked again to another session', async () => {
    const store = new MemorySessionStore();
    await store.put({ ...session, id: 'a' });
    await store.put({ ...session, id: 'b' });
    await store.link('k1', 'a');
    await store.link('k2', 'a');
    await store.link('k2', 'b');
    await store.delete('a');
    expect(await store.resolve('k1')).toBeUndefined();
    expect(await store.resolve('k2')).toBe('b');
  });

  it('delivers published messages to every subscriber of the channel until they unsubscribe', async () => {
    const store = new MemorySessionStore();
    const heard: unknown[] = [];
    const stop = store.subscribe('c', (m) => heard.push(['a', m]));
    store.subscribe('c', (m) => heard.push(['b', m]));
    await store.publish('c', 1);
    stop();
    await store.publish('c', 2);
    await store.publish('other', 3);
    expect(heard).toEqual([
      ['a', 1],
      ['b', 1],
      ['b', 2],
    ]);
  });
});
