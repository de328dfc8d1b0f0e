/**
 * Partial scenarios merged over a scenario, for per-test control (`sim.use(partial)`,
 * `POST /__admin/scenario/overrides`), like MSW's `server.use()` or a WireMock stub on top of the
 * loaded mappings. The rules, in order:
 *
 * - Objects merge key by key; a key the partial leaves out keeps the scenario's value.
 * - An object whose `type` differs from the scenario's replaces it whole: a tagged step (an
 *   outcome) is one thing, and `{type: 'fail'}` over `{type: 'complete', afterMs: 3000}` is a fail.
 * - Arrays of objects merge element by element. An element of the partial matches the scenario's
 *   element with the same identity: the value of its first key named `id` or ending in `Id` or
 *   `Key` (`sdkId`, `apiKey`, `clientKey`). Matched elements merge by these rules; the others are
 *   added at the end.
 * - Any other value (strings, numbers, `null`, arrays of plain values, arrays of objects without
 *   an identity, such as `faults`) replaces the scenario's.
 */
export function mergeScenario(base: unknown, partial: unknown): unknown {
  if (isObject(base) && isObject(partial)) {
    if ('type' in partial && partial.type !== base.type) return partial;
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(partial))
      merged[key] = key in base ? mergeScenario(base[key], value) : value;
    return merged;
  }
  if (Array.isArray(base) && Array.isArray(partial) && partial.length > 0 && partial.every(isObject)) {
    if (!partial.every((element) => identityOf(element))) return partial;
    const merged = [...base];
    for (const element of partial) {
      const [key, value] = identityOf(element) as [string, unknown];
      const at = merged.findIndex((b) => isObject(b) && b[key] === value);
      if (at === -1) merged.push(element);
      else merged[at] = mergeScenario(merged[at], element);
    }
    return merged;
  }
  return partial;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `[key, value]` of the element's identity: its first `id`, `…Id` or `…Key` key with a string or number. */
function identityOf(element: Record<string, unknown>): [string, unknown] | undefined {
  const key = Object.keys(element).find(
    (k) => (k === 'id' || /[a-z](Id|Key)$/.test(k)) && ['string', 'number'].includes(typeof element[k]),
  );
  return key === undefined ? undefined : [key, element[key]];
}
