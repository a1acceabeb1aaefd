/**
 * `npm test`: the static checks (lint with zero warnings, and the format check), then every test
 * (unit, validation fixtures, data, build, browser) in one vitest run, closed by the wall
 * time and the plain `N passed, N failed` line that CI counts; each static check counts as one test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main, runCommand, writeLine, type Io } from './lib/command.ts';

// Run as the README's commands, so npm test exercises them too.
const STATIC_CHECKS = ['lint', 'format:check'];

const HELP = `usage: npm test [-- [--project unit|site] [FILTER...]]

Runs ${STATIC_CHECKS.map((name) => `npm run ${name}`).join(' and ')} (only for the whole suite), then the vitest projects
(both unless --project is given; FILTER narrows to matching test files), and ends with the wall
time, then one line: N passed, N failed[, N skipped].

Exit codes: 0 every test passed; 1 a test failed or vitest did not report; 2 a usage error.`;

export const run = (argv: string[], io: Io) =>
  runCommand(
    {
      name: 'test',
      help: HELP,
      options: { project: { type: 'string', multiple: true } },
      positionals: true,
      run(flags, filters, io) {
        const scratch = resolve('.tmp');
        mkdirSync(scratch, { recursive: true });
        const report = join(scratch, 'vitest-report.json');
        rmSync(report, { force: true });

        const whole = flags.project === undefined && filters.length === 0;
        const started = performance.now();
        const statics = (whole ? STATIC_CHECKS : []).map((name) => {
          writeLine(io.stdout, `test: npm run ${name}`);
          return spawnSync('npm', ['run', '--silent', name], { stdio: 'inherit' }).status === 0;
        });
        const staticFailed = statics.filter((ok) => !ok).length;
        const vitestStarted = performance.now();

        const projects = (flags.project ?? []).flatMap((name) => ['--project', name]);
        const vitest = spawnSync(
          process.execPath,
          [
            join('node_modules', 'vitest', 'vitest.mjs'),
            'run',
            '--reporter=default',
            '--reporter=json',
            `--outputFile.json=${report}`,
            ...projects,
            ...filters,
          ],
          {
            stdio: 'inherit',
            env: {
              ...process.env,
              // Chromium and astro write temporary files; keep them inside the project, not in a shared /tmp.
              TMPDIR: scratch,
              // The commands' smoke tests and the builds start Node many times over the same TypeScript; Node keeps
              // the stripped and compiled modules here, which halves each start after the first.
              NODE_COMPILE_CACHE: join(scratch, 'node-compile-cache'),
            },
          },
        );

        // The loop's speed is a target (issue: unit under 15 s, everything under 5 minutes), so every run shows it.
        const seconds = (from: number, to = performance.now()) => `${((to - from) / 1000).toFixed(1)} s`;
        writeLine(
          io.stdout,
          `test: wall time ${seconds(started)}${statics.length > 0 ? ` (static checks ${seconds(started, vitestStarted)}, vitest ${seconds(vitestStarted)})` : ''}`,
        );

        let summary: { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number; numPendingTests: number; numTodoTests: number };
        try {
          summary = JSON.parse(readFileSync(report, 'utf8')) as typeof summary;
        } catch {
          writeLine(io.stdout, `${statics.length - staticFailed} passed, ${staticFailed + 1} failed`);
          throw new Error('vitest wrote no report');
        }
        const skipped = summary.numPendingTests + summary.numTodoTests;
        // A suite that fails before its tests run (a hook, an import) fails no test; count it, so the line never reads 0 failed then.
        const failed = summary.numFailedTests + (summary.numFailedTests === 0 ? summary.numFailedTestSuites : 0) + staticFailed;
        const passed = summary.numPassedTests + statics.length - staticFailed;
        writeLine(io.stdout, `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
        return staticFailed > 0 ? 1 : (vitest.status ?? 1);
      },
    },
    argv,
    io,
  );

if (import.meta.main) await main(run);
