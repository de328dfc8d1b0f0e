import { z } from 'zod';
import type { SocketRoute } from '../../provider.js';
import { outcomeChannel, type ShareOutcomeMessage, type ShareSessions } from './share-sessions.js';

/** Every frame the server sends: where the subscription stands, and the token once COMPLETED. */
export const connectSessionStatus = z.object({
  status: z.enum(['ACCEPTED', 'REJECTED', 'COMPLETED', 'FAILED', 'TIMED_OUT']),
  subscription: z.string().describe('The session_data subscribed to'),
  token: z.string().optional().describe('With COMPLETED: the token to exchange at /api/v1/profile/{token}'),
});

/** What the guide's client sends after connecting; anything else is ignored too. */
export const connectSessionSubscription = z
  .object({ subscription: z.string().describe('The session_data') })
  .passthrough();

/** A frame typed by the schema the AsyncAPI document shows (not parsed: it is our own output). */
const status = (message: z.input<typeof connectSessionStatus>) => message;

/**
 * Step 3 and 4: `connect-sessions/<session_data>`. ACCEPTED or REJECTED first, then exactly one
 * outcome, after which the server closes normally. Frames from the client (the optional
 * `{"subscription": ...}`, or anything else) never change that.
 */
export function connectSessionsSocket(sessions: ShareSessions): SocketRoute {
  return {
    pattern: /^\/yoti\/api\/v1\.1\/connect-sessions\/(?<sessionData>[^/]+)\/?$/,
    async handle(socket, { sessionData }) {
      socket.sessionId = sessionData;
      socket.recordOpen();
      socket.onText(() => {
        // The doc's client announces its subscription; nothing is owed in reply, and non-JSON is ignored.
      });
      // Subscribe before reading state so an outcome decided in between is not missed.
      let decided = false;
      const unsubscribe = sessions.ctx.store.subscribe(outcomeChannel(sessionData), (message) => {
        decided = true;
        const { status: s, token } = message as ShareOutcomeMessage;
        socket.sendJson(
          status(
            token
              ? { status: s, subscription: sessionData, token }
              : { status: s, subscription: sessionData },
          ),
        );
        socket.close(1000, s);
      });
      socket.onClose(() => unsubscribe());
      const session = await sessions.subscribe(sessionData);
      if (decided) return;
      if (!session) {
        unsubscribe();
        socket.sendJson(status({ status: 'REJECTED', subscription: sessionData }));
        socket.close(1000, 'REJECTED');
        return;
      }
      socket.sendJson(status({ status: 'ACCEPTED', subscription: sessionData }));
    },
  };
}
