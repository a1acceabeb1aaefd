import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as runCheck } from './check.ts';
import { runCaptured } from './lib/run-captured.ts';
import { RELEASES_DIR, TRIALS_DIR } from '../src/lib/content-paths.ts';
import { legacyRelease } from '../tests/releases.ts';

const check = (dir: string, env: Record<string, string> = {}) => runCaptured(runCheck, [dir], { env: { ...process.env, ...env } });

describe('npm run check', () => {
  it('exits 0 and counts the files when all are valid', async () => {
    const result = await check('tests/fixtures/trials/valid');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe('check: 2 trial files valid');
  });

  it('exits 1 with one line per problem and a count', () => {
    // The entry point itself, spawned once; the other tests call run() in-process.
    const result = spawnSync(process.execPath, ['scripts/check.ts', 'tests/fixtures/trials/invalid/misnamed-copy'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'tests/fixtures/trials/invalid/misnamed-copy/NCT00000001-copy.mdx: file name must be an NCT id and .mdx (NCT followed by 8 digits), like NCT01234567.mdx',
      'check: 1 problem(s) in tests/fixtures/trials/invalid/misnamed-copy',
    ]);
  });

  it('refuses a frozen version whose pooled estimate was moved outside its interval, in one line', async () => {
    const dir = 'tests/.out/forged-releases';
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const forged = legacyRelease(join(RELEASES_DIR, '2026-11-29.json'));
    forged.outcomes[0]!.result!.pooled.proportion = 0.9;
    writeFileSync(join(dir, '2026-11-29.json'), JSON.stringify(forged, null, 2));
    const result = await check(TRIALS_DIR, { CARNK_RELEASES_DIR: dir });
    expect(result.status).toBe(1);
    // Warnings about the real trial files (a trial with no enrollment on record) may come first; the errors are these.
    const errors = result.stderr
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('warning: '));
    expect(errors).toEqual([
      `${dir}/2026-11-29.json: outcomes[0].result.pooled.proportion (0.9) lies outside its own ci [0.1797167351285704, 0.7221025081664066]`,
      `check: 1 problem(s) in ${TRIALS_DIR}`,
    ]);
  });

  it('warns, and still passes, when a trial with counts has no enrollment on record', async () => {
    const dir = 'tests/.out/no-enrollment';
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const trial = readFileSync('tests/fixtures/trials/valid/NCT00000001.mdx', 'utf8').replace(/^ {2}enrollment:\n( {4}.*\n)+/m, '');
    writeFileSync(join(dir, 'NCT00000001.mdx'), trial);
    const result = await check(dir);
    expect(result.status).toBe(0);
    expect(result.stderr.trim()).toBe(
      `warning: ${dir}/NCT00000001.mdx: registry.enrollment is not on record: its counts are bounded only by the plausibility ceiling (100000)`,
    );
  });
});
