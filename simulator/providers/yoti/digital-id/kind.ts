import type { SessionKindDefinition } from '../../provider.js';
import { digitalIdActions } from './actions.js';
import type { DigitalIdOutcome } from './schema.js';
import { DIGITAL_ID_KIND, type DigitalIdData, type DigitalIdSessions } from './sessions.js';

const afterScan = (o: { afterMs: number }) => `${o.afterMs / 1000} s after the QR code is scanned`;

/**
 * A Digital ID (share v2) share session: CREATED → IN_PROGRESS (the Yoti app scanned a QR code) →
 * COMPLETED (with a receipt) | FAILED (with a failure receipt) | CANCELLED (declined), or EXPIRED
 * when the session's lifetime ends first. The scenario's outcome step starts at the scan.
 */
export function digitalIdKind(
  sessions: DigitalIdSessions,
): SessionKindDefinition<DigitalIdData, DigitalIdOutcome> {
  return {
    kind: DIGITAL_ID_KIND,
    states: ['CREATED', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED'],
    initial: 'CREATED',
    ended: { COMPLETED: 'success', FAILED: 'failure', CANCELLED: 'failure', EXPIRED: 'failure' },
    outcomes: {
      share: {
        explain: (o) => `the user shares ${afterScan(o)}: COMPLETED with a receipt`,
        run: (s, o) => sessions.share(s.id, 'shared by scenario', o.profile),
      },
      fail: {
        explain: (o) => `the share fails with ${o.error} ${afterScan(o)}: FAILED with a failure receipt`,
        run: (s, o) =>
          sessions.fail(s.id, 'failed by scenario', { error: o.error, errorReason: o.errorReason }),
      },
      decline: {
        explain: (o) => `the user declines ${afterScan(o)}: CANCELLED`,
        run: (s) => sessions.end(s.id, 'CANCELLED', 'declined by scenario'),
      },
      expire: { explain: () => 'nothing happens until the session expires: EXPIRED' },
      manual: { explain: () => 'waits for an admin action (scan, share, fail, decline, expire)' },
    },
    steps: {
      expiry: {
        explain: () => 'the session’s lifetime ends: EXPIRED',
        run: (s) => sessions.end(s.id, 'EXPIRED', 'the session expired'),
      },
    },
    actions: digitalIdActions(sessions),
  };
}
