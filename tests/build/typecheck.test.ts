import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

// Node runs the TypeScript by stripping types, so nothing else would notice a type error in src/, scripts/ or tests/.
// It runs the README's `npm run typecheck` (astro sync, then tsc), so that command is exercised too.
it('type-checks under the strict tsconfig', () => {
  const run = spawnSync('npm', ['run', '--silent', 'typecheck'], { encoding: 'utf8' });
  expect((run.stdout + run.stderr).split('\n').filter((line) => /error TS\d+/.test(line))).toEqual([]);
  expect(run.status).toBe(0);
});
