import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two layers, kept apart so the everyday loop never builds the site:
 * - unit: src/lib, src/queries, scripts and the data checks over content/ (seconds);
 * - site: builds the real site once (global setup), then reads dist/ and drives Chromium; the
 *   scale checks of the model on 1,000 generated trials run here too.
 * `npm run test:unit`, `npm run test:site`; `npm test` runs both.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/data/**/*.test.ts'],
          // Script tests spawn the real commands (Node start-up, a few files each); generous so a
          // busy machine slows the loop down rather than failing it.
          testTimeout: 60_000,
          // Vitest's default (cores - 1) is one worker on a 2-core machine, which idles while a
          // script test waits on its child process; two keep both cores busy.
          maxWorkers: Math.max(2, availableParallelism() - 1),
          // These tests share no module state (no mocks, stubs or chdir), so a worker keeps the modules it has
          // loaded from one file to the next instead of importing zod, yaml and the pooling code again for each:
          // about 40 % of the loop's time.
          isolate: false,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts', 'tests/scale/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          // Two files at a time: a build keeps one core busy while a browser test waits on its pages, so one
          // worker left a core idle for much of the run. Each file writes only its own folders under tests/.out.
          maxWorkers: 2,
          // Build and browser tests start astro and chromium; give them room on a 2-core machine.
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
