import type { z } from 'zod';
import { type CreateSessionPayload, createSessionSchema } from './payload.js';

export interface PayloadError {
  property: string;
  message: string;
}

export interface ValidSession {
  ok: true;
  payload: CreateSessionPayload;
  /** Epoch ms when the client session token stops working and an unfinished session expires. */
  deadline: number;
  resourcesTtlS: number;
}

export const DEFAULT_RESOURCES_TTL_S = 7 * 24 * 3600;
const MIN_RESOURCES_MARGIN_S = 24 * 3600;

/**
 * Validates a create-session body against the schema and the rules that need the clock:
 * a deadline or a token ttl (one of them), a deadline in the future, and resources kept at
 * least 24 h longer than the token lives.
 */
export function validateCreateSession(
  body: unknown,
  now: number,
): ValidSession | { ok: false; errors: PayloadError[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: [{ property: '', message: 'the payload must be a JSON object' }] };
  }
  const parsed = createSessionSchema.safeParse(body, { reportInput: true });
  const errors = parsed.success ? [] : toPayloadErrors(parsed.error.issues);
  const raw = body as Record<string, unknown>;
  // The timing rules are checked even when other parts fail, so one answer names every problem.
  const { shape } = createSessionSchema.unwrap();
  const field = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
    const result = schema.safeParse(value);
    return result.success ? result.data : undefined;
  };
  const deadlineText = field(shape.session_deadline, raw.session_deadline);
  const ttl = field(shape.client_session_token_ttl, raw.client_session_token_ttl);
  const hasDeadline = raw.session_deadline !== undefined;
  const hasTtl = raw.client_session_token_ttl !== undefined;
  if (!hasDeadline && !hasTtl) {
    errors.push({
      property: 'session_deadline',
      message: 'either session_deadline or client_session_token_ttl is required',
    });
  } else if (hasDeadline && hasTtl) {
    errors.push({
      property: 'client_session_token_ttl',
      message: 'give either session_deadline or client_session_token_ttl, not both',
    });
  }

  if (raw.identity_profile_requirements != null && raw.advanced_identity_profile_requirements != null) {
    errors.push({
      property: 'advanced_identity_profile_requirements',
      message:
        'give either identity_profile_requirements or advanced_identity_profile_requirements, not both',
    });
  }

  let tokenTtlS = ttl ?? 0;
  if (deadlineText) {
    const deadline = Date.parse(deadlineText);
    tokenTtlS = Math.floor((deadline - now) / 1000);
    if (deadline <= now) {
      errors.push({
        property: 'session_deadline',
        message: `must be in the future (now is ${new Date(now).toISOString()})`,
      });
    }
  }
  const resourcesTtlS = field(shape.resources_ttl, raw.resources_ttl) ?? DEFAULT_RESOURCES_TTL_S;
  if (
    tokenTtlS > 0 &&
    resourcesTtlS < tokenTtlS + MIN_RESOURCES_MARGIN_S &&
    !errors.some((e) => e.property === 'resources_ttl')
  ) {
    errors.push({
      property: 'resources_ttl',
      message: `must be at least 24 hours (86400 s) longer than the client session token ttl (${tokenTtlS} s): at least ${tokenTtlS + MIN_RESOURCES_MARGIN_S}${raw.resources_ttl === undefined ? '; the default is one week (604800)' : ''}`,
    });
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, payload: parsed.data, deadline: now + tokenTtlS * 1000, resourcesTtlS };
}

/** `requested_checks[0].config.scheme` from zod's ['requested_checks', 0, 'config', 'scheme']. */
export function propertyPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

function toPayloadErrors(issues: readonly z.core.$ZodIssue[]): PayloadError[] {
  const errors: PayloadError[] = [];
  for (const issue of issues) {
    // A union that failed reports its branches' issues inside; surface the closest ones.
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = issue.errors.reduce((a, b) => (a.length <= b.length ? a : b));
      for (const inner of toPayloadErrors(best)) {
        errors.push({ ...inner, property: propertyPath([...issue.path, ...pathOf(inner.property)]) });
      }
      continue;
    }
    const message =
      issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
    errors.push({ property: propertyPath(issue.path), message });
  }
  return errors;
}

/** Turns a property string back into path segments so nested union errors can be re-rooted. */
function pathOf(property: string): PropertyKey[] {
  if (!property) return [];
  return property.split(/\.|(?=\[)/).map((part) => (part.startsWith('[') ? Number(part.slice(1, -1)) : part));
}
