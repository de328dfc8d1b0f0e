import { z } from 'zod';
import { builtOnFirstUse } from '../../../engine/lazy-schema.js';
import { type SessionKindDefinition, SimError } from '../../provider.js';
import type { ShareOutcome } from '../schema.js';
import type { ShareData, ShareSessions, ShareStatus } from './share-sessions.js';

/** The engine refused the action if the share had ended; another decision may still land first. */
async function decide(
  shares: ShareSessions,
  id: string,
  status: ShareStatus,
  profile?: Record<string, unknown>,
): Promise<void> {
  if (!(await shares.finish(id, status, 'admin action', profile)))
    throw new SimError(409, `share session ${id} has already ended`);
}

const seconds = (ms: number) => `${ms / 1000} s`;

/**
 * The share session behind one QR code, as the engine runs it: WAITING (QR issued) → CONNECTED (a
 * websocket subscribed) → COMPLETED | FAILED | TIMED_OUT, or REJECTED when the scenario rejects it.
 * The scenario's outcome step starts when the first websocket subscribes (the user scanned).
 */
export function shareKind(shares: ShareSessions): SessionKindDefinition<ShareData, ShareOutcome> {
  return {
    kind: 'share',
    states: ['WAITING', 'CONNECTED', 'COMPLETED', 'FAILED', 'TIMED_OUT', 'REJECTED'],
    initial: 'WAITING',
    ended: { COMPLETED: 'success', FAILED: 'failure', TIMED_OUT: 'failure', REJECTED: 'failure' },
    // The backend exchanges a COMPLETED share's token once (GET /profile): until it has, the share
    // is awaited, and the store forgets it only after every other ended session.
    awaited: (s) => s.state === 'COMPLETED' && s.data.token !== undefined && s.data.exchangedAt === undefined,
    outcomes: {
      complete: {
        explain: (o) => `the user shares ${seconds(o.afterMs)} after scanning: COMPLETED with a token`,
        run: (s, o) => shares.finish(s.id, 'COMPLETED', 'completed by scenario', o.profile),
      },
      fail: {
        explain: (o) => `the share fails ${seconds(o.afterMs)} after scanning: FAILED`,
        run: (s) => shares.finish(s.id, 'FAILED', 'failed by scenario'),
      },
      'time-out': { explain: () => 'nothing happens until the lifetime runs out: TIMED_OUT' },
      manual: { explain: () => 'waits for an admin action (complete, fail, time-out)' },
      reject: { explain: () => 'the websocket subscriber hears REJECTED' },
    },
    steps: {
      lifetime: {
        explain: () => 'the QR code’s lifetime runs out: TIMED_OUT',
        run: (s) => shares.finish(s.id, 'TIMED_OUT', 'lifetime ran out'),
      },
    },
    actions: {
      complete: {
        description: 'The user shares: COMPLETED with a token',
        params: builtOnFirstUse(() =>
          z.object({ profile: z.record(z.string(), z.unknown()).optional() }).strict(),
        ),
        run: (s, p: { profile?: Record<string, unknown> }) => decide(shares, s.id, 'COMPLETED', p.profile),
      },
      fail: {
        description: 'The share fails: FAILED',
        params: builtOnFirstUse(() => z.object({}).passthrough()),
        run: (s) => decide(shares, s.id, 'FAILED'),
      },
      'time-out': {
        description: 'The session times out: TIMED_OUT',
        params: builtOnFirstUse(() => z.object({}).passthrough()),
        run: (s) => decide(shares, s.id, 'TIMED_OUT'),
      },
    },
  };
}
