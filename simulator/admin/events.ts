import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Runtime } from '../runtime.js';
import { listSessions } from './sessions.js';

/** How often the stream re-reads the store and the clock for changes no journal entry announces. */
const CHECK_EVERY_MS = 500;

/**
 * `GET /__admin/events`: Server-Sent Events for the QA console. First `hello` with the provider
 * names, then:
 * - `journal`: each new journal entry, announced as `{id, kind, provider, sessionId}` (read the
 *   entry itself from /__admin/requests with the console's filters);
 * - `sessions`: the session list whenever a session appears, changes state or disappears;
 * - `clock`: the clock snapshot whenever its mode, manual time or pending timers change.
 * The store has no change feed (a networked one may not either), so sessions and the clock are
 * re-read after every journal entry and on a short wall-clock interval — not a ctx.clock timer,
 * which would stand still under the manual clock.
 */
export function eventRoutes(runtime: Runtime): Hono {
  const app = new Hono();
  app.get('/', (c) =>
    streamSSE(c, async (stream) => {
      let queue = Promise.resolve();
      const send = (event: string, data: unknown) => {
        queue = queue.then(() =>
          stream.closed ? undefined : stream.writeSSE({ event, data: JSON.stringify(data) }).catch(() => {}),
        );
        return queue;
      };
      // undefined: the first check always sends both, even an empty session list.
      let sessionsSeen: string | undefined;
      let clockSeen: string | undefined;
      const check = async () => {
        const sessions = await listSessions(runtime);
        const sessionsKey = sessions.map((s) => `${s.id}:${s.state}:${s.updatedAt}`).join('|');
        if (sessionsKey !== sessionsSeen) {
          sessionsSeen = sessionsKey;
          await send('sessions', { sessions });
        }
        const clock = runtime.clock.snapshot();
        const clockKey = `${clock.mode}:${clock.mode === 'manual' ? clock.now : ''}:${clock.pendingTimers.map((t) => t.id).join(',')}`;
        if (clockKey !== clockSeen) {
          clockSeen = clockKey;
          await send('clock', clock);
        }
      };
      const stopJournal = runtime.onJournalEntry(({ id, kind, provider, sessionId }) => {
        void send('journal', { id, kind, provider, sessionId });
        void check();
      });
      const interval = setInterval(() => void check(), CHECK_EVERY_MS);
      interval.unref();
      await send('hello', { providers: runtime.providers.map((p) => p.definition.name) });
      await check();
      await new Promise<void>((resolve) => {
        stream.onAbort(resolve);
        c.req.raw.signal.addEventListener('abort', () => resolve());
      });
      clearInterval(interval);
      stopJournal();
    }),
  );
  return app;
}
