import { describe, expect, it } from 'vitest';
import { Journal } from './journal.js';

describe('journal', () => {
  it('filters by provider, path, status and session, newest first', () => {
    const journal = new Journal(() => 0);
    journal.record({
      kind: 'http',
      provider: 'yoti',
      method: 'GET',
      path: '/yoti/a',
      status: 200,
      sessionId: 's1',
    });
    journal.record({ kind: 'http', provider: 'attestr', method: 'POST', path: '/attestr/b', status: 400 });
    journal.record({ kind: 'ws-out', provider: 'yoti', path: '/yoti/ws', message: '{}', sessionId: 's1' });
    expect(journal.query({ provider: 'yoti' }).map((e) => e.path)).toEqual(['/yoti/ws', '/yoti/a']);
    expect(journal.query({ status: 400 }).map((e) => e.provider)).toEqual(['attestr']);
    expect(journal.query({ sessionId: 's1', kind: 'http' })).toHaveLength(1);
    expect(journal.query({ path: 'attestr', method: 'post' })).toHaveLength(1);
  });

  it('keeps a bounded ring and clips huge bodies', () => {
    const journal = new Journal(() => 0, 3);
    for (let i = 0; i < 5; i++)
      journal.record({ kind: 'http', provider: 'p', path: `/${i}`, requestBody: 'x'.repeat(50_000) });
    expect(journal.size).toBe(3);
    const [newest] = journal.query();
    expect(newest.path).toBe('/4');
    expect(newest.requestBody?.length).toBeLessThan(4200);
    expect(newest.requestBody).toMatch(/…\[clipped: 50000 bytes in all\]$/);
  });

  it('reads entries as recorded, lazy parts resolved once, with no bookkeeping of its own in them', () => {
    let reads = 0;
    const journal = new Journal(() => 5);
    journal.record({
      kind: 'http',
      provider: 'p',
      path: '/a',
      requestHeaders: () => {
        reads++;
        return { accept: '*/*' };
      },
    });
    const [first] = journal.query();
    const [again] = journal.query();
    expect(again).toEqual(first);
    expect(reads).toBe(1);
    expect(Object.keys(JSON.parse(JSON.stringify(first))).sort()).toEqual(
      ['at', 'id', 'kind', 'path', 'provider', 'realAt', 'requestHeaders'].sort(),
    );
    expect(first.realAt).toBeGreaterThan(0);
  });

  it('counts what matches, all of it, whatever the limit', () => {
    const journal = new Journal(() => 0);
    for (let i = 0; i < 700; i++)
      journal.record({ kind: 'http', provider: 'p', method: 'GET', path: `/n/${i}` });
    journal.record({ kind: 'http', provider: 'p', method: 'POST', path: '/n/x' });
    expect(journal.count({ method: 'get', path: '/n/' })).toBe(700);
    expect(journal.count({ method: 'get', path: '/n/', limit: 1 })).toBe(700);
    expect(journal.count({ provider: 'other' })).toBe(0);
  });

  it('reads Node raw headers into lower-case names, repeats joined, hop-by-hop and cookies left out', () => {
    const journal = new Journal(() => 0);
    const raw = ['Host', 'x', 'Accept', 'a/b', 'X-Tag', 'one', 'Cookie', 'secret=1', 'x-tag', 'two'];
    journal.record({ kind: 'http', provider: 'p', path: '/h', requestHeaders: raw });
    expect(journal.query()[0].requestHeaders).toEqual({ accept: 'a/b', 'x-tag': 'one, two' });
  });

  // Repeated answers share one string (a memory saving the bench measures); each entry still reads
  // back exactly what was answered, the repeat and the change after it alike.
  it('reads back each answer of a polling client, repeated or changed', () => {
    const journal = new Journal(() => 0, 5_000, 20);
    // Built at run time so each is its own string, as a route's JSON.stringify makes them.
    const body = (n: number) => JSON.stringify({ status: 'WAITING', n });
    journal.record({ kind: 'http', provider: 'p', path: '/poll', responseBody: body(1) });
    journal.record({ kind: 'http', provider: 'p', path: '/poll', responseBody: body(1) });
    journal.record({ kind: 'http', provider: 'p', path: '/poll', responseBody: body(2) });
    journal.record({ kind: 'http', provider: 'p', path: '/poll', responseBody: 'short' });
    const [fourth, third, second, first] = journal.query();
    const clipped = (n: number) => `{"status":"WAITING",…[clipped: ${body(n).length} bytes in all]`;
    expect([first, second, third, fourth].map((e) => e.responseBody)).toEqual([
      clipped(1),
      clipped(1),
      clipped(2),
      'short',
    ]);
    expect(Object.keys(JSON.parse(JSON.stringify(first))).sort()).toEqual(
      ['at', 'id', 'kind', 'path', 'provider', 'realAt', 'responseBody'].sort(),
    );
  });

  // A client repeating itself: later entries share the first one's path and header list; each
  // still reads back its own request, the repeat and the change after it alike.
  it('reads back each request of a repeating client, and the one that differs', () => {
    const journal = new Journal(() => 0);
    // Fresh arrays and strings each time, as Node's parser makes them.
    const raw = (tag: string) => ['Host', 'h', 'X-Tag', `${tag}`];
    const path = (n: number) => ['/poll', n].join('/');
    journal.record({ kind: 'http', provider: 'p', path: path(1), requestHeaders: raw('a') });
    journal.record({ kind: 'http', provider: 'p', path: path(1), requestHeaders: raw('a') });
    journal.record({ kind: 'http', provider: 'p', path: path(2), requestHeaders: raw('b') });
    journal.record({ kind: 'http', provider: 'p', path: path(1), requestHeaders: raw('a') });
    const entries = journal.query().reverse();
    expect(entries.map((e) => [e.path, e.requestHeaders?.['x-tag']])).toEqual([
      ['/poll/1', 'a'],
      ['/poll/1', 'a'],
      ['/poll/2', 'b'],
      ['/poll/1', 'a'],
    ]);
    expect(journal.count({ path: '/poll/2' })).toBe(1);
  });

  // The ring reuses its places: an entry read earlier is the reader's own, whatever comes after.
  it('keeps an entry read earlier as it was while newer ones take its place in the ring', () => {
    const journal = new Journal(() => 7, 2);
    journal.record({ kind: 'http', provider: 'p', method: 'POST', path: '/a', status: 201, durationMs: 1.5 });
    const [a] = journal.query();
    journal.record({ kind: 'ws-out', provider: 'q', path: '/b', message: 'hi', sessionId: 's' });
    journal.record({ kind: 'http', provider: 'r', path: '/c', requestHeaders: ['Accept', 'x/y'] });
    expect(a).toMatchObject({ id: 1, kind: 'http', provider: 'p', method: 'POST', path: '/a', status: 201 });
    expect(a.durationMs).toBe(1.5);
    const [c, b] = journal.query();
    expect(Object.keys(b).sort()).toEqual(
      ['at', 'id', 'kind', 'message', 'path', 'provider', 'realAt', 'sessionId'].sort(),
    );
    expect(c).toMatchObject({ id: 3, path: '/c', requestHeaders: { accept: 'x/y' } });
    expect(c.method).toBeUndefined();
    expect(c.durationMs).toBeUndefined();
    expect(journal.count({ provider: 'p' })).toBe(0);
  });
});
