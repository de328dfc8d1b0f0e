import { z } from 'zod';
import { builtOnFirstUse } from '../../../engine/lazy-schema.js';
import { type KindAction, SimError } from '../../provider.js';
import {
  type IdentityProfileOutcome,
  identityProfileOutcomeSchema,
} from './identity-profile/outcome-schema.js';
import type { IdvSessions } from './idv-sessions.js';
import { type IdvData, yotiTime } from './model.js';
import { checkOutcomeSchema, recommendationValues } from './schema.js';
import type { NotificationTopic } from './vocabulary.js';

type IdvAction = KindAction<IdvData>;

/**
 * QA actions on an IDV session (admin API and console): outcomes, expiry, branch events. The engine
 * refuses them on an ended session, but for device and notification events (`onEnded`).
 */
export function idvActions(sessions: IdvSessions): Record<string, IdvAction> {
  const topicAction = (topic: NotificationTopic, description: string): IdvAction => ({
    description,
    onEnded: true,
    params: builtOnFirstUse(() => z.object({}).passthrough()),
    async run(session) {
      const current = await sessions.get(session.id);
      if (!current) throw new SimError(404, `no IDV session ${session.id}`);
      const sent = await sessions.notify(current, topic);
      if (!sent)
        throw new SimError(409, `session ${session.id} is not subscribed to ${topic} (notifications.topics)`);
    },
  });

  return {
    complete: {
      description:
        'Every check reports (scenario outcome, or the checks given here by type) and the session COMPLETES; identityProfile sets an identity-profile session’s result',
      params: builtOnFirstUse(() =>
        z
          .object({
            checks: z.record(z.string(), checkOutcomeSchema).optional(),
            identityProfile: identityProfileOutcomeSchema.optional(),
          })
          .strict(),
      ),
      async run(
        session,
        params: {
          checks?: Record<string, z.output<typeof checkOutcomeSchema>>;
          identityProfile?: IdentityProfileOutcome;
        },
      ) {
        await sessions.complete(session.id, 'admin action', params.checks, params.identityProfile);
      },
    },
    'ibv-review': {
      description:
        'The post office reviews the documents in branch: IBV checks get this recommendation, then COMPLETED',
      params: builtOnFirstUse(() =>
        z
          .object({
            recommendation: z.enum(recommendationValues).default('APPROVE'),
            reason: z.string().optional(),
          })
          .strict(),
      ),
      async run(session, params: { recommendation: (typeof recommendationValues)[number]; reason?: string }) {
        const current = await sessions.get(session.id);
        if (!current) throw new SimError(404, `no IDV session ${session.id}`);
        const ibvTypes = current.data.checks.filter((c) => c.ibv).map((c) => c.type);
        if (ibvTypes.length === 0)
          throw new SimError(409, 'the session requested no IBV checks (config.manual_check IBV)');
        const review = checkOutcomeSchema.parse({
          recommendation: params.recommendation,
          reason: params.reason,
        });
        const scenarioChecks = sessions.configOf(current.data.sdkId).outcome.checks;
        await sessions.complete(session.id, 'in-branch review', {
          ...scenarioChecks,
          ...Object.fromEntries(ibvTypes.map((t) => [t, review])),
        });
      },
    },
    expire: {
      description: 'The deadline passes now: EXPIRED',
      params: builtOnFirstUse(() => z.object({}).passthrough()),
      async run(session) {
        await sessions.expire(session.id, 'admin action');
      },
    },
    'track-device': {
      description: 'A device opens the session: adds a tracked-devices event',
      onEnded: true,
      params: builtOnFirstUse(() =>
        z
          .object({
            event: z.string().default('CONFIG_FIRST_LOADED'),
            device: z.record(z.string(), z.string()).optional(),
          })
          .strict(),
      ),
      async run(session, params: { event: string; device?: Record<string, string> }) {
        const faker = await sessions.ctx.faker();
        const device = params.device ?? {
          ip_address: faker.internet.ipv4(),
          ip_iso_country_code: 'GBR',
          manufacture_name: 'Apple',
          model_name: 'iPhone',
          os_name: 'iOS',
          os_version: '17.5',
          browser_name: 'Safari',
          browser_version: '17.5',
          locale: 'en-GB',
          client_version: '1.0.0',
        };
        const created = yotiTime(sessions.ctx.clock.now());
        await sessions.update(session.id, (s) => ({
          ...s,
          data: {
            ...s.data,
            trackedDevices: [...s.data.trackedDevices, { event: params.event, created, device }],
          },
        }));
      },
    },
    'pdf-supplied': topicAction(
      'NEW_PDF_SUPPLIED',
      'The user got the instructions PDF (at-home flow): NEW_PDF_SUPPLIED',
    ),
    'instructions-email': topicAction(
      'INSTRUCTIONS_EMAIL_REQUESTED',
      'Yoti asks the business to email the instructions: INSTRUCTIONS_EMAIL_REQUESTED',
    ),
    'thank-you-email': topicAction(
      'THANK_YOU_EMAIL_REQUESTED',
      'The branch journey ended; the business sends its own email: THANK_YOU_EMAIL_REQUESTED',
    ),
  } as Record<string, IdvAction>;
}
