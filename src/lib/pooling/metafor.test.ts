import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, escalc, rma, type Measure, type StudyInput, type Tau2Method } from './index.ts';

/**
 * Agreement with metafor: relative, with an absolute floor for values that are 0 up to rounding.
 * Each is set just above the worst deviation observed over all fixtures (the last test asserts
 * both that it holds and that it stays within 100x of what is observed):
 * - DL (also escalc, Clopper–Pearson, Egger): closed forms on both sides, so only summation order
 *   differs; worst 4.1e-13 (k = 1000) → 1e-12.
 * - REML: the fixtures run metafor with threshold = 1e-12 on the Fisher step, so metafor's tau² is
 *   itself only good to ~1e-11; worst 6.8e-11 → 1e-10.
 * - PM: metafor's uniroot with tol = 1e-12 (absolute on tau²); worst 2.3e-11 → 1e-10.
 */
const TOLERANCE = { DL: 1e-12, REML: 1e-10, PM: 1e-10, absoluteFloor: 1e-12 } as const;

const FIXTURE_DIR = join(import.meta.dirname, '../../../tests/fixtures/metafor');

interface FitFixture {
  measure: Measure;
  method: Tau2Method;
  hakn: boolean;
  call: string;
  pooled: Record<'estimate' | 'se' | 'proportion', number> &
    Record<'ci' | 'pi' | 'proportion_ci' | 'proportion_pi', number[]> & { pi_hts?: number[]; proportion_pi_hts?: number[] };
  heterogeneity: Record<'tau2' | 'Q' | 'df' | 'pQ' | 'I2' | 'H2', number>;
  egger: { t: number; df: number; p: number } | null;
  weights?: number[];
  leave_one_out?: { omitted: string; proportion: number; ci: number[] }[];
  cumulative?: { study: string; proportion: number; ci: number[] }[];
  subgroups?: { group: string; k: number; proportion: number; ci: number[]; tau2: number; I2: number }[];
  between?: { Q: number; df: number; p: number } | null;
  mixed_between?: { QM: number; df: number; df2: number | null; p: number; tau2: number } | null;
}

interface Fixture {
  source: { description: string; versions: Record<string, string> };
  data: { study: string[]; events: number[]; total: number[]; group?: string[]; year?: number[] };
  effects: { measure: Measure; yi: number[]; vi: number[] }[];
  clopper_pearson: number[][];
  fits: FitFixture[];
}

const fixtures = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.json') && f !== 'distributions.json')
  .map((f) => ({ name: f.replace(/\.json$/, ''), fixture: JSON.parse(readFileSync(join(FIXTURE_DIR, f), 'utf8')) as Fixture }));

/** Worst relative deviation (beyond the absolute floor) per tolerance class and per quantity kind. */
const worst = new Map<string, number>();
const worstByClass = new Map<Tau2Method, number>();

function close(kind: string, actual: number | undefined, expected: number | null | undefined, tolerance: Tau2Method): void {
  if (expected === null || expected === undefined) throw new Error(`${kind}: fixture has no value`);
  expect(actual, kind).toBeTypeOf('number');
  const a = actual as number;
  expect(Number.isFinite(a), `${kind} finite`).toBe(true);
  const diff = Math.abs(a - expected);
  const beyondFloor = Math.max(0, diff - TOLERANCE.absoluteFloor);
  const relative = expected === 0 ? beyondFloor : beyondFloor / Math.abs(expected);
  worst.set(kind, Math.max(worst.get(kind) ?? 0, relative));
  worstByClass.set(tolerance, Math.max(worstByClass.get(tolerance) ?? 0, relative));
  expect(diff, `${kind}: ${a} vs metafor ${expected}`).toBeLessThanOrEqual(TOLERANCE[tolerance] * Math.abs(expected) + TOLERANCE.absoluteFloor);
}

function closeAll(kind: string, actual: ArrayLike<number>, expected: number[], tolerance: Tau2Method): void {
  expect(actual.length, `${kind} length`).toBe(expected.length);
  expected.forEach((e, i) => close(kind, actual[i], e, tolerance));
}

