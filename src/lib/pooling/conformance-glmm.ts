/**
 * Agreement with metafor's binomial-normal model (`rma.glmm`), computed the one way glmm.test.ts
 * and the public validation page use: every number a fixture in tests/fixtures/metafor/glmm/
 * holds is recomputed and compared at TOLERANCE.GLMM. Where either side gives no estimate, the
 * case says so in words instead of a deviation.
 */
import { analyse } from './analyse.ts';
import { binomialHeterogeneity } from './binomial-heterogeneity.ts';
import {
  Collector,
  datasetOf,
  GLMM_ABSOLUTE_FLOOR,
  summarise,
  TOLERANCE,
  type Agreement,
  type CaseComparison,
  type ConformanceCase,
  type FixtureFile,
} from './conformance.ts';
import { glmm, UNBOUNDED } from './glmm.ts';

/** One `rma.glmm(measure = "PLO", xi, ni, method = "ML", test)` call: its numbers, or the error metafor stopped with. */
export interface GlmmFixtureFit {
  test: 'z' | 't';
  call: string;
  error?: string;
  estimate: number;
  se: number;
  ci: number[];
  pi: number[];
  pi_hts: number[] | null;
  proportion: number;
  proportion_ci: number[];
  tau2: number;
  I2: number;
  H2: number;
  QE_LRT: number;
  QEp_LRT: number;
  QE_Wld: number;
  QEp_Wld: number;
  QE_df: number;
}

export interface GlmmFixture {
  source: { description: string; versions: Record<string, string> };
  data: { study: string[]; events: number[]; total: number[] };
  fits: GlmmFixtureFit[];
}

/** One rma.glmm call compared: the numbers, or (agreement other than 'numbers') why there are none. */
export interface GlmmCaseComparison extends CaseComparison {
  agreement: Agreement;
  note: string | null;
}

const logit = (p: number) => Math.log(p / (1 - p));

/**
 * Every number of one rma.glmm fit: the model on the logit scale, the proportion, the
 * likelihood-ratio and Wald heterogeneity tests, I², H² and the HTS prediction interval.
 * Without numbers on one side, an outcome other than the explained one is a problem.
 */
export function compareGlmmFit(fixture: GlmmFixture, fit: GlmmFixtureFit): GlmmCaseComparison {
  const c = new Collector(TOLERANCE.GLMM, GLMM_ABSOLUTE_FLOOR);
  const { events, total } = fixture.data;
  const ours = glmm(events, total, { test: fit.test });
  const without = (agreement: Agreement, note: string) => ({ comparisons: c.comparisons, problems: c.problems, agreement, note });

  if (fit.error !== undefined) {
    if (!ours.converged) return without('no estimate', `metafor stops (“${fit.error}”); the engine gives no estimate either: ${ours.reason}`);
    // lme4 stops on the boundary tau = 0 (identical studies): the maximum exists there, so the engine reports it.
    if (ours.tau2 !== 0) c.problems.push(`metafor stops, and the engine's tau² is ${ours.tau2}, not the boundary 0`);
    return without(
      'not compared',
      `metafor stops (“${fit.error}”) where the maximum lies on the boundary τ² = 0; the engine reports that maximum (τ² = ${ours.tau2})`,
    );
  }
  if (!ours.converged) {
    if (ours.reason !== UNBOUNDED) c.problems.push(`metafor fits, the engine does not: ${ours.reason}`);
    return without(
      'not compared',
      `the likelihood has no finite maximum: metafor returns the point where its search stopped (τ² ≈ ${Number(fit.tau2.toPrecision(3))}), the engine no estimate`,
    );
  }

  c.one('estimate', ours.estimate, fit.estimate);
  c.one('se', ours.se, fit.se);
  c.all('ci', ours.ci, fit.ci);
  c.all('pi', ours.pi, fit.pi);
  c.one('tau2', ours.tau2, fit.tau2);
  try {
    const studies = fixture.data.study.map((study, i) => ({ study, events: events[i]!, total: total[i]! }));
    const result = analyse(studies, { method: 'GLMM', hakn: fit.test === 't' });
    c.one('proportion', result.pooled.proportion, fit.proportion);
    c.all('proportion ci', result.pooled.ci, fit.proportion_ci);
    c.one('I2', result.heterogeneity.I2, fit.I2);
    c.one('H2', result.heterogeneity.H2, fit.H2);
    c.one('QE.LRT', result.heterogeneity.Q, fit.QE_LRT);
    c.one('QEp.LRT', result.heterogeneity.pQ, fit.QEp_LRT);
    c.same('QE df', result.heterogeneity.df, fit.QE_df);
    // Higgins–Thompson–Spiegelhalter PI (k >= 3), computed in the R script on the logit scale.
    if (fit.pi_hts) c.all('pi (HTS)', result.piHts?.map(logit), fit.pi_hts);
    else c.same('pi (HTS)', result.piHts, null);
    // rma.glmm has no inverse-variance weights.
    c.same(
      'weights',
      result.studies.map((s) => s.weight),
      result.studies.map(() => null),
    );
  } catch (error) {
    c.problems.push(`analyse: ${error instanceof Error ? error.message : String(error)}`);
  }
  const het = binomialHeterogeneity(events, total);
  if (het.QE_Wld !== null) c.one('QE.Wld', het.QE_Wld, fit.QE_Wld);
  return { comparisons: c.comparisons, problems: c.problems, agreement: 'numbers', note: null };
}

/** Each rma.glmm call of each fixture (test = "z" and "t"), as a row of the public table. */
export function glmmConformanceCases(fixtures: FixtureFile<GlmmFixture>[]): ConformanceCase[] {
  return fixtures.flatMap(({ file, fixture }) =>
    fixture.fits.map((fit) => {
      const compared = compareGlmmFit(fixture, fit);
      const summary = summarise([compared]);
      return {
        name: `${datasetOf(file)} PLO GLMM${fit.test === 't' ? ' t-test' : ''}`,
        fixture: file,
        data: fixture.source.description,
        measure: 'PLO',
        method: 'GLMM',
        hakn: fit.test === 't',
        call: fit.call,
        agreement: compared.agreement,
        note: compared.note,
        ...summary,
        maxRelDeviation: compared.agreement === 'numbers' ? summary.maxRelDeviation : null,
        tolerance: TOLERANCE.GLMM,
        absoluteFloor: GLMM_ABSOLUTE_FLOOR,
      };
    }),
  );
}
