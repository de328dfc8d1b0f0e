import type { Context } from 'hono';
import type { z } from 'zod';
import type { ErrorSpec } from '../provider.js';
import { yotiErrorResponse } from './errors.js';
import { payloadLimitError } from './payload-limits.js';

export type Payload<T> = { ok: true; value: T } | { ok: false; response: Response };

/**
 * A JSON body within Yoti's payload limits and checked against `schema`; otherwise Yoti's 400
 * PAYLOAD_VALIDATION with `errors[{property, message}]`.
 */
export async function readPayload<S extends z.ZodType>(
  c: Context,
  schema: S,
  format: (c: Context, error: ErrorSpec) => Response = yotiErrorResponse,
): Promise<Payload<z.output<S>>> {
  const refuse = (message: string, details?: { property: string; message: string }[]) => ({
    ok: false as const,
    response: format(c, { status: 400, code: 'PAYLOAD_VALIDATION', message, details }),
  });
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return refuse('The body is not JSON');
  }
  const tooBig = payloadLimitError(body);
  if (tooBig) return refuse(INVALID, [tooBig]);
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  return refuse(
    INVALID,
    parsed.error.issues.map((i) => ({ property: i.path.join('.') || '(body)', message: i.message })),
  );
}

const INVALID = 'There were errors validating the payload';
