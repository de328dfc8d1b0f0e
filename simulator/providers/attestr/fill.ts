import type { Faker } from '@faker-js/faker';

/**
 * Templates in stage inputs and outputs. `{{name}}` takes a flow variable; `{{fake:person.fullName}}`
 * calls that faker method (seeded, so reproducible). A string that is exactly one template keeps
 * the value's type; templates inside longer strings are replaced by text.
 */
const TEMPLATE = /\{\{\s*([\w.:-]+)\s*\}\}/g;
const WHOLE = /^\{\{\s*([\w.:-]+)\s*\}\}$/;

type Resolve = (name: string) => unknown;

function fill(value: unknown, resolve: Resolve): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return resolve(whole[1]) ?? value;
    return value.replace(TEMPLATE, (match, name: string) => {
      const v = resolve(name);
      return v === undefined ? match : String(v);
    });
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, resolve));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, resolve)]));
  }
  return value;
}

export function fillInput(
  input: Record<string, unknown>,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  return fill(input, (name) => (Object.hasOwn(variables, name) ? variables[name] : undefined)) as Record<
    string,
    unknown
  >;
}

export async function fillOutput(
  output: Record<string, unknown>,
  faker: () => Promise<Faker>,
): Promise<Record<string, unknown>> {
  if (!JSON.stringify(output).includes('{{fake:')) return output;
  const f = await faker();
  return fill(output, (name) =>
    name.startsWith('fake:') ? fakeValue(f, name.slice(5)) : undefined,
  ) as Record<string, unknown>;
}

/** Walks `person.fullName` on the faker instance and calls it; unknown paths stay unresolved. */
function fakeValue(faker: Faker, path: string): unknown {
  let target: unknown = faker;
  let owner: unknown;
  for (const part of path.split('.')) {
    if (!target || typeof target !== 'object' || !(part in target)) return undefined;
    owner = target;
    target = (target as Record<string, unknown>)[part];
  }
  if (typeof target !== 'function') return undefined;
  const value = (target as () => unknown).call(owner);
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}