function studiesOf(data: Fixture['data']): StudyInput[] {
  return data.study.map((study, i) => ({
    study,
    events: data.events[i]!,
    total: data.total[i]!,
    ...(data.group ? { group: data.group[i]! } : {}),
    ...(data.year ? { year: data.year[i]! } : {}),
  }));
}

describe.each(fixtures)('metafor fixture $name', ({ fixture }) => {
  const studies = studiesOf(fixture.data);

  it.each(fixture.effects)('escalc $measure matches', ({ measure, yi, vi }) => {
    const es = escalc(measure, fixture.data.events, fixture.data.total);
    closeAll('yi', es.yi, yi, 'DL');
    closeAll('vi', es.vi, vi, 'DL');
  });

  it.each(fixture.fits)('$measure $method hakn=$hakn', (fit) => {
    const rel = fit.method;
    const options = { measure: fit.measure, method: fit.method, hakn: fit.hakn };
    const needsFull = fit.leave_one_out !== undefined || fit.cumulative !== undefined || fit.subgroups !== undefined;
    // Leave-one-out at k = 1000 is only in the fixture for one fit; skip it elsewhere.
    const input = needsFull ? studies : studies.map(({ study, events, total }) => ({ study, events, total }));
    const result = needsFull || input.length < 100 ? analyse(input, options) : null;

    const es = escalc(fit.measure, fixture.data.events, fixture.data.total);
    const model = rma(es.yi, es.vi, { method: fit.method, hakn: fit.hakn });
    close('estimate', model.estimate, fit.pooled.estimate, rel);
    close('se', model.se, fit.pooled.se, rel);
    closeAll('ci (transformed)', model.ci, fit.pooled.ci, rel);
    closeAll('pi (transformed)', model.pi, fit.pooled.pi, rel);
    for (const key of ['tau2', 'Q', 'df', 'pQ', 'I2', 'H2'] as const) close(key, model[key], fit.heterogeneity[key], rel);
    // Higgins–Thompson–Spiegelhalter PI: pred ± qt(0.975, k - 2) sqrt(tau2 + se²), k >= 3 (computed in the R script).
    if (fit.pooled.pi_hts) closeAll('pi HTS (transformed)', model.piHts!, fit.pooled.pi_hts, rel);
    else expect(model.piHts).toBeNull();

    if (!result) return;
    close('proportion', result.pooled.proportion, fit.pooled.proportion, rel);
    closeAll('proportion ci', result.pooled.ci, fit.pooled.proportion_ci, rel);
    closeAll('proportion pi', result.pooled.pi, fit.pooled.proportion_pi, rel);
    if (fit.pooled.proportion_pi_hts) closeAll('proportion pi HTS', result.piHts!, fit.pooled.proportion_pi_hts, rel);
    else expect(result.piHts).toBeNull();
    if (fit.egger === null) expect(result.egger).toBeNull();
    else {
      close('egger t', result.egger?.t, fit.egger.t, 'DL');
      close('egger df', result.egger?.df, fit.egger.df, 'DL');
      close('egger p', result.egger?.p, fit.egger.p, 'DL');
    }
    result.studies.forEach((s, i) => closeAll('clopper-pearson', s.ci, fixture.clopper_pearson[i]!, 'DL'));
    if (fit.weights) closeAll('weights', result.studies.map((s) => s.weight), fit.weights, rel);
    if (fit.leave_one_out) {
      const loo = result.leaveOneOut ?? [];
      expect(loo.map((l) => l.omitted)).toEqual(fit.leave_one_out.map((l) => l.omitted));
      fit.leave_one_out.forEach((l, i) => {
        close('leave-one-out proportion', loo[i]?.proportion, l.proportion, rel);
        closeAll('leave-one-out ci', loo[i]!.ci, l.ci, rel);
      });
    }
    if (fit.cumulative) {
      const cum = result.cumulative ?? [];
      expect(cum.map((c) => c.study)).toEqual(fit.cumulative.map((c) => c.study));
      fit.cumulative.forEach((c, i) => {
        close('cumulative proportion', cum[i]?.proportion, c.proportion, rel);
        closeAll('cumulative ci', cum[i]!.ci, c.ci, rel);
      });
    }
    if (fit.subgroups) {
      const groups = result.subgroups ?? [];
      expect(groups.map((g) => [g.group, g.k])).toEqual(fit.subgroups.map((g) => [g.group, g.k]));
      fit.subgroups.forEach((g, i) => {
        close('subgroup proportion', groups[i]?.proportion, g.proportion, rel);
        closeAll('subgroup ci', groups[i]!.ci, g.ci, rel);
        close('subgroup tau2', groups[i]?.tau2, g.tau2, rel);
        close('subgroup I2', groups[i]?.I2, g.I2, rel);
      });
      if (fit.between === null) expect(result.between).toBeNull();
      else {
        close('between Q', result.between?.Q, fit.between?.Q, rel);
        close('between df', result.between?.df, fit.between?.df, rel);
        close('between p', result.between?.p, fit.between?.p, rel);
      }
      // rma(measure, xi, ni, mods = ~ factor(group), method, test)$QM: one common tau2.
      // metafor's QM is NA when the Hartung–Knapp s² is 0 (identical studies within groups): no test.
      if (!fit.mixed_between || fit.mixed_between.QM === null) expect(result.mixedBetween ?? null).toBeNull();
      else {
        const m = result.mixedBetween;
        close('mixed-effects QM', m?.QM, fit.mixed_between.QM, rel);
        close('mixed-effects df', m?.df, fit.mixed_between.df, rel);
        if (fit.mixed_between.df2 === null) expect(m?.df2).toBeNull();
        else close('mixed-effects df2', m?.df2 ?? undefined, fit.mixed_between.df2, rel);
        close('mixed-effects p', m?.p, fit.mixed_between.p, rel);
        close('mixed-effects tau2', m?.tau2, fit.mixed_between.tau2, rel);
      }
    }
  });
});

