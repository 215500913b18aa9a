import { defineConfig } from 'vitest/config';
import SlowestFirst from './tests/helpers/sequencer.ts';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    // 60 s: with 2 workers a file has about one core, half what it had when the suite ran on one worker (30 s)
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // one worker process per core, reused across test files: each file still gets its own module registry reset, but
    // not a new process and a fresh import of Astro, zod, polkadot.js... (the in-process files took 771 s with a
    // process per file, 164 s reused, on a shared 2-core machine at a load average of 20; threads took 225 s)
    isolate: false,
    // vitest's default on 2 cores is 1 worker (cores - 1), which ran every file one after the other; most files wait on
    // a child (Chromium, chopsticks, astro build) or a timer part of the time, so a third worker fills those waits: the
    // test files took 408 s with 2 workers, 374 s with 3, and both cores stayed busy (199% sampled from /proc/stat)
    maxWorkers: 3,
    // tests of a describe.concurrent (a11y's and layout's pages) two at a time, one per page of their pool, so no test
    // waits for a page within its own timeout
    maxConcurrency: 2,
    // the slowest files first, so they overlap (tests/helpers/sequencer.ts)
    sequence: { sequencer: SlowestFirst },
    // a scratch folder per run for the builds test files share (tests/helpers/shared-build.ts)
    globalSetup: ['tests/helpers/global-setup.ts'],
    // the time of each test file, slowest first, at the end of the log
    reporters: ['default', './tests/helpers/file-times.ts'],
  },
});
