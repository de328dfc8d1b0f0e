import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorSpec } from '../../../simulator/providers/provider.js';

/** The parcel service's own error body: `{fault: {code, text}}`. */
export function parcelErrorResponse(c: Context, { status, code, message }: ErrorSpec): Response {
  return c.json({ fault: { code: code ?? `E${status}`, text: message } }, status as ContentfulStatusCode);
}
