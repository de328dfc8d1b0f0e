import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { ErrorSpec } from '../../provider.js';

/**
 * The Digital ID API's error body: `{error, message}` — what the SDK's DigitalIdentityServiceError
 * reads into `code` and `reason` — with `errors[{property, message}]` for payload problems.
 */
export function digitalIdErrorResponse(c: Context, { status, code, message, details }: ErrorSpec): Response {
  const body: Record<string, unknown> = {
    error: code ?? (status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST'),
    message,
  };
  if (details !== undefined) body.errors = details;
  return c.json(body, status as ContentfulStatusCode);
}

/** The body digitalIdErrorResponse writes, for the API documents (a test holds real answers to it). */
export const digitalIdErrorBody = z.object({
  error: z.string().describe('e.g. NOT_FOUND, PAYLOAD_VALIDATION, SESSION_NOT_ACTIVE'),
  message: z.string(),
  errors: z.array(z.object({ property: z.string(), message: z.string() })).optional(),
});
