import { describe, expect, it } from 'vitest';
import { consoleScenario, MANUAL_SHARE, SDK_ID } from './support/console.js';
import { admin, useSimulator } from './support/simulator.js';

/** GET /__admin/events: the Server-Sent Events stream behind the console's live view. */
const sim = useSimulator({ scenario: consoleScenario });

interface ServerEvent {
  event: string;
  // biome-ignore lint/suspicious/noExplicitAny: each event has its own JSON shape
  data: any;
}

/** Reads the stream as an EventSource would; `next(predicate)` waits for a matching event. */
async function subscribe(url: string) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  const events: ServerEvent[] = [];
  let wake: () => void = () => {};
  (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = [...block.matchAll(/^data: (.*)$/gm)].map((m) => m[1]).join('\n');
        events.push({ event, data: JSON.parse(data) });
        wake();
        end = buffer.indexOf('\n\n');
      }
    }
  })().catch(() => {});
  let seen = 0;
  return {
    res,
    close: () => controller.abort(),
    /** The next event (after those already returned) that matches. */
    next(predicate: (e: ServerEvent) => boolean): Promise<ServerEvent> {
      return this.find(predicate, seen);
    },
    /** Any event from `from` on that matches: for events whose order against others is not fixed. */
    async find(predicate: (e: ServerEvent) => boolean, from = 0): Promise<ServerEvent> {
      for (;;) {
        const i = events.findIndex((e, index) => index >= from && predicate(e));
        if (i >= 0) {
          seen = i + 1;
          return events[i];
        }
        const woken = await new Promise<boolean>((resolve) => {
          wake = () => resolve(true);
          setTimeout(() => resolve(false), 5_000);
        });
        if (!woken) throw new Error(`no matching event in 5 s; got ${JSON.stringify(events.slice(seen))}`);
      }
    },
  };
}

describe('GET /__admin/events', () => {
  it('says hello, then announces sessions, journal entries and clock changes as they happen', async () => {
    const stream = await subscribe(`${sim().url}/__admin/events`);
    expect(stream.res.headers.get('content-type')).toBe('text/event-stream');
    const hello = await stream.next((e) => e.event === 'hello');
    expect(hello.data.providers).toContain('yoti');
    expect((await stream.next((e) => e.event === 'sessions')).data).toEqual({ sessions: [] });
    expect((await stream.next((e) => e.event === 'clock')).data.mode).toBe('real');

    const qr = await fetch(`${sim().url}/yoti/api/v1.1/sessions/apps/${SDK_ID}/scenarios/${MANUAL_SHARE}`);
    expect(qr.status).toBe(200);
    const journal = await stream.next((e) => e.event === 'journal');
    expect(journal.data).toMatchObject({ kind: 'http', provider: 'yoti', sessionId: expect.any(String) });
    // The stream also re-reads the store on an interval: the session may be announced before the request.
    const sessions = await stream.find((e) => e.event === 'sessions' && e.data.sessions.length === 1);
    expect(sessions.data.sessions).toEqual([
      expect.objectContaining({
        id: journal.data.sessionId,
        provider: 'yoti',
        kind: 'share',
        state: 'WAITING',
      }),
    ]);

    // The share's lifetime timer is announced: due when its two minutes run out, named after it.
    const created = (await admin(sim(), 'GET', `/sessions/${journal.data.sessionId}`)).createdAt as number;
    const lifetime = { dueAt: created + 120_000, label: `yoti share lifetime ${journal.data.sessionId}` };
    const armed = await stream.find((e) => e.event === 'clock' && e.data.pendingTimers.length === 1);
    expect(armed.data.mode).toBe('real');
    expect(armed.data.pendingTimers).toEqual([expect.objectContaining(lifetime)]);
    // Switching to manual is announced too, and moves no timer.
    await admin(sim(), 'PUT', '/clock', { mode: 'manual' });
    const clock = await stream.find((e) => e.event === 'clock' && e.data.mode === 'manual');
    expect(clock.data.pendingTimers).toEqual([expect.objectContaining(lifetime)]);
    expect(clock.data.now).toBeLessThan(lifetime.dueAt);

    // A state change no request announces (a timer firing) still reaches the stream.
    await admin(sim(), 'POST', '/clock/advance', { ms: 120_000 });
    const timedOut = await stream.find(
      (e) => e.event === 'sessions' && e.data.sessions[0]?.state === 'TIMED_OUT',
    );
    expect(timedOut.data.sessions[0].id).toBe(journal.data.sessionId);
    stream.close();
  });
});
