import { z } from 'zod';

/**
 * In the JSON that Yoti's SDKs send, `null` and often `""` mean "not given": Jackson in the Java
 * SDK writes every unset field as null (`"derivation": null`), the Python sandbox clients send
 * `null` for an unset reason and `""` for no derivation, the Go sandbox `"optional": ""`.
 */

/** The value with every `null` object property removed, at any depth (array items are kept). */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== null) out[key] = withoutNulls(item);
  return out;
}

/** A body schema that reads null properties as absent ones. */
export const nullsAbsent = <S extends z.ZodType>(schema: S) => z.preprocess(withoutNulls, schema);

/** A field where `""` (and null) also mean absent; `schema` says what absence gives (optional or default). */
export const emptyAbsent = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema);
