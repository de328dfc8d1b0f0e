import { Hono } from 'hono';
import { z } from 'zod';
import { builtOnFirstUse } from '../engine/lazy-schema.js';
import type { Runtime } from '../runtime.js';
import { adminError } from './errors.js';
import { readJson } from './read-json.js';

export const advanceBody = builtOnFirstUse(() =>
  z
    .object({ ms: z.number().int().nonnegative().describe('Milliseconds to move the manual clock on') })
    .strict(),
);
export const modeBody = builtOnFirstUse(() =>
  z
    .object({ mode: z.enum(['real', 'manual']).describe('manual: time moves only by POST /clock/advance') })
    .strict(),
);

export function clockRoutes(runtime: Runtime): Hono {
  const app = new Hono();
  app.get('/', (c) => c.json(runtime.clock.snapshot()));

  app.put('/', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = modeBody.safeParse(body.value);
    if (!parsed.success) return adminError(c, 400, 'expected {"mode": "real"|"manual"}');
    await runtime.setClockMode(parsed.data.mode);
    return c.json(runtime.clock.snapshot());
  });

  app.post('/advance', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = advanceBody.safeParse(body.value);
    if (!parsed.success) return adminError(c, 400, 'expected {"ms": <non-negative integer>}');
    if (runtime.clock.mode !== 'manual') {
      return adminError(c, 409, 'the clock is real; switch it to manual first', {
        hint: 'PUT /__admin/clock {"mode":"manual"}',
      });
    }
    await runtime.advanceClock(parsed.data.ms);
    return c.json(runtime.clock.snapshot());
  });
  return app;
}
