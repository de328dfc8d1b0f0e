import { afterEach, expect, it } from 'vitest';
import { parseRedisUrl, RedisConnection } from '../../simulator/engine/redis/connection.js';
import { RedisSessionStore } from '../../simulator/engine/redis/store.js';
import type { SessionRecord, TimerRecord } from '../../simulator/engine/store.js';
import { describeWithRedis, freshPrefix } from '../support/redis-server.js';

/** The Redis store as two replicas see it: two connections to one redis-server, one prefix. */
describeWithRedis('RedisSessionStore against a real redis-server', (redis) => {
  const connections: RedisConnection[] = [];
  afterEach(() => {
    for (const c of connections.splice(0)) c.close();
  });

  async function replicas(n: number, query = '') {
    const prefix = freshPrefix();
    const stores: RedisSessionStore[] = [];
    for (let i = 0; i < n; i++) {
      const connection = await RedisConnection.open(
        parseRedisUrl(`${redis().url}/0?prefix=${prefix}${query}`),
      );
      connections.push(connection);
      stores.push(await RedisSessionStore.open(connection));
    }
    return stores;
  }

  const session = (id: string, extra: Partial<SessionRecord> = {}): SessionRecord => ({
    id,
    provider: 'yoti',
    kind: 'share',
    state: 'WAITING',
    createdAt: 1,
    updatedAt: 1,
    data: { n: 0 },
    timeline: [],
    ...extra,
  });

  const timer = (sessionId: string, slot: string, dueAt: number): TimerRecord => ({
    id: `${sessionId}/${slot}`,
    sessionId,
    provider: 'yoti',
    kind: 'share',
    slot,
    step: `steps:${slot}`,
    dueAt,
  });

  it('a session put by one replica is read, listed, linked and deleted by another', async () => {
    const [a, b] = await replicas(2);
    await a.put(session('s1'));
    await a.put(session('s2', { provider: 'attestr', state: 'DONE' }));
    await a.link('yoti.ref:r1', 's1');
    expect(await b.get('s1')).toEqual(session('s1'));
    expect(await b.resolve('yoti.ref:r1')).toBe('s1');
    expect((await b.list()).map((s) => s.id)).toEqual(['s1', 's2']);
    expect((await b.list({ provider: 'attestr' })).map((s) => s.id)).toEqual(['s2']);
    expect(await b.delete('s1')).toBe(true);
    expect(await a.get('s1')).toBeUndefined();
    expect(await a.delete('s1')).toBe(false);
    await b.unlink('yoti.ref:r1');
    expect(await a.resolve('yoti.ref:r1')).toBeUndefined();
  });

  it('concurrent updates from two replicas each see the other’s write (none is lost)', async () => {
    const [a, b] = await replicas(2);
    await a.put(session('s1'));
    const bump = (s: SessionRecord<Record<string, unknown>>) => ({
      ...s,
      data: { n: (s.data.n as number) + 1 },
    });
    const runs: number[] = [];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a : b).update<Record<string, unknown>>('s1', (s) => {
          runs.push(i);
          return bump(s);
        }),
      ),
    );
    expect((await a.get('s1'))?.data.n).toBe(40);
    expect(runs).toHaveLength(40); // each change ran exactly once
    expect(await a.update('missing', bump)).toBeUndefined();
  });

  it('sessions and links expire after the store URL’s ttl, and listing drops them', async () => {
    const [a] = await replicas(1, '&ttl=1');
    await a.put(session('s1'));
    await a.link('k', 's1');
    expect(await a.get('s1')).toBeDefined();
    const deadline = Date.now() + 5_000;
    while ((await a.get('s1')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await a.get('s1')).toBeUndefined();
    expect(await a.resolve('k')).toBeUndefined();
    expect(await a.list()).toEqual([]);
  });

  it('of replicas racing for due timers each timer goes to exactly one, earliest first', async () => {
    const [a, b, c] = await replicas(3);
    for (let i = 0; i < 30; i++) await a.put(session(`s${i}`));
    for (let i = 0; i < 30; i++) await a.putTimer(timer(`s${i}`, 'lifetime', 1_000 + i));
    await a.putTimer(timer('s0', 'outcome', 5_000));
    const claims = await Promise.all([
      b.claimDueTimers(2_000),
      c.claimDueTimers(2_000),
      ...Array.from({ length: 30 }, (_, i) => (i % 2 ? b : c).claimTimer(`s${i}/lifetime`, 2_000)),
    ]);
    const claimed = claims.flat().filter((t): t is TimerRecord => t !== undefined);
    expect(claimed.map((t) => t.id).sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => `s${i}/lifetime`).sort(),
    );
    const [batch] = claims as TimerRecord[][];
    expect(batch.map((t) => t.dueAt)).toEqual([...batch.map((t) => t.dueAt)].sort((x, y) => x - y));
    // Not due yet: stays for its time.
    expect(await b.claimTimer('s0/outcome', 4_999)).toBeUndefined();
    expect(await a.timers()).toEqual([timer('s0', 'outcome', 5_000)]);
    expect(await c.claimTimer('s0/outcome', 5_000)).toEqual(timer('s0', 'outcome', 5_000));
    expect(await a.timers()).toEqual([]);
  });

  it('deleteTimers removes a session’s timers by slot, and putTimer replaces a slot', async () => {
    const [a, b] = await replicas(2);
    await a.putTimer(timer('s1', 'lifetime', 10));
    await a.putTimer(timer('s1', 'outcome', 20));
    await a.putTimer(timer('s1', 'archive', 30));
    await a.putTimer(timer('s2', 'lifetime', 40));
    await a.putTimer(timer('s1', 'outcome', 25));
    expect((await b.timers('s1')).map((t) => [t.slot, t.dueAt])).toEqual([
      ['lifetime', 10],
      ['outcome', 25],
      ['archive', 30],
    ]);
    expect((await b.deleteTimers('s1', { slots: ['outcome'] })).map((t) => t.slot)).toEqual(['outcome']);
    expect((await b.deleteTimers('s1', { except: ['archive'] })).map((t) => t.slot)).toEqual(['lifetime']);
    expect((await a.timers()).map((t) => t.id)).toEqual(['s1/archive', 's2/lifetime']);
    await b.delete('s1');
    expect((await a.timers()).map((t) => t.id)).toEqual(['s2/lifetime']);
  });

  it('a message published on one replica reaches subscribers on every replica, once', async () => {
    const [a, b, c] = await replicas(3);
    const heard: string[] = [];
    const stop = b.subscribe('yoti.share:x', (m) => heard.push(`b ${JSON.stringify(m)}`));
    c.subscribe('yoti.share:x', (m) => heard.push(`c ${JSON.stringify(m)}`));
    c.subscribe('yoti.share:other', (m) => heard.push(`other ${JSON.stringify(m)}`));
    await a.publish('yoti.share:x', { status: 'COMPLETED' });
    // A second message on b's connection arrives after the first: wait for it to know both were delivered.
    const done = new Promise<void>((resolve) => b.subscribe('sync', () => resolve()));
    await a.publish('sync', {});
    await done;
    await new Promise<void>(
      (resolve) => c.subscribe('sync2', () => resolve()) && void a.publish('sync2', {}),
    );
    expect(heard.sort()).toEqual(['b {"status":"COMPLETED"}', 'c {"status":"COMPLETED"}']);
    stop();
  });

  it('useOnce refuses a key another replica used until it expires on the simulator clock', async () => {
    const [a, b] = await replicas(2);
    expect(await a.useOnce('app\u0000n1', 1_000, 61_000)).toBe(true);
    expect(await b.useOnce('app\u0000n1', 30_000, 90_000)).toBe(false);
    expect(await b.useOnce('app\u0000n1', 61_000, 121_000)).toBe(true);
    expect(await a.useOnce('app\u0000n2', 61_000, 121_000)).toBe(true);
  });

  it('keep hands every replica the first value, and clear leaves it', async () => {
    const [a, b] = await replicas(2);
    const [first, second] = await Promise.all([a.keep('key', 'A'), b.keep('key', 'B')]);
    expect(first).toBe(second);
    await a.put(session('s1'));
    await a.putTimer(timer('s1', 'lifetime', 1));
    await a.link('k', 's1');
    await b.clear();
    expect(await a.list()).toEqual([]);
    expect(await a.timers()).toEqual([]);
    expect(await a.resolve('k')).toBeUndefined();
    expect(await a.keep('key', 'C')).toBe(first);
  });
});
