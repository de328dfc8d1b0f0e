import type { Context } from 'hono';
import { adminError } from './errors.js';

/** Reads a JSON body for the admin API; an empty body is `{}`, a malformed one a 400. */
export async function readJson(
  c: Context,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await c.req.text();
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, response: adminError(c, 400, `body is not JSON: ${(error as Error).message}`) };
  }
}
