import type { Faker } from '@faker-js/faker';
import { DOCUMENT_JPEG_BASE64, SELFIE_JPEG_BASE64 } from './images.js';

/**
 * A whole generated person, always drawn in full so that the seeded sequence does not depend on
 * which attributes a policy asks for: the same seed gives the same people in the same order.
 */
export type Person = Record<string, unknown>;

/** Birthdates are drawn against a fixed day, so a seed gives the same person on any day. */
const REFERENCE_DAY = new Date('2026-01-01T00:00:00Z');
const NATIONALITIES = ['GBR', 'IRL', 'FRA', 'DEU', 'ESP', 'ITA', 'POL', 'NLD'];

export function generatePerson(faker: Faker): Person {
  const sex = faker.person.sex() as 'female' | 'male';
  const givenNames = faker.person.firstName(sex);
  const familyName = faker.person.lastName();
  const dateOfBirth = faker.date
    .birthdate({ mode: 'age', min: 19, max: 75, refDate: REFERENCE_DAY })
    .toISOString()
    .slice(0, 10);
  const buildingNumber = faker.location.buildingNumber();
  const street = faker.location.street();
  const town = faker.location.city();
  const postcode = faker.location.zipCode();
  const addressLine1 = `${buildingNumber} ${street}`;
  const formatted = [addressLine1, town, postcode, 'United Kingdom'].join('\n');
  const documentNumber = faker.string.alphanumeric({ length: 9, casing: 'upper' });
  const expiry = faker.date.future({ years: 8, refDate: REFERENCE_DAY }).toISOString().slice(0, 10);
  return {
    given_names: givenNames,
    family_name: familyName,
    full_name: `${givenNames} ${familyName}`,
    date_of_birth: dateOfBirth,
    gender: sex.toUpperCase(),
    nationality: faker.helpers.arrayElement(NATIONALITIES),
    phone_number: `+447${faker.string.numeric(9)}`,
    email_address: faker.internet.email({ firstName: givenNames, lastName: familyName }).toLowerCase(),
    postal_address: formatted,
    structured_postal_address: {
      address_format: 1,
      building_number: buildingNumber,
      address_line1: addressLine1,
      town_city: town,
      postal_code: postcode,
      country_iso: 'GBR',
      country: 'United Kingdom',
      formatted_address: formatted,
    },
    document_details: `PASSPORT GBR ${documentNumber} ${expiry}`,
    selfie: SELFIE_JPEG_BASE64,
    document_images: [DOCUMENT_JPEG_BASE64, DOCUMENT_JPEG_BASE64],
  };
}
