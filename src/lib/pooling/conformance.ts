/**
 * Agreement with R's metafor, computed the one way both the test suite and the public
 * validation page use: every number a reference fixture (tests/fixtures/metafor/*.json,
 * written by scripts/reference/metafor-fixtures.R) holds is recomputed by this module and
 * compared. Generic over fixtures and fits: a new fixture file or fit is a new case.
 */
import { analyse } from './analyse.ts';
import { escalc } from './escalc.ts';
import { rma } from './rma.ts';
import type { MetaAnalysis, Measure, PoolingMethod, StudyInput, Tau2Method } from './types.ts';

/**
 * Agreement with metafor: relative, with an absolute floor for values that are 0 up to rounding.
 * Each is set just above the worst deviation observed over all fixtures (metafor.test.ts and
 * glmm.test.ts assert both that it holds and that it stays within 100x of what is observed):
 * DL 4.1e-13 (k = 1000), REML 6.8e-11, PM 2.3e-11, GLMM under 1e-4 (worst on the flat, bimodal
 * profile likelihood of tiny-and-huge and on large-k500). TOLERANCE_REASONS says
 * why each is that wide; /methods/validation/ prints it beside the deviations it measures.
 */
export const TOLERANCE = { DL: 1e-12, REML: 1e-10, PM: 1e-10, GLMM: 1e-4, absoluteFloor: 1e-12 } as const;

/** The binomial-normal model's absolute floor: tau² on the boundary and p-values near 0 carry lme4's optimiser noise. */
export const GLMM_ABSOLUTE_FLOOR = 1e-8;

/** Why each tolerance is as wide as it is, in the words the validation page prints. */
export const TOLERANCE_REASONS: Record<PoolingMethod, string> = {
  DL: 'closed forms on both sides (as for escalc, the exact per-study intervals and Egger’s test), so only the order of summation differs',
  REML: 'iterative: the reference runs metafor with threshold = 1e-12 on its Fisher scoring step, so metafor’s τ² is itself only good to about 1e-11',
  PM: 'iterative: the reference runs metafor’s root finder (uniroot) with tol = 1e-12, absolute on τ²',
  GLMM:
    'rma.glmm fits through lme4 (glmer, nAGQ = 7), whose search stops at about 1e-5 relative and whose standard error comes from a ' +
    'finite-difference Hessian (step 1e-4), so its digits beyond that are optimiser noise; absolute floor 1e-8 for τ² on the boundary and p-values near 0',
};

/** Iterative estimators converge to a threshold; closed forms (and everything method-free) get the tight one. */
export function toleranceFor(method: PoolingMethod): number {
  return TOLERANCE[method];
}

export interface FitFixture {
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
  mixed_between?: { QM: number | null; df: number; df2: number | null; p: number; tau2: number } | null;
}

export interface Fixture {
  source: { description: string; versions: Record<string, string> };
  data: { study: string[]; events: number[]; total: number[]; group?: string[]; year?: number[] };
  effects: { measure: Measure; yi: number[]; vi: number[] }[];
  clopper_pearson: number[][];
  fits: FitFixture[];
}

/** One number recomputed here against metafor's. */
export interface Comparison {
  kind: string;
  actual: number | undefined;
  expected: number;
  /** Allowed relative deviation (plus the absolute floor). */
  tolerance: number;
  /** TOLERANCE.absoluteFloor unless given. */
  absoluteFloor?: number;
}

/** What one fixture fit (or escalc measure) yields: the numbers compared, and any mismatch in shape. */
export interface CaseComparison {
  comparisons: Comparison[];
  /** Mismatches that are not a number (different study order, a missing or unexpected result). */
  problems: string[];
}

/**
 * |actual - expected| beyond the absolute floor, relative to |expected| (absolute when expected
 * is 0); Infinity when no finite value was computed.
 */
