import { z } from 'zod';

/**
 * A schema built on its first use instead of at start. zod takes long to build schemas (they
 * were a third of what a start ran), and most of them check request bodies, which wait for a
 * request. The result parses, reports issue paths and converts to JSON Schema as the built schema
 * does; `build` runs once (`.unwrap()` returns the same schema each time).
 */
export function builtOnFirstUse<T extends z.ZodType>(build: () => T): z.ZodLazy<T> {
  let built: T | undefined;
  return z.lazy(() => {
    built ??= build();
    return built;
  });
}
