import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAYES_REFERENCE } from '../tests/fixtures/bayes/reference.ts';
import { REML_CONVERGENCE } from '../tests/fixtures/reml-convergence.ts';
import { parseJson, readJson } from '../tests/json.ts';
import { TOLERANCE, type Fixture } from '../src/lib/pooling/conformance.ts';
import type { GlmmFixture } from '../src/lib/pooling/conformance-glmm.ts';
import type { PosteriorSummary } from '../src/lib/pooling/bayes.ts';
import { runCaptured } from './lib/run-captured.ts';
import { run as runPool, type PoolContract } from './pool.ts';

const ROOT = join(import.meta.dirname, '..');
const CSV = join(ROOT, 'tests/fixtures/pool-csv');
/** Same agreement as src/lib/pooling/metafor.test.ts (worst observed there 4.1e-13 / 6.8e-11): the CLI must not lose precision. */
const REL = { DL: 1e-12, REML: 1e-10 } as const;

const pool = (...args: string[]) => runCaptured(runPool, args);
/** The entry point itself, for the one test that spawns it (the rest call run() in-process). */
function poolSpawned(...args: string[]) {
  const child = spawnSync(process.execPath, [join(ROOT, 'scripts/pool.ts'), ...args], { encoding: 'utf8' });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

const metafor = readJson<Fixture>(join(ROOT, 'tests/fixtures/metafor/sparse-oncology.json'));

/** The keys every pool result starts with, in the documented order; what follows depends on the method and the input. */
const CONTRACT_KEYS = ['k', 'measure', 'method', 'pooled', 'heterogeneity', 'heterogeneity_test', 'egger', 'studies', 'notes'];

describe('pool CLI', () => {
  it('prints the documented JSON for a CSV with group and year (RFC 4180 quoting)', async () => {
    const run = await pool('--csv', join(CSV, 'sparse-oncology.csv'));
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const out = parseJson<PoolContract>(run.stdout);
    expect(Object.keys(out)).toEqual([...CONTRACT_KEYS, 'subgroups', 'between', 'mixed_between', 'leave_one_out', 'cumulative']);
    expect(out.k).toBe(9);
    expect([out.measure, out.method]).toEqual(['PLO', 'DL']);
    expect(Object.keys(out.pooled)).toEqual(['proportion', 'ci', 'pi', 'pi_hts']);
    expect(out.heterogeneity_test).toBe('Cochran Q');
    expect(out.notes).toEqual([]);
    expect(Object.keys(out.heterogeneity)).toEqual(['tau2', 'Q', 'df', 'pQ', 'I2', 'H2']);
    expect(Object.keys(out.egger!)).toEqual(['t', 'df', 'p']);
    expect(out.studies.map((s: { study: string }) => s.study).slice(0, 3)).toEqual(['Liu 2020', 'Marin, et al. 2024', 'Bachanova "Phase 1"']);
    expect(Object.keys(out.studies[0]!)).toEqual(['study', 'proportion', 'ci', 'weight']);
    expect(Object.keys(out.subgroups![0]!)).toEqual(['group', 'k', 'proportion', 'ci', 'tau2', 'I2']);
    expect(Object.keys(out.between!)).toEqual(['Q', 'df', 'p']);
    expect(Object.keys(out.mixed_between!)).toEqual(['QM', 'df', 'df2', 'p', 'tau2']);
    expect(Object.keys(out.leave_one_out![0]!)).toEqual(['omitted', 'proportion', 'ci']);
    expect(out.cumulative!.map((c) => c.study)[0]).toBe('Liu 2020');
    const total = out.studies.reduce((sum, s) => sum + s.weight!, 0);
    expect(total).toBeCloseTo(100, 10);
  });

  it.each([
    { args: [], method: 'DL', hakn: false },
    { args: ['--method', 'REML', '--hakn'], method: 'REML', hakn: true },
  ] as const)('agrees with metafor for $method hakn=$hakn', async ({ args, method, hakn }) => {
    const out = parseJson<PoolContract>((await pool('--csv', join(CSV, 'sparse-oncology.csv'), '--measure', 'PLO', ...args)).stdout);
    const ref = metafor.fits.find((f) => f.measure === 'PLO' && f.method === method && f.hakn === hakn)!;
    const rel = REL[method];
    expect(Math.abs(out.pooled.proportion - ref.pooled.proportion)).toBeLessThanOrEqual(rel * ref.pooled.proportion);
    out.pooled.ci.forEach((v: number, i: number) =>
      expect(Math.abs(v - ref.pooled.proportion_ci[i]!)).toBeLessThanOrEqual(rel * ref.pooled.proportion_ci[i]! + 1e-12),
    );
  });

  it('leaves out subgroups, cumulative and leave-one-out when not applicable', async () => {
    const out = parseJson<PoolContract>((await pool('--csv', join(CSV, 'single.csv'), '--measure', 'PFT', '--method', 'PM')).stdout);
    expect(out.k).toBe(1);
    expect(out.egger).toBeNull();
    expect(out).not.toHaveProperty('subgroups');
    expect(out).not.toHaveProperty('leave_one_out');
    expect(out).not.toHaveProperty('cumulative');
    expect(out.pooled.proportion).toBeCloseTo(0.3, 12);
    const basic = parseJson<PoolContract>((await pool('--csv', join(CSV, 'basic.csv'), '--measure', 'PAS')).stdout);
    expect(basic.leave_one_out).toHaveLength(4);
  });

  it.each([
    ['events-exceed.csv', 'pool: row 3 (Smith 2020): events (12) exceeds total (10)'],
    ['non-integer.csv', 'pool: row 2 (B): events (2.5) is not a non-negative integer'],
    ['negative.csv', 'pool: row 1 (A): events (-1) is not a non-negative integer'],
    ['missing-column.csv', /^pool: .*missing-column\.csv: missing column events \(header: study,total\)$/],
    ['empty.csv', /^pool: .*empty\.csv is empty$/],
    ['header-only.csv', /^pool: .*header-only\.csv has no studies$/],
  ])('rejects %s with one line and exit 2', async (file, message) => {
    const run = await pool('--csv', join(CSV, file));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    if (typeof message === 'string') expect(lines[0]).toBe(message);
    else expect(lines[0]).toMatch(message);
  });

  it.each([
    [['--csv', 'x.csv', '--bogus'], "pool: Unknown option '--bogus' (see --help)"],
    [['--csv', join(CSV, 'basic.csv'), '--measure', 'OR'], 'pool: --measure OR is not one of: PLO, PFT, PAS, PR'],
    [['--csv', join(CSV, 'basic.csv'), '--method', 'HS'], 'pool: --method HS is not one of: DL, REML, PM, GLMM, BAYES'],
    [['--csv', join(CSV, 'basic.csv'), '--threshold', '0.3'], 'pool: --tau-prior and --threshold need --method BAYES'],
    [['--csv', join(CSV, 'basic.csv'), '--method', 'BAYES', '--threshold', '1.5'], 'pool: --threshold 1.5 is not a rate strictly between 0 and 1'],
    [['--csv', join(CSV, 'basic.csv'), '--method', 'BAYES', '--tau-prior', '0'], 'pool: --tau-prior 0 is not a positive number'],
    [['--csv', join(CSV, 'basic.csv'), '--method', 'GLMM', '--measure', 'PFT'], 'pool: --method GLMM needs --measure PLO, not PFT'],
    [[], 'pool: missing --csv FILE'],
  ])('rejects bad options %j', async (args, message) => {
    const run = await pool(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${message}\n`);
  });

  it('--method GLMM: rma.glmm numbers, null weights said in notes, same contract', async () => {
    const run = await pool('--csv', join(CSV, 'sparse-oncology.csv'), '--method', 'GLMM');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = parseJson<PoolContract>(run.stdout);
    expect(out.method).toBe('GLMM');
    expect(out.heterogeneity_test).toBe('likelihood ratio');
    expect(out.studies.every((s: { weight: unknown }) => s.weight === null)).toBe(true);
    expect(out.notes.join(' ')).toMatch(/weights: null/);
    expect(out).not.toHaveProperty('leave_one_out');
    // rma.glmm(measure="PLO", xi=events, ni=total, method="ML") on the same counts.
    const ref = readJson<GlmmFixture>(join(ROOT, 'tests/fixtures/metafor/glmm/sparse-oncology.json')).fits[0]!;
    expect(Math.abs(out.pooled.proportion - ref.proportion)).toBeLessThanOrEqual(1e-4 * ref.proportion);
    expect(Math.abs(out.heterogeneity.tau2 - ref.tau2)).toBeLessThanOrEqual(1e-4 * ref.tau2);
    expect(Math.abs(out.heterogeneity.Q - ref.QE_LRT)).toBeLessThanOrEqual(1e-6 * ref.QE_LRT);
  });

  it('--method GLMM with no events anywhere: one line with the reason, exit 1, no JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pool-'));
    try {
      writeFileSync(join(dir, 'zero.csv'), 'study,events,total\nA,0,37\nB,0,9\nC,0,8\n');
      const run = poolSpawned('--csv', join(dir, 'zero.csv'), '--method', 'GLMM');
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('pool: GLMM not fitted: not identifiable: no study has an event\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--help states the input limits and exit codes', async () => {
    const run = await pool('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/at most 10,000 studies, counts up to 100,000, and 5 MB/);
    expect(run.stdout).toMatch(/Exit codes: 0 .*; 1 .*; 2 /);
  });

  it.each(['2000000000000000', '100000000000000000000', '100001'])(
    'refuses a total of %s above the schema ceiling in one line (exit 2)',
    async (total) => {
      const dir = mkdtempSync(join(tmpdir(), 'pool-'));
      try {
        writeFileSync(join(dir, 'huge.csv'), `study,events,total\nA,1,10\nB,3,${total}\n`);
        const run = await pool('--csv', join(dir, 'huge.csv'));
        expect(run.status).toBe(2);
        expect(run.stderr).toBe(`pool: row 2 (B): total (${total}) is above the ceiling of 100000 per study\n`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it("REML on a design whose estimate wobbles at rounding level: metafor's tau2, exit 0", async () => {
    // rma(measure = "PAS", xi, ni, method = "REML"): an earlier stopping rule gave up here ("did not converge").
    const ref = REML_CONVERGENCE[0]!;
    // NaN (metafor did not converge under the tight control) fails the comparison below.
    const tight = 'tau2' in ref.tight ? ref.tight.tau2 : NaN;
    const dir = mkdtempSync(join(tmpdir(), 'pool-'));
    try {
      const rows = ref.events.map((x: number, i: number) => `S${i},${x},${ref.total[i]}`);
      writeFileSync(join(dir, 'wobble.csv'), ['study,events,total', ...rows].join('\n'));
      const run = await pool('--csv', join(dir, 'wobble.csv'), '--method', 'REML', '--measure', ref.measure);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      // tau² here is about 4e-6: the relative tolerance falls below rounding, so the conformance's absolute floor applies.
      const tolerance = Math.max(REL.REML * tight, TOLERANCE.absoluteFloor);
      expect(Math.abs(parseJson<PoolContract>(run.stdout).heterogeneity.tau2 - tight)).toBeLessThanOrEqual(tolerance);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses more studies than the limit in one line (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pool-'));
    try {
      const rows = Array.from({ length: 10_001 }, (_, i) => `S${i},1,10`);
      writeFileSync(join(dir, 'big.csv'), ['study,events,total', ...rows].join('\n'));
      const run = await pool('--csv', join(dir, 'big.csv'));
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^pool: .*big\.csv has 10001 studies \(limit 10000\)\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--method BAYES: the usual contract with the posterior, and bayes agreeing with the R grid integration', async () => {
    // 1e-3: the accuracy src/lib/pooling/bayes.test.ts asserts for the same reference (both sides are numerical integrations).
    const reference = { cases: BAYES_REFERENCE };
    const ref = reference.cases.find((c) => c.name === 'k2 wide prior')!;
    const dir = mkdtempSync(join(tmpdir(), 'pool-'));
    try {
      const file = join(dir, 'k2.csv');
      writeFileSync(file, ['study,events,total', ...ref.events.map((e, i) => `S${i},${e},${ref.totals[i]}`)].join('\n'));
      const run = await pool('--csv', file, '--method', 'BAYES', '--tau-prior', String(ref.tau_prior), '--threshold', String(ref.threshold));
      expect(run.status).toBe(0);
      const out = parseJson<PoolContract>(run.stdout);
      expect(Object.keys(out)).toEqual([...CONTRACT_KEYS, 'bayes']);
      expect(out.method).toBe('BAYES');
      const bayes = out.bayes!;
      expect(Object.keys(bayes)).toEqual(['prior', 'proportion', 'tau', 'predictive', 'threshold', 'pAbove', 'priorDriven']);
      expect(bayes.prior).toEqual({ mu: { mean: 0, sd: 10 }, tau: { halfNormalScale: 1 } });
      expect(bayes.threshold).toBe(0.3);
      const triple = (s: PosteriorSummary) => [s.cri[0], s.median, s.cri[1]];
      for (const [got, want] of [
        [triple(bayes.proportion), ref.proportion],
        [triple(bayes.tau), ref.tau],
        [triple(bayes.predictive), ref.predictive],
        [[bayes.pAbove!], [ref.p_above]],
      ] as const) {
        got.forEach((g, i) => expect(Math.abs(g - want[i]!)).toBeLessThanOrEqual(1e-3));
      }
      expect(out.pooled).toEqual({
        proportion: bayes.proportion.median,
        ci: bayes.proportion.cri,
        pi: bayes.predictive.cri,
        pi_hts: null,
      });
      expect(out.heterogeneity.tau2).toBeCloseTo(bayes.tau.median ** 2, 12);
      expect(out.studies.every((s: { weight: unknown }) => s.weight === null)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
