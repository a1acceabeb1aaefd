/**
 * `npm test`: every test (unit, validation fixtures, data, build, browser) in one vitest
 * run, closed by the plain `N passed, N failed` line that CI counts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const scratch = resolve('.tmp');
mkdirSync(scratch, { recursive: true });
const report = join(scratch, 'vitest-report.json');
rmSync(report, { force: true });

const vitest = spawnSync(
  process.execPath,
  [join('node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  // Chromium and astro write temporary files; keep them inside the project, not in a shared /tmp.
  { stdio: 'inherit', env: { ...process.env, TMPDIR: scratch } },
);

let summary: { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number; numPendingTests: number; numTodoTests: number };
try {
  summary = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  console.log('0 passed, 1 failed');
  console.error('test: vitest wrote no report');
  process.exit(vitest.status || 1);
}
const skipped = summary.numPendingTests + summary.numTodoTests;
// A suite that fails before its tests run (a hook, an import) fails no test; count it, so the line never reads 0 failed then.
const failed = summary.numFailedTests + (summary.numFailedTests === 0 ? summary.numFailedTestSuites : 0);
console.log(`${summary.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(vitest.status ?? 1);
