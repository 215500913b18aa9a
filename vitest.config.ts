import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // a scratch folder per run for the builds test files share (tests/helpers/shared-build.ts)
    globalSetup: ['tests/helpers/global-setup.ts'],
    // the time of each test file, slowest first, at the end of the log
    reporters: ['default', './tests/helpers/file-times.ts'],
  },
});
