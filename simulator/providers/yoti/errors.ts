import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { ErrorSpec } from '../provider.js';

/** Yoti's error body: `{code, message}`, with `errors[{property, message}]` for payload problems. */
export function yotiErrorResponse(c: Context, { status, code, message, details }: ErrorSpec): Response {
  const body: Record<string, unknown> = { code: code ?? defaultCode(status), message };
  if (details !== undefined) body.errors = details;
  return c.json(body, status as ContentfulStatusCode);
}

function defaultCode(status: number): string {
  if (status === 400) return 'BAD_REQUEST';
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'TOO_MANY_REQUESTS';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  return status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'ERROR';
}

/** The body yotiErrorResponse writes, for the API documents (a test holds real answers to it). */
export const yotiErrorBody = z.object({
  code: z.string().describe('e.g. PAYLOAD_VALIDATION, SESSION_NOT_FOUND, INVALID_DIGEST'),
  message: z.string(),
  errors: z.array(z.object({ property: z.string(), message: z.string() })).optional(),
});
