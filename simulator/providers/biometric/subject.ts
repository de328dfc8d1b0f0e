import type { Faker } from '@faker-js/faker';

/** The simulated person behind a session: what E-Document and Document Recognition return. */
export interface Subject {
  iin: string;
  firstName: string;
  lastName: string;
  middleName: string;
  birthDate: string;
  phone: string;
  documentNumber: string;
}

/** Kazakh IIN check digit: weights 1..11, then 3..11,1,2 when the first sum gives 10. */
export function iinCheckDigit(first11: string): number | undefined {
  const digits = [...first11].map(Number);
  const weighted = (weights: number[]) => digits.reduce((sum, d, i) => sum + d * weights[i], 0) % 11;
  let check = weighted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = weighted([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return check === 10 ? undefined : check;
}

export function isValidIin(iin: string): boolean {
  return /^\d{12}$/.test(iin) && iinCheckDigit(iin.slice(0, 11)) === Number(iin[11]);
}

export function fakeSubject(faker: Faker): Subject {
  const sex = faker.person.sexType();
  const birth = faker.date.birthdate({ mode: 'age', min: 18, max: 80 });
  const year = birth.getUTCFullYear();
  const yymmdd = birth.toISOString().slice(2, 10).replaceAll('-', '');
  const centuryDigit = (year >= 2000 ? 5 : 3) + (sex === 'female' ? 1 : 0);
  let iin = '';
  while (iin === '') {
    const first11 = `${yymmdd}${centuryDigit}${faker.string.numeric(4)}`;
    const check = iinCheckDigit(first11);
    if (check !== undefined) iin = `${first11}${check}`;
  }
  return {
    iin,
    firstName: faker.person.firstName(sex),
    lastName: faker.person.lastName(sex),
    middleName: faker.person.middleName(sex),
    birthDate: birth.toISOString().slice(0, 10),
    phone: `+77${faker.string.numeric(9)}`,
    documentNumber: faker.string.numeric(9),
  };
}
