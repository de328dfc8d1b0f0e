import { expect, it } from 'vitest';
import { jsonErrorOffset } from './json-error.js';

it.each([
  ['{"a": }', 6],
  ['{"a": 1,}', 8],
  ['[1, 2', 5],
  ['{"a" 1}', 5],
  ['{"a": "x\ny"}', 8],
  ['{"a": tru}', 6],
  ['[1] x', 4],
  ['{"a": [1, {"b": -}]}', 16],
])('finds where JSON.parse stops in %j', (text, offset) => {
  expect(() => JSON.parse(text)).toThrow();
  expect(jsonErrorOffset(text)).toBe(offset);
});

it('finds nothing wrong in valid JSON', () => {
  for (const text of ['{}', '[]', ' {"a": [1, 2.5e3, "\\u00e9\\n", true, null, {"b": false}]} ', '"s"', '-0'])
    expect(jsonErrorOffset(text)).toBe(-1);
});
