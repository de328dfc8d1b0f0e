import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { describeKnown, SimError } from '../engine/errors.js';

/**
 * The admin plane's one error shape: `{error: "<what failed>", ...detail}`, and `known: [...]`
 * when something asked for does not exist. Admin routes throw SimError (or call this directly);
 * the admin API's onError answers with it.
 */
export function adminError(
  c: Context,
  status: number,
  message: string,
  detail: Record<string, unknown> = {},
): Response {
  return c.json({ error: message, ...detail }, status as ContentfulStatusCode);
}

export function adminErrorOf(c: Context, error: SimError): Response {
  const detail: Record<string, unknown> = {};
  if (error.details !== undefined) detail.details = error.details;
  if (error.known) detail.known = error.known.values;
  const message = error.known ? `${error.message}; ${describeKnown(error.known)}` : error.message;
  return adminError(c, error.status, message, detail);
}

export { SimError };
