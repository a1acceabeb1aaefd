import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseBinaryOutcome } from '../src/lib/review/analyses/analyses.ts';
import { BINARY_OUTCOMES, SURVIVAL_OUTCOMES } from '../src/lib/vocabulary/outcomes.ts';
import { releaseSchema } from '../src/lib/schema/release.ts';
import { loadTrials } from '../src/queries/trial-files.ts';

const TRIALS = 'tests/fixtures/trials/valid';
const dir = resolve('tests/.out/release');
const file = join(dir, '2026-01-02.json');

function release(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/release.ts', '--trials', TRIALS, '--dir', dir, ...args], { encoding: 'utf8' });
}

beforeAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run release', () => {
  it('freezes the trials and every outcome into a snapshot that validates', () => {
    const result = release('--date', '2026-01-02');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`release: ${join(dir, '2026-01-02.json')} (2 trials, 9 outcomes`);

    const snapshot = releaseSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const { trials } = loadTrials(TRIALS);
    expect(snapshot).toMatchObject({ version: '2026-01-02', date: '2026-01-02' });
    expect(snapshot.commit).toMatch(/^[0-9a-f]{7,}$/);
    expect(snapshot.trials).toEqual(JSON.parse(JSON.stringify(trials.map(({ trial }) => trial))));
    expect(snapshot.counts).toEqual({ trials: 2, trialsInReview: 2, trialsIncluded: 1 });
    expect(snapshot.outcomes.map((o) => o.outcome.slug)).toEqual(BINARY_OUTCOMES.map((o) => o.slug));
    expect(snapshot.survival.map((o) => o.outcome.slug)).toEqual(SURVIVAL_OUTCOMES.map((o) => o.slug));
  });

  it('holds the pooled results the analysis computes', () => {
    const snapshot = releaseSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const trials = loadTrials(TRIALS).trials.map(({ trial }) => trial);
    for (const [i, outcome] of BINARY_OUTCOMES.entries()) {
      const analysis = analyseBinaryOutcome(trials, outcome);
      const pooled = analysis.estimate?.basis === 'pooled' ? analysis.estimate.proportion : undefined;
      expect(snapshot.outcomes[i]!.result?.pooled?.proportion).toBe(pooled);
      expect(snapshot.outcomes[i]!.result?.k).toBe(analysis.estimate?.k);
    }
    // One study of 12: shown as that study's own proportion, not pooled.
    expect(snapshot.outcomes.find((o) => o.outcome.key === 'orr')?.result).toMatchObject({ k: 1, patients: 12, model: 'none', pooled: null });
  });

  it('refuses to overwrite a snapshot, with one line and exit 2', () => {
    const before = readFileSync(file, 'utf8');
    const result = release('--date', '2026-01-02');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`release: ${file} already exists; a frozen version is never overwritten\n`);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('with --if-changed freezes nothing while no published number moved, and freezes once one does', () => {
    const same = release('--date', '2026-01-04', '--if-changed');
    expect(same.status).toBe(0);
    expect(same.stdout).toBe('release: no published number moved since 2026-01-02; nothing frozen\n');
    expect(() => readFileSync(join(dir, '2026-01-04.json'))).toThrow();

    // One trial fewer moves the response figure: that is a new citable state.
    const trials = resolve('tests/.out/release-trials');
    rmSync(trials, { recursive: true, force: true });
    mkdirSync(trials);
    copyFileSync(join(TRIALS, 'NCT00000002.mdx'), join(trials, 'NCT00000002.mdx'));
    const moved = spawnSync(process.execPath, ['scripts/release.ts', '--trials', trials, '--dir', dir, '--date', '2026-01-05', '--if-changed'], {
      encoding: 'utf8',
    });
    expect(moved.stderr).toBe('');
    expect(moved.status).toBe(0);
    expect(readFileSync(join(dir, '2026-01-05.json'), 'utf8')).toContain('"version": "2026-01-05"');
  });

  it('rejects a malformed date', () => {
    const result = release('--date', '29/11/2026');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('release: --date must be YYYY-MM-DD, got "29/11/2026"\n');
  });

  it('freezes nothing from invalid trial files', () => {
    const bad = 'tests/fixtures/trials/invalid/events-exceed-n';
    const result = spawnSync(process.execPath, ['scripts/release.ts', '--trials', bad, '--dir', dir, '--date', '2026-01-03'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${bad}/NCT00000001.mdx: cohorts[1].outcomes.orr.events (14) exceeds n (12)`);
    expect(() => readFileSync(join(dir, '2026-01-03.json'))).toThrow();
  });
});
