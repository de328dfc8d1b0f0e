import type { SessionKindDefinition } from '../../provider.js';
import { idvActions } from './actions.js';
import type { IdvSessions } from './idv-sessions.js';
import { type IdvData, idvStates } from './model.js';
import type { IdvOutcome } from './schema.js';

/**
 * The IDV/IBV session kind: ONGOING → COMPLETED (the scenario's outcome step, an admin action, the
 * sandbox response-config or the branch review), or EXPIRED when the deadline passes first. The
 * session (its resources) is deleted once resources_ttl runs out, ended or not.
 */
export function idvKind(sessions: IdvSessions): SessionKindDefinition<IdvData, IdvOutcome> {
  return {
    kind: 'idv',
    ...idvStates,
    outcomes: {
      complete: {
        explain: (o) => `every check reports ${o.afterMs / 1000} s after the session is created: COMPLETED`,
        run: (s) => sessions.complete(s.id, 'completed by scenario'),
      },
      manual: { explain: () => 'waits for an admin action (complete, ibv-review, expire)' },
      expire: { explain: () => 'nothing happens until the deadline passes: EXPIRED' },
    },
    steps: {
      deadline: {
        explain: () => 'session_deadline passes: EXPIRED',
        run: (s) => sessions.expire(s.id, 'the session deadline passed'),
      },
      'resources ttl': {
        explain: () => 'resources_ttl runs out: the session and its media are deleted',
        run: (s) => sessions.delete(s.id, 'resources_ttl ran out'),
      },
      'sandbox reports': {
        explain: () => 'the sandbox response-config’s async_report_delay passes: COMPLETED with its reports',
        run: (s) => sessions.complete(s.id, 'sandbox response-config'),
      },
    },
    actions: idvActions(sessions),
  };
}