export function relativeDeviation(c: Comparison): number {
  const { actual, expected } = c;
  if (actual === undefined || !Number.isFinite(actual)) return Infinity;
  const beyondFloor = Math.max(0, Math.abs(actual - expected) - (c.absoluteFloor ?? TOLERANCE.absoluteFloor));
  return expected === 0 ? beyondFloor : beyondFloor / Math.abs(expected);
}

export function withinTolerance(c: Comparison): boolean {
  if (c.actual === undefined || !Number.isFinite(c.actual)) return false;
  return Math.abs(c.actual - c.expected) <= c.tolerance * Math.abs(c.expected) + (c.absoluteFloor ?? TOLERANCE.absoluteFloor);
}

export function studiesOf(data: Fixture['data']): StudyInput[] {
  return data.study.map((study, i) => ({
    study,
    events: data.events[i]!,
    total: data.total[i]!,
    ...(data.group ? { group: data.group[i]! } : {}),
    ...(data.year ? { year: data.year[i]! } : {}),
  }));
}

interface NamedEstimate {
  name: string;
  proportion: number;
  ci: number[];
}

/** Collects comparisons and problems for one case. */
export class Collector implements CaseComparison {
  comparisons: Comparison[] = [];
  problems: string[] = [];
  private readonly tolerance: number;
  private readonly absoluteFloor: number;
  constructor(tolerance: number, absoluteFloor: number = TOLERANCE.absoluteFloor) {
    this.tolerance = tolerance;
    this.absoluteFloor = absoluteFloor;
  }

  one(kind: string, actual: number | undefined, expected: number, tolerance = this.tolerance): void {
    this.comparisons.push({ kind, actual, expected, tolerance, absoluteFloor: this.absoluteFloor });
  }

  all(kind: string, actual: ArrayLike<number> | undefined, expected: number[], tolerance = this.tolerance): void {
    if (!actual || actual.length !== expected.length) {
      this.problems.push(`${kind}: ${actual?.length ?? 'no'} values, metafor has ${expected.length}`);
      return;
    }
    expected.forEach((e, i) => this.one(kind, actual[i], e, tolerance));
  }

  /** A sequence of estimates (leave-one-out, cumulative): same order of names, then each proportion and CI. */
  series(kind: string, actual: NamedEstimate[], expected: NamedEstimate[]): void {
    this.same(
      `${kind} order`,
      actual.map((x) => x.name),
      expected.map((x) => x.name),
    );
    expected.forEach((x, i) => {
      this.one(`${kind} proportion`, actual[i]?.proportion, x.proportion);
      this.all(`${kind} ci`, actual[i]?.ci, x.ci);
    });
  }

  same(kind: string, actual: unknown, expected: unknown): void {
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      this.problems.push(`${kind}: ${JSON.stringify(actual)} vs metafor ${JSON.stringify(expected)}`);
  }
}

/** escalc()'s yi and vi for one measure (method-free, so the tight tolerance). */
export function compareEffects(fixture: Fixture, effect: Fixture['effects'][number]): CaseComparison {
  const c = new Collector(TOLERANCE.DL);
  const es = escalc(effect.measure, fixture.data.events, fixture.data.total);
  c.all('yi', es.yi, effect.yi);
  c.all('vi', es.vi, effect.vi);
  return c;
}

/**
 * Every number of one fit: the model on the transformed scale, and (where the full analysis
 * runs) the proportion scale, Egger's test, exact CIs, weights, leave-one-out, cumulative and
 * subgroups. The full analysis is skipped for k >= 100 unless the fixture holds its parts:
 * leave-one-out at k = 1000 is recorded for one fit only.
 */
