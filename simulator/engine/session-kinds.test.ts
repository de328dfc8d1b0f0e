import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Clock } from './clock.js';
import { SimError } from './errors.js';
import { type SessionKindDefinition, SessionKinds } from './session-kinds.js';
import { MemorySessionStore, type SessionRecord } from './store.js';

/** A kind of the test's own: a parcel that is delivered or lost, engine only (no provider). */
type Step = { type: 'deliver'; afterMs: number } | { type: 'lose'; afterMs: number } | { type: 'wait' };
type Parcel = SessionRecord<{ note?: string }>;

function setup() {
  const clock = new Clock('manual', 1_000_000);
  const store = new MemorySessionStore();
  const kinds = new SessionKinds(clock, store, pino({ level: 'silent' }));
  const ran: string[] = [];
  const move = async (id: string, state: string, by: string) => {
    ran.push(`${by} ${id}`);
    await store.update<{ note?: string }>(id, (s) => runner.transition(s, clock.now(), state, { by }));
  };
  const definition: SessionKindDefinition<{ note?: string }, Step> = {
    kind: 'parcel',
    states: ['SENT', 'DELIVERED', 'LOST'],
    initial: 'SENT',
    ended: { DELIVERED: 'success', LOST: 'failure' },
    outcomes: {
      deliver: {
        explain: (s) => `delivered ${s.afterMs} ms after sending`,
        run: (p) => move(p.id, 'DELIVERED', 'deliver'),
      },
      lose: { explain: () => 'lost on the way', run: (p) => move(p.id, 'LOST', 'lose') },
      wait: { explain: () => 'waits for a courier' },
    },
    steps: {
      deadline: { explain: () => 'the deadline passes: LOST', run: (p) => move(p.id, 'LOST', 'deadline') },
    },
    actions: {
      deliver: {
        description: 'Deliver now',
        params: z.object({}),
        run: (p) => move(p.id, 'DELIVERED', 'action'),
      },
      note: {
        description: 'Adds a note, also after the end',
        params: z.object({ text: z.string() }),
        onEnded: true,
        run: async (p, { text }: { text: string }) => {
          await store.update(p.id, (s) => ({ ...s, data: { note: text } }));
        },
      },
    },
  };
  const runner = kinds.define('post', definition);
  const send = async (id: string): Promise<Parcel> => {
    const now = clock.now();
    const parcel: Parcel = {
      id,
      provider: 'post',
      kind: 'parcel',
      state: 'SENT',
      createdAt: now,
      updatedAt: now,
      data: {},
      timeline: [],
    };
    await store.put(parcel);
    return parcel;
  };
  /** Advances the manual clock and lets the steps it started settle. */
  const advance = async (ms: number) => {
    clock.advance(ms);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { clock, store, kinds, runner, send, advance, ran };
}

describe('session kinds', () => {
  it('runs an outcome step by its type after afterMs, and explains it', async () => {
    const { store, runner, send, advance, ran } = setup();
    await send('a');
    expect(await runner.outcome('a', 1_000_000, { type: 'deliver', afterMs: 500 })).toBe(
      'delivered 500 ms after sending',
    );
    await advance(499);
    expect((await store.get('a'))?.state).toBe('SENT');
    await advance(1);
    expect((await store.get('a'))?.state).toBe('DELIVERED');
    expect((await store.get('a'))?.timeline).toEqual([
      { at: 1_000_500, event: 'DELIVERED', detail: { by: 'deliver' }, realAt: expect.any(Number) },
    ]);
    expect(ran).toEqual(['deliver a']);
  });

  it('keeps timers as plain data in the store, one per slot, in due order', async () => {
    const { store, kinds, runner, send } = setup();
    await send('a');
    await runner.at('a', 'deadline', 1_009_000);
    await runner.outcome('a', 1_000_000, { type: 'lose', afterMs: 100 });
    await runner.outcome('a', 1_000_000, { type: 'deliver', afterMs: 300 }); // replaces the lose step
    const timers = await store.timers('a');
    expect(JSON.parse(JSON.stringify(timers))).toEqual(timers);
    expect(timers.map((t) => [t.slot, t.step, t.dueAt])).toEqual([
      ['outcome', 'outcome:deliver', 1_000_300],
      ['deadline', 'steps:deadline', 1_009_000],
    ]);
    expect((await kinds.pending('a')).map((t) => t.explanation)).toEqual([
      'delivered 300 ms after sending',
      'the deadline passes: LOST',
    ]);
  });

  it('fires due steps in order and nothing that was cancelled or replaced', async () => {
    const { runner, send, advance, ran } = setup();
    await send('a');
    await send('b');
    await runner.at('a', 'deadline', 1_000_200);
    await runner.outcome('b', 1_000_000, { type: 'deliver', afterMs: 100 });
    await runner.outcome('a', 1_000_000, { type: 'lose', afterMs: 50 });
    await runner.cancel('a', 'outcome');
    await runner.outcome('b', 1_000_000, { type: 'lose', afterMs: 150 });
    await advance(1_000);
    expect(ran).toEqual(['lose b', 'deadline a']);
  });

  it('schedules nothing for a step without a handler and runs nothing for a session that is gone', async () => {
    const { store, runner, send, advance, ran } = setup();
    await send('a');
    expect(await runner.outcome('a', 1_000_000, { type: 'wait' })).toBe('waits for a courier');
    expect(await store.timers('a')).toEqual([]);
    await runner.at('a', 'deadline', 1_000_010);
    await store.delete('a');
    expect(await store.timers('a')).toEqual([]);
    await advance(100);
    expect(ran).toEqual([]);
  });

  it('hands a due timer to exactly one claimer', async () => {
    const { store, runner, send } = setup();
    await send('a');
    await runner.at('a', 'deadline', 1_000_010);
    expect(await store.claimTimer('a/deadline', 1_000_009)).toBeUndefined();
    const claims = await Promise.all([
      store.claimTimer('a/deadline', 1_000_010),
      store.claimTimer('a/deadline', 1_000_010),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('refuses actions on an ended session with 409, but those meant for it', async () => {
    const { store, kinds, send } = setup();
    const parcel = await send('a');
    await kinds.runAction(parcel, 'deliver', {});
    const ended = (await store.get('a')) as Parcel;
    expect(ended.state).toBe('DELIVERED');
    const refusal = await kinds.runAction(ended, 'deliver', {}).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(SimError);
    expect(refusal).toMatchObject({
      status: 409,
      message: 'post parcel session a has already ended (DELIVERED)',
    });
    await kinds.runAction(ended, 'note', { text: 'left at the door' });
    expect((await store.get('a'))?.data).toEqual({ note: 'left at the door' });
  });

  it('describes kinds for the admin API and checks their states when defined', () => {
    const { kinds } = setup();
    expect(kinds.describe()).toEqual([
      {
        provider: 'post',
        kind: 'parcel',
        states: ['SENT', 'DELIVERED', 'LOST'],
        initial: 'SENT',
        ended: { DELIVERED: 'success', LOST: 'failure' },
        outcomes: ['deliver', 'lose', 'wait'],
        steps: ['deadline'],
        actions: [
          { name: 'deliver', description: 'Deliver now', onEnded: false },
          { name: 'note', description: 'Adds a note, also after the end', onEnded: true },
        ],
      },
    ]);
    const bad = { kind: 'x', states: ['A'], initial: 'A', ended: { B: 'success' as const }, actions: {} };
    expect(() => kinds.define('post', bad)).toThrow(/state B that is not among its states/);
    expect(() => kinds.define('post', { ...bad, kind: 'parcel', ended: {} })).toThrow(/defined twice/);
  });
});
