import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    // Build and browser tests start astro and chromium; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
