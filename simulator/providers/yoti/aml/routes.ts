import { Hono } from 'hono';
import { z } from 'zod';
import { builtOnFirstUse } from '../../../engine/lazy-schema.js';
import type { YotiAppRegistry } from '../auth/app-registry.js';
import { verifySignedRequest, type YotiSignedEnv } from '../auth/verify-signed-request.js';
import { readPayload } from '../read-payload.js';
import type { AmlEntry } from './schema.js';

const text = () =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.string({ error: 'must not be empty' }).min(1, 'must not be empty'),
  );
const optionalText = () =>
  z.preprocess((v) => (v === null || v === '' ? undefined : v), z.string().optional());

/**
 * The body of Client.performAmlCheck: AmlProfile.getData(). Yoti's rules: a country, and for the
 * USA a postcode or an SSN. Built when the first one comes (engine/lazy-schema.ts).
 */
export const amlProfileSchema = builtOnFirstUse(() =>
  z
    .object({
      given_names: text(),
      family_name: text(),
      ssn: optionalText(),
      address: z.object({ country: text(), postcode: optionalText() }).passthrough(),
    })
    .passthrough()
    .superRefine((profile, ctx) => {
      if (profile.address.country.toUpperCase() === 'USA' && !profile.address.postcode && !profile.ssn) {
        ctx.addIssue({
          code: 'custom',
          path: ['address', 'postcode'],
          message: 'a check in the USA needs a postcode or an SSN',
        });
      }
    }),
);

export type AmlProfile = z.output<typeof amlProfileSchema>;

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Which lists the person is on: the scenario's entries that match them. */
export function screen(profile: AmlProfile, entries: AmlEntry[]) {
  const hits = entries.filter(
    (e) =>
      same(e.familyName, profile.family_name) &&
      (!e.givenNames || same(e.givenNames, profile.given_names)) &&
      (!e.country || same(e.country, profile.address.country)) &&
      (!e.ssn || e.ssn === profile.ssn),
  );
  const on = (list: AmlEntry['lists'][number]) => hits.some((e) => e.lists.includes(list));
  return { on_pep_list: on('pep'), on_fraud_list: on('fraud'), on_watch_list: on('watch') };
}

/** `POST /api/v1/aml-check?appId=...`, signed: the AML check of Client.performAmlCheck. */
export function amlRoutes(apps: YotiAppRegistry): Hono<YotiSignedEnv> {
  const app = new Hono<YotiSignedEnv>();
  app.post('/api/v1/aml-check', verifySignedRequest({ apps, prefix: '/yoti/api/v1' }), async (c) => {
    const payload = await readPayload(c, amlProfileSchema);
    if (!payload.ok) return payload.response;
    return c.json(screen(payload.value, apps.ctx.section().aml.entries));
  });
  return app;
}
