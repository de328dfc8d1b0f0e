import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
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
