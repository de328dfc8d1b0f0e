import type { SocketRoute } from '../../provider.js';
import { outcomeChannel, type ShareOutcomeMessage, type ShareSessions } from './share-sessions.js';

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
        const { status, token } = message as ShareOutcomeMessage;
        socket.sendJson(
          token ? { status, subscription: sessionData, token } : { status, subscription: sessionData },
        );
        socket.close(1000, status);
      });
      socket.onClose(() => unsubscribe());
      const session = await sessions.subscribe(sessionData);
      if (decided) return;
      if (!session) {
        unsubscribe();
        socket.sendJson({ status: 'REJECTED', subscription: sessionData });
        socket.close(1000, 'REJECTED');
        return;
      }
      socket.sendJson({ status: 'ACCEPTED', subscription: sessionData });
    },
  };
}
