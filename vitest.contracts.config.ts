import { defineConfig } from 'vitest/config';

// Pact tests write and read contracts/pacts/: consumers run before the provider verification.
export default defineConfig({
  test: {
    include: ['contracts/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { PACT_DO_NOT_TRACK: 'true' },
  },
});
