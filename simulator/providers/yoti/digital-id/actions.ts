import { z } from 'zod';
import { builtOnFirstUse } from '../../../engine/lazy-schema.js';
import { type KindAction, SimError } from '../../provider.js';
import { failureReasonSchema } from './schema.js';
import type { DigitalIdData, DigitalIdSessions } from './sessions.js';

/**
 * QA actions on a Digital ID share session (admin API and console): the user's side of the share.
 * The engine refuses them once the session has ended.
 */
export function digitalIdActions(sessions: DigitalIdSessions): Record<string, KindAction<DigitalIdData>> {
  const action = <P extends z.ZodType>(
    description: string,
    params: () => P,
    run: (id: string, params: z.output<P>) => Promise<boolean>,
  ): KindAction<DigitalIdData, z.ZodLazy<P>> => ({
    description,
    params: builtOnFirstUse(params),
    async run(session, input) {
      if (!(await run(session.id, input))) {
        throw new SimError(409, `share session ${session.id} is ${session.state}; nothing changed`);
      }
    },
  });
  return {
    scan: action(
      'The Yoti app scans the QR code (the latest, or the one given): IN_PROGRESS, the scenario script starts',
      () => z.object({ qrCodeId: z.string().min(1).optional() }).strict(),
      (id, p) => sessions.scan(id, p.qrCodeId),
    ),
    share: action(
      'The user shares: COMPLETED with a receipt (attribute values given here, else the scenario, else generated)',
      () => z.object({ profile: z.record(z.string(), z.unknown()).optional() }).strict(),
      (id, p) => sessions.share(id, 'admin action', p.profile),
    ),
    fail: action(
      'The share fails: FAILED with a failure receipt carrying this error and error reason',
      () =>
        z
          .object({
            error: z.string().min(1).default('MANDATORY_DOCUMENT_NOT_PROVIDED'),
            errorReason: failureReasonSchema.optional(),
          })
          .strict(),
      (id, p) => sessions.fail(id, 'admin action', p),
    ),
    decline: action(
      'The user declines in the Yoti app: CANCELLED',
      () => z.object({}).strict(),
      (id) => sessions.end(id, 'CANCELLED', 'admin action'),
    ),
    expire: action(
      'The session expires now: EXPIRED',
      () => z.object({}).strict(),
      (id) => sessions.end(id, 'EXPIRED', 'admin action'),
    ),
  };
}
