import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end tests drive a real Chromium: generous, not timed.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
    setupFiles: ['test/helpers/setup.ts'],
    globalSetup: ['test/helpers/suite-temp.ts'],
  },
});