export function compareFit(fixture: Fixture, fit: FitFixture): CaseComparison {
  const rel = toleranceFor(fit.method);
  const c = new Collector(rel);
  const studies = studiesOf(fixture.data);
  const options = { measure: fit.measure, method: fit.method, hakn: fit.hakn };
  const needsFull = fit.leave_one_out !== undefined || fit.cumulative !== undefined || fit.subgroups !== undefined;
  const input = needsFull ? studies : studies.map(({ study, events, total }) => ({ study, events, total }));
  let result: MetaAnalysis | null = null;
  try {
    result = needsFull || input.length < 100 ? analyse(input, options) : null;
  } catch (error) {
    c.problems.push(`analyse: ${error instanceof Error ? error.message : String(error)}`);
  }

  const es = escalc(fit.measure, fixture.data.events, fixture.data.total);
  const model = rma(es.yi, es.vi, { method: fit.method, hakn: fit.hakn });
  c.one('estimate', model.estimate, fit.pooled.estimate);
  c.one('se', model.se, fit.pooled.se);
  c.all('ci (transformed)', model.ci, fit.pooled.ci);
  c.all('pi (transformed)', model.pi, fit.pooled.pi);
  for (const key of ['tau2', 'Q', 'df', 'pQ', 'I2', 'H2'] as const) c.one(key, model[key], fit.heterogeneity[key]);
  // Higgins–Thompson–Spiegelhalter PI: pred ± qt(0.975, k - 2) sqrt(tau2 + se²), k >= 3 (computed in the R script).
  if (fit.pooled.pi_hts) c.all('pi HTS (transformed)', model.piHts ?? undefined, fit.pooled.pi_hts);
  else c.same('pi HTS (transformed)', model.piHts, null);

  if (!result) return c;
  c.one('proportion', result.pooled.proportion, fit.pooled.proportion);
  c.all('proportion ci', result.pooled.ci, fit.pooled.proportion_ci);
  c.all('proportion pi', result.pooled.pi, fit.pooled.proportion_pi);
  if (fit.pooled.proportion_pi_hts) c.all('proportion pi HTS', result.piHts ?? undefined, fit.pooled.proportion_pi_hts);
  else c.same('proportion pi HTS', result.piHts, null);
  if (fit.egger === null) c.same('egger', result.egger, null);
  else {
    c.one('egger t', result.egger?.t, fit.egger.t, TOLERANCE.DL);
    c.one('egger df', result.egger?.df, fit.egger.df, TOLERANCE.DL);
    c.one('egger p', result.egger?.p, fit.egger.p, TOLERANCE.DL);
  }
  result.studies.forEach((s, i) => c.all('clopper-pearson', s.ci, fixture.clopper_pearson[i]!, TOLERANCE.DL));
  if (fit.weights)
    c.all(
      'weights',
      result.studies.map((s) => s.weight),
      fit.weights,
    );
  // A refit that gave no number compares as NaN, so it fails against metafor's value.
  const named = <T extends { proportion: number; ci: number[] } | { problem: string }>(list: T[] | undefined, key: keyof T) =>
    (list ?? []).map((x) => ({
      name: String(x[key]),
      ...('problem' in x ? { proportion: NaN, ci: [NaN, NaN] } : { proportion: x.proportion, ci: x.ci }),
    }));
  if (fit.leave_one_out) c.series('leave-one-out', named(result.leaveOneOut, 'omitted'), named(fit.leave_one_out, 'omitted'));
  if (fit.cumulative) c.series('cumulative', named(result.cumulative, 'study'), named(fit.cumulative, 'study'));
  if (fit.subgroups) {
    const groups = result.subgroups ?? [];
    c.same(
      'subgroups',
      groups.map((g) => [g.group, g.k]),
      fit.subgroups.map((g) => [g.group, g.k]),
    );
    fit.subgroups.forEach((g, i) => {
      c.one('subgroup proportion', groups[i]?.proportion, g.proportion);
      c.all('subgroup ci', groups[i]?.ci, g.ci);
      c.one('subgroup tau2', groups[i]?.tau2, g.tau2);
      c.one('subgroup I2', groups[i]?.I2, g.I2);
    });
    if (fit.between === null) c.same('between', result.between, null);
    else {
      c.one('between Q', result.between?.Q, fit.between!.Q);
      c.one('between df', result.between?.df, fit.between!.df);
      c.one('between p', result.between?.p, fit.between!.p);
    }
    // rma(measure, xi, ni, mods = ~ factor(group), method, test)$QM: one common tau².
    // metafor's QM is NA when the Hartung–Knapp s² is 0 (identical studies within groups): no test.
    const mixed = fit.mixed_between;
    if (!mixed || mixed.QM === null) c.same('mixed-effects test', result.mixedBetween ?? null, null);
    else {
      const m = result.mixedBetween;
      c.one('mixed-effects QM', m?.QM, mixed.QM);
      c.one('mixed-effects df', m?.df, mixed.df);
      if (mixed.df2 === null) c.same('mixed-effects df2', m?.df2, null);
      else c.one('mixed-effects df2', m?.df2 ?? undefined, mixed.df2);
      c.one('mixed-effects p', m?.p, mixed.p);
      c.one('mixed-effects tau2', m?.tau2, mixed.tau2);
    }
  }
  return c;
}

