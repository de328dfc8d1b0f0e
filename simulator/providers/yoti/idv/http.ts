import type { Context } from 'hono';
import type { YotiSignedEnv } from '../auth/verify-signed-request.js';
import { yotiErrorResponse } from '../errors.js';
import { payloadLimitError } from '../payload-limits.js';
import { type IdvSession, idvEnded } from './model.js';
import type { PayloadError } from './validate.js';

export type IdvContext = Context<YotiSignedEnv>;

export const payloadError = (c: Context, errors: PayloadError[]) =>
  yotiErrorResponse(c, {
    status: 400,
    code: 'PAYLOAD_VALIDATION',
    message: 'There were errors validating the payload',
    details: errors,
  });

/** Reads the JSON body the verifier already buffered; a body not JSON or past Yoti's limits is a payload error. */
export async function readJsonBody(
  c: Context,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      response: payloadError(c, [
        { property: '', message: `the body is not JSON: ${(error as Error).message}` },
      ]),
    };
  }
  const tooBig = payloadLimitError(value);
  if (tooBig) return { ok: false, response: payloadError(c, [tooBig]) };
  return { ok: true, value };
}

/** 409 for changes to a session that has ended. */
export function endedError(c: Context, session: IdvSession): Response | undefined {
  if (!idvEnded(session)) return undefined;
  return yotiErrorResponse(c, {
    status: 409,
    code: 'SESSION_NOT_ONGOING',
    message: `Session ${session.id} is ${session.state}; it accepts no more resources`,
  });
}

/** Why a session id finds nothing, and what to check. */
export const sessionNotFound = (id: string) =>
  `No session ${id} for this application: it never existed for this sdkId, was deleted, or its resources_ttl ran out`;
