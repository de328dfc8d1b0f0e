import { expect, it } from 'vitest';
import { createFaker } from './fake.js';
import { createRandom } from './random.js';

it('a seed makes ids, tokens and fake people reproducible', async () => {
  const a = createRandom(7);
  const b = createRandom(7);
  expect([a.uuid(), a.token(), a.int(1, 6)]).toEqual([b.uuid(), b.token(), b.int(1, 6)]);
  expect(a.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(a.token()).toMatch(/^[A-Za-z0-9_-]+$/);
  const [f1, f2] = await Promise.all([createFaker(7), createFaker(7)]);
  expect(f1.person.fullName()).toBe(f2.person.fullName());
});

it('without a seed, values differ', () => {
  const r = createRandom();
  expect(r.uuid()).not.toBe(r.uuid());
});