/** How a case agrees with metafor. */
export type Agreement =
  /** Both give numbers, compared one by one. */
  | 'numbers'
  /** Neither gives an estimate (the data identify none): they agree, with nothing to measure. */
  | 'no estimate'
  /** One of the two gives no estimate, for the reason in `note`: nothing compared. */
  | 'not compared';

/** One row of the public conformance table: a fixture fit and its worst deviation. */
export interface ConformanceCase {
  name: string;
  /** The reference file, relative to tests/fixtures/metafor/. */
  fixture: string;
  data: string;
  measure: Measure;
  method: PoolingMethod;
  hakn: boolean;
  /** The R call the reference values came from. */
  call: string;
  agreement: Agreement;
  /** Why a case has no numbers to compare; null when it has. */
  note: string | null;
  comparisons: number;
  /** Largest relative deviation; null when no number was compared. */
  maxRelDeviation: number | null;
  tolerance: number;
  absoluteFloor: number;
  /** Every comparison within its tolerance and no mismatch in shape (or, without numbers, the expected outcome). */
  pass: boolean;
}

/** A reference file as the cases are built from: its path under tests/fixtures/metafor/ and its content. */
export interface FixtureFile<F> {
  file: string;
  fixture: F;
}

/** `glmm/k2.json` -> `k2`: the data set's name in the R script. */
export const datasetOf = (file: string): string => file.replace(/^.*\//, '').replace(/\.json$/, '');

/** The fields of a case that follow from its comparisons. */
export function summarise(parts: CaseComparison[]): Pick<ConformanceCase, 'comparisons' | 'maxRelDeviation' | 'pass'> {
  const comparisons = parts.flatMap((p) => p.comparisons);
  const problems = parts.flatMap((p) => p.problems);
  return {
    comparisons: comparisons.length,
    maxRelDeviation: Math.max(0, ...comparisons.map(relativeDeviation)),
    pass: problems.length === 0 && comparisons.every(withinTolerance),
  };
}

/**
 * Each fit of each fixture, with the largest relative deviation over its own numbers and
 * the escalc values of its measure.
 */
export function conformanceCases(fixtures: FixtureFile<Fixture>[]): ConformanceCase[] {
  return fixtures.flatMap(({ file, fixture }) =>
    fixture.fits.map((fit) => {
      const effect = fixture.effects.find((e) => e.measure === fit.measure);
      return {
        name: `${datasetOf(file)} ${fit.measure} ${fit.method}${fit.hakn ? ' Hartung–Knapp' : ''}`,
        fixture: file,
        data: fixture.source.description,
        measure: fit.measure,
        method: fit.method,
        hakn: fit.hakn,
        call: fit.call,
        agreement: 'numbers',
        note: null,
        ...summarise([compareFit(fixture, fit), ...(effect ? [compareEffects(fixture, effect)] : [])]),
        tolerance: toleranceFor(fit.method),
        absoluteFloor: TOLERANCE.absoluteFloor,
      };
    }),
  );
}
