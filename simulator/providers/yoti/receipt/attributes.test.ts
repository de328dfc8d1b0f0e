import { describe, expect, it } from 'vitest';
import { ageCheck, attributesFor, PASSPORT_ANCHORS, toAttribute } from './attributes.js';

const person = { given_names: 'Gen', date_of_birth: '2000-06-15', email_address: 'gen@example.test' };
const today = new Date('2026-06-14T12:00:00Z');

describe('ageCheck', () => {
  it('counts a birthday only once it has come', () => {
    expect(ageCheck('over', 26, '2000-06-15', today)).toBe(false);
    expect(ageCheck('over', 26, '2000-06-14', today)).toBe(true);
    expect(ageCheck('under', 26, '2000-06-15', today)).toBe(true);
    expect(ageCheck('under', 25, '2000-06-15', today)).toBe(false);
  });
});

describe('attributesFor', () => {
  it('prefers supplied values, derives ages from the supplied date of birth, and keeps one per name', () => {
    const attributes = attributesFor(
      [
        { name: 'given_names' },
        { name: 'given_names' },
        { name: 'date_of_birth', derivation: 'age_over:18' },
        { name: 'email_address' },
      ],
      { given_names: 'Sam', date_of_birth: '2010-01-01' },
      person,
      today,
    );
    expect(attributes.map((a) => [a.name, a.value])).toEqual([
      ['given_names', 'Sam'],
      ['age_over:18', 'false'],
      ['email_address', 'gen@example.test'],
    ]);
    expect(attributes[0].anchors).toEqual(PASSPORT_ANCHORS);
    expect(attributes[2].anchors).toEqual([]);
  });

  it('leaves out an attribute it has no value for', () => {
    expect(attributesFor([{ name: 'identity_profile_report' }], {}, person, today)).toEqual([]);
  });
});

describe('toAttribute', () => {
  it('types values by attribute name and shape', () => {
    expect(toAttribute('date_of_birth', '1990-01-01').contentType).toBe('DATE');
    expect(toAttribute('structured_postal_address', { postal_code: 'X' })).toMatchObject({
      contentType: 'JSON',
      value: '{"postal_code":"X"}',
    });
    expect(toAttribute('selfie', 'data:image/jpeg;base64,/9j/AA==')).toMatchObject({
      contentType: 'JPEG',
      value: '/9j/AA==',
    });
    expect(toAttribute('document_images', 'AAA&BBB').items).toEqual([
      { contentType: 'JPEG', value: 'AAA' },
      { contentType: 'JPEG', value: 'BBB' },
    ]);
  });

  it('unwraps {value, anchors} from a scenario', () => {
    const anchors = [{ type: 'SOURCE' as const, value: 'NATIONAL_ID', subType: '' }];
    expect(toAttribute('given_names', { value: 'Ana', anchors })).toMatchObject({ value: 'Ana', anchors });
  });
});
