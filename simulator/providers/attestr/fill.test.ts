import { describe, expect, it } from 'vitest';
import { createFaker } from '../../engine/fake.js';
import { fillInput, fillOutput } from './fill.js';

describe('stage templates', () => {
  it('fills declared variables, keeping the type of a whole-string template', () => {
    const input = { pan: '{{pan}}', age: '{{age}}', note: 'PAN {{pan}} of {{who}}', list: ['{{pan}}'] };
    expect(fillInput(input, { pan: 'ABCDE1234F', age: 31 })).toEqual({
      pan: 'ABCDE1234F',
      age: 31,
      note: 'PAN ABCDE1234F of {{who}}',
      list: ['ABCDE1234F'],
    });
  });

  it('generates fake outputs from the seed, the same for the same seed', async () => {
    const output = {
      name: '{{fake:person.fullName}}',
      dob: '{{fake:date.birthdate}}',
      bogus: '{{fake:no.such}}',
    };
    const a = await fillOutput(output, () => createFaker(5));
    const b = await fillOutput(output, () => createFaker(5));
    expect(a).toEqual(b);
    expect(a.name).toMatch(/\w+ \w+/);
    expect(a.dob).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(a.bogus).toBe('{{fake:no.such}}');
  });
});
