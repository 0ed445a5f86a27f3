import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end tests drive a real Chromium: generous, not timed.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
    // Vitest runs one file per core but one; the end-to-end files mostly wait on their child
    // processes and Chromium, so three files at a time keep a two-core machine busy.
    maxWorkers: 3,
    // Files run one after another in a worker share its modules: the chart libraries, Handlebars
    // and the analysis load once per worker rather than once per file. No test changes a module's
    // state for the next (the language is chosen once, the same for every file: helpers/setup.ts).
    isolate: false,
    setupFiles: ['test/helpers/setup.ts'],
    globalSetup: ['test/helpers/suite-temp.ts'],
  },
});
