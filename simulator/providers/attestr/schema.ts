import { z } from 'zod';
import { builtOnFirstUse } from '../../engine/lazy-schema.js';
import type { SimContext } from '../provider.js';

/**
 * The `attestr:` section of a scenario file: registered apps (clients) and Studio flows. The schemas
 * of a client and a flow are built when a scenario first lists one (engine/lazy-schema.ts).
 */

const rateLimitSchema = builtOnFirstUse(() =>
  z
    .object({
      requests: z.number().int().positive().describe('requests allowed in one window'),
      windowMs: z.number().int().positive().default(60_000).describe('fixed window on the simulator clock'),
    })
    .strict(),
);

export const attestrClientSchema = builtOnFirstUse(() =>
  z
    .object({
      clientKey: z
        .string()
        .regex(
          /^[0-9a-fA-F]+$/,
          'a client key is hexadecimal (Attestr issues hex keys; its Android SDK refuses others)',
        )
        .describe('the `cl` given to flowx.js; hexadecimal, as Attestr issues them'),
      secret: z.string().min(1).describe('client secret: keys the HMAC-SHA256 result signature'),
      authToken: z.string().min(1).describe('sent as `Authorization: Basic <authToken>`'),
      name: z.string().default('kyc-sim app'),
      credits: z
        .number()
        .nonnegative()
        .default(1_000_000)
        .describe('balance; each handshake costs one credit, 4005 when below one'),
      services: z
        .array(z.string())
        .default(['flowx'])
        .describe('provisioned services; 4035 when `flowx` is missing'),
      suspended: z.boolean().default(false).describe('403/4031 unauthorized on every call'),
      ipWhitelist: z
        .array(z.string())
        .default([])
        .describe('caller addresses allowed; empty allows any; 4039 otherwise'),
      rateLimits: z
        .object({
          account: rateLimitSchema.optional().describe('all API calls of this client (4291)'),
          api: rateLimitSchema.optional().describe('calls to one API endpoint (4292)'),
          daily: z
            .object({ requests: z.number().int().positive().describe('requests allowed per day') })
            .strict()
            .optional()
            .describe('all API calls of this client per UTC day on the simulator clock (4293)'),
        })
        .strict()
        .prefault({}),
      webhookUrl: z
        .string()
        .url()
        .optional()
        .describe('where events go for handshakes created with webhook: true'),
      webhookToken: z
        .string()
        .min(1)
        .optional()
        .describe(
          'sent as `Authorization: Basic <webhookToken>` with every event; default: the first 32 hex characters of SHA-256("kyc-sim-webhook:" + clientKey)',
        ),
      archiveAfterMs: z
        .number()
        .int()
        .positive()
        .optional()
        .describe('archive handshakes this long after they end (result and signature turn null)'),
    })
    .strict(),
);

const errorDetail = builtOnFirstUse(() =>
  z
    .object({
      code: z.number().int(),
      httpStatusCode: z.number().int().min(400).max(599).optional(),
      message: z.string().optional(),
    })
    .strict(),
);

export const stageOutcomeSchema = builtOnFirstUse(() =>
  z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('success'), afterMs: z.number().int().nonnegative().default(800) }).strict(),
      z
        .object({
          type: z.literal('error'),
          afterMs: z.number().int().nonnegative().default(800),
          code: z.number().int().describe('e.g. 5001; every stage type has its own codes'),
          httpStatusCode: z
            .number()
            .int()
            .min(400)
            .max(599)
            .optional()
            .describe('a fitting default when absent'),
          original: errorDetail.optional().describe('root cause, e.g. {code: 4035} service not provisioned'),
        })
        .strict(),
      z
        .object({ type: z.literal('skip'), afterMs: z.number().int().nonnegative().default(800) })
        .strict()
        .describe('the user interrupts the flow at this stage'),
      z
        .object({ type: z.literal('manual') })
        .strict()
        .describe("waits for the tester's click in the overlay or an admin action"),
    ])
    .describe('what happens at this stage once it starts'),
);

export const stageSchema = builtOnFirstUse(() =>
  z
    .object({
      id: z.string().min(1).describe('stage id, e.g. FS02zfeuv3tcnkq2mond2; keys the result'),
      type: z.string().min(1).describe('stage type, e.g. pan-verification, selfie, aadhaar-okyc'),
      title: z.string().optional(),
      input: z
        .record(z.string(), z.unknown())
        .default({})
        .describe('stage input; "{{name}}" strings take the flow variable `name`'),
      output: z
        .record(z.string(), z.unknown())
        .default({})
        .describe('fake output; "{{fake:person.fullName}}" strings are generated from the seed'),
      outcome: stageOutcomeSchema.prefault({ type: 'success' }),
    })
    .strict(),
);

export const flowSchema = builtOnFirstUse(() =>
  z
    .object({
      id: z.string().min(1),
      name: z.string().optional(),
      active: z.boolean().default(true).describe('40034 when false'),
      snapshots: z
        .array(z.string().min(1))
        .default([])
        .describe(
          'published snapshot ids (Strings, e.g. UUIDs); a handshake names one, or null for the draft',
        ),
      variables: z
        .record(z.string(), z.unknown())
        .default({})
        .describe('declared qr variables and their defaults; others in `qr` are ignored'),
      stages: z.array(stageSchema).min(1),
    })
    .strict(),
);

export const attestrScenarioSchema = z
  .object({
    clients: z.array(attestrClientSchema).default([]),
    flows: z.array(flowSchema).default([]),
    defaultExpiryMs: z
      .number()
      .int()
      .positive()
      .default(86_400_000)
      .describe('handshake lifetime when `expiry` is absent'),
  })
  .strict()
  .superRefine((attestr, ctx) => {
    const unique = (values: string[], path: (i: number) => PropertyKey[], what: string) => {
      const seen = new Set<string>();
      values.forEach((v, i) => {
        if (seen.has(v)) ctx.addIssue({ code: 'custom', path: path(i), message: `duplicate ${what} ${v}` });
        seen.add(v);
      });
    };
    unique(
      attestr.clients.map((c) => c.clientKey),
      (i) => ['clients', i, 'clientKey'],
      'clientKey',
    );
    unique(
      attestr.clients.map((c) => c.authToken),
      (i) => ['clients', i, 'authToken'],
      'authToken',
    );
    unique(
      attestr.flows.map((f) => f.id),
      (i) => ['flows', i, 'id'],
      'flow id',
    );
    attestr.flows.forEach((flow, i) => {
      unique(
        flow.stages.map((s) => s.id),
        (j) => ['flows', i, 'stages', j, 'id'],
        'stage id',
      );
    });
  });

export type AttestrScenario = z.output<typeof attestrScenarioSchema>;
export type AttestrClient = z.output<typeof attestrClientSchema>;
export type Flow = z.output<typeof flowSchema>;
export type Stage = z.output<typeof stageSchema>;
export type StageOutcome = z.output<typeof stageOutcomeSchema>;

/** What this provider's code gets from the simulator: the engine and the attestr section. */
export type AttestrContext = SimContext<AttestrScenario>;
