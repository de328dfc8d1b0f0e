import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtOnFirstUse } from './lazy-schema.js';

describe('builtOnFirstUse', () => {
  it('builds the schema on its first use, once, and parses, reports and documents as it', () => {
    let builds = 0;
    const build = () => {
      builds++;
      return z.object({ name: z.string().min(1).describe('who') }).strict();
    };
    const lazy = builtOnFirstUse(build);
    expect(builds).toBe(0);

    expect(lazy.parse({ name: 'Ann' })).toEqual({ name: 'Ann' });
    const refused = lazy.safeParse({ name: '', extra: 1 });
    expect(refused.error?.issues.map((i) => i.path.join('.'))).toEqual(['name', '']);
    expect(lazy.unwrap().shape.name).toBe(lazy.unwrap().shape.name);
    expect(z.toJSONSchema(lazy)).toEqual(z.toJSONSchema(build()));
    expect(builds).toBe(2); // the one the lazy schema holds, and the one built above to compare
  });
});