describe('fixture coverage', () => {
  it('covers every measure × method × hakn combination in every data set', () => {
    const combos = (['PLO', 'PFT', 'PAS', 'PR'] as const).flatMap((m) =>
      (['DL', 'REML', 'PM'] as const).flatMap((t) => [false, true].map((h) => `${m} ${t} ${h}`)),
    );
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
    for (const { fixture } of fixtures) {
      expect(new Set(fixture.fits.map((f) => `${f.measure} ${f.method} ${f.hakn}`))).toEqual(new Set(combos));
      expect(fixture.source.versions.metafor).toMatch(/^\d/);
    }
  });

  it('includes edge cases and every optional part of the analysis', () => {
    const ks = fixtures.map(({ fixture }) => fixture.data.study.length);
    expect(ks).toEqual(expect.arrayContaining([1, 2]));
    expect(Math.max(...ks)).toBeGreaterThanOrEqual(1000);
    const all = fixtures.flatMap(({ fixture }) => fixture.fits);
    expect(all.some((f) => f.egger !== null)).toBe(true);
    expect(all.some((f) => f.leave_one_out && f.cumulative && f.subgroups)).toBe(true);
  });

  it('keeps each tolerance just above the worst deviation observed', () => {
    console.log('worst relative deviation vs metafor:\n' + [...worst].map(([k, v]) => `  ${k}: ${v.toExponential(2)}`).join('\n'));
    console.log('worst per tolerance class: ' + [...worstByClass].map(([k, v]) => `${k} ${v.toExponential(2)}`).join(', '));
    for (const method of ['DL', 'REML', 'PM'] as const) {
      const observed = worstByClass.get(method) ?? 0;
      expect(observed, method).toBeLessThanOrEqual(TOLERANCE[method]);
      // Tight: a tolerance more than 100x the worst deviation would hide a regression of that size.
      expect(TOLERANCE[method], method).toBeLessThanOrEqual(100 * Math.max(observed, 1e-15));
    }
  });
});
