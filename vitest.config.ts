import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['simulator/**/*.test.ts', 'clients/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/chromium-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
