import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorSpec } from '../provider.js';

/** Biometric.kz runs Django REST framework: every error body is `{"detail": "..."}`. */
export function biometricErrorResponse(c: Context, { status, message }: ErrorSpec): Response {
  return c.json({ detail: message }, status as ContentfulStatusCode);
}

/** Python's type names, as DRF puts them in messages like `got type "str"`. */
export function pythonType(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'dict';
}
