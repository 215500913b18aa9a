import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // one worker process per core, reused across test files: each file still gets its own module registry reset, but
    // not a new process and a fresh import of Astro, zod, polkadot.js... (the in-process files took 771 s with a
    // process per file, 164 s reused, on a shared 2-core machine at a load average of 20; threads took 225 s)
    isolate: false,
    // a scratch folder per run for the builds test files share (tests/helpers/shared-build.ts)
    globalSetup: ['tests/helpers/global-setup.ts'],
    // the time of each test file, slowest first, at the end of the log
    reporters: ['default', './tests/helpers/file-times.ts'],
  },
});
