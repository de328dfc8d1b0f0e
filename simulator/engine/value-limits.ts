/**
 * Bounds for values a client sends that the simulator keeps and later writes back out (session
 * metadata, tags, extra fields): a value nested thousands deep cannot be written as JSON again
 * (JSON.stringify runs out of stack), and a huge one lives in memory for the session's life.
 * Checked without recursion, so the check itself cannot run out of stack.
 */
export interface ValueLimits {
  /** Objects and arrays inside each other, the outermost counting 1. */
  maxDepth: number;
  /** Object keys and array items in all. */
  maxEntries: number;
  /** Characters of a string (or a key). */
  maxStringLength: number;
  /** Paths (as reported, e.g. `metadata.face2face.photo1`) whose strings may be longer. */
  longStrings?: readonly string[];
}

/** The first limit `value` breaks, as `{path, reason}`; undefined when it keeps them all. */
export function valueProblem(
  value: unknown,
  limits: ValueLimits,
  rootPath: string,
): { path: string; reason: string } | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: rootPath, depth: 0 }];
  let entries = 0;
  while (stack.length > 0) {
    const item = stack.pop() as (typeof stack)[number];
    if (typeof item.value === 'string') {
      if (item.value.length > limits.maxStringLength && !limits.longStrings?.includes(item.path))
        return {
          path: item.path,
          reason: `Ensure this field has no more than ${limits.maxStringLength} characters.`,
        };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    const depth = item.depth + 1;
    if (depth > limits.maxDepth)
      return { path: item.path, reason: `Nested too deeply: at most ${limits.maxDepth} levels.` };
    const children = Array.isArray(item.value)
      ? item.value.map((child, i) => [`${item.path}[${i}]`, child] as const)
      : Object.entries(item.value).map(([key, child]) => [`${item.path}.${key}`, child, key] as const);
    entries += children.length;
    if (entries > limits.maxEntries)
      return { path: item.path, reason: `Too many fields: at most ${limits.maxEntries} in all.` };
    for (const [path, child, key] of children) {
      if (key !== undefined && key.length > limits.maxStringLength)
        return { path: item.path, reason: `A key is longer than ${limits.maxStringLength} characters.` };
      stack.push({ value: child, path, depth });
    }
  }
  return undefined;
}
