import type { Faker } from '@faker-js/faker';

/**
 * Seeded fake people for generated profiles. Only the en_GB locale module is loaded (the full
 * package costs ~250 ms), on first use rather than at start-up.
 */
let localeModule: Promise<typeof import('@faker-js/faker/locale/en_GB')> | undefined;

export async function createFaker(seed: number | undefined): Promise<Faker> {
  localeModule ??= import('@faker-js/faker/locale/en_GB');
  const { faker: shared } = await localeModule;
  // A private instance per simulator, so two simulators in one process do not share a seed.
  const FakerClass = shared.constructor as new (options: { locale: Faker['rawDefinitions'] }) => Faker;
  const faker = new FakerClass({ locale: shared.rawDefinitions });
  if (seed !== undefined) faker.seed(seed);
  return faker;
}
