import { clopperPearson } from '../stats/clopper-pearson.ts';
import { tQuantile } from '../stats/t-quantile.ts';
import { backTransform } from './back-transform.ts';
import { binomialHeterogeneity } from './binomial-heterogeneity.ts';
import { cumulative, yearOrder } from './cumulative.ts';
import { egger } from './egger.ts';
import { escalc } from './escalc.ts';
import { funnel } from './funnel.ts';
import { glmm, type GlmmFit } from './glmm.ts';
import { harmonicMean } from './harmonic-mean.ts';
import { leaveOneOut } from './leave-one-out.ts';
import { ModelFailure } from './model-failure.ts';
import { mixedSubgroupTest } from './mixed-subgroup-test.ts';
import { rma } from './rma.ts';
import { studyProblem } from './study-problem.ts';
import { typicalVariance } from './typical-variance.ts';
import { betweenTest, subgroupFits } from './subgroups.ts';
import type { Interval, Measure, MetaAnalysis, PoolingOptions, RmaFit, StudyInput, StudyResult, Tau2Method } from './types.ts';
import { reWeights } from './weights.ts';

/**
 * Full random-effects meta-analysis of proportions: pooled proportion with CI and PI,
 * heterogeneity, per-study exact CIs and weights, Egger's test and funnel data, subgroups
 * (when every study has a group), leave-one-out (k >= 2) and cumulative by year (when every
 * study has a year). Defaults: PLO, DL, Wald CI. Every interval is back-transformed as
 * metafor's `predict(res, transf=)`; PFT uses the harmonic mean n of the studies in that fit.
 * `method: 'GLMM'` fits the binomial-normal model instead (`rma.glmm`, PLO only): study weights
 * are null, Egger and the funnel use the escalc logits as `regtest(model = "lm")` does,
 * subgroups are separate GLMM fits, leave-one-out and cumulative are not computed (`notes` says so);
 * a GLMM that is not identifiable or does not converge throws `ModelFailure` with the reason.
 * @example analyse([{ study: 'A', events: 3, total: 10 }]).pooled.proportion // 0.3
 */
export function analyse(studies: StudyInput[], options?: PoolingOptions & { method?: Tau2Method }): MetaAnalysis;
export function analyse(studies: StudyInput[], options?: PoolingOptions): MetaAnalysis<number | null>;
export function analyse(studies: StudyInput[], options: PoolingOptions = {}): MetaAnalysis<number | null> {
  const k = studies.length;
  if (k === 0) throw new Error('pool requires at least one study');
  const measure = options.measure ?? 'PLO';
  const method = options.method ?? 'DL';
  const hakn = options.hakn ?? false;
  if (method === 'GLMM' && measure !== 'PLO') throw new Error(`GLMM is defined for measure PLO, not ${measure}`);

  for (const s of studies) {
    const problem = studyProblem(s.events, s.total);
    if (problem) throw new Error(`study ${s.study}: ${problem}`);
  }
  const names = studies.map((s) => s.study);
  const events = Float64Array.from(studies, (s) => s.events);
  const totals = Float64Array.from(studies, (s) => s.total);
  const { yi, vi } = escalc(measure, events, totals);
  const studyRows = <W extends number | null>(weights: { [i: number]: W } | null): StudyResult<W>[] =>
    studies.map((s, i) => ({
      study: s.study,
      events: s.events,
      total: s.total,
      proportion: s.events / s.total,
      ci: clopperPearson(s.events, s.total),
      weight: (weights ? weights[i]! : null) as W,
      yi: yi[i]!,
      vi: vi[i]!,
    }));
  if (method === 'GLMM') return analyseGlmm(studies, events, totals, yi, vi, hakn, studyRows<null>(null));

  const fitOptions = { method, hakn };
  const fit = rma(yi, vi, fitOptions);
  const back = (f: RmaFit, n: number) => summary(measure, f, n);
  const hm = harmonicMean(totals);
  const result: MetaAnalysis<number | null> = {
    k,
    measure,
    method,
    hakn,
    pooled: back(fit, hm),
    piHts: fit.piHts ? [backTransform(measure, fit.piHts[0], hm), backTransform(measure, fit.piHts[1], hm)] : null,
    heterogeneity: { tau2: fit.tau2, Q: fit.Q, df: fit.df, pQ: fit.pQ, I2: fit.I2, H2: fit.H2 },
    heterogeneityTest: 'Cochran Q',
    egger: egger(yi, vi),
    funnel: funnel(names, yi, vi, fit.estimate),
    studies: studyRows<number>(reWeights(vi, fit.tau2)),
    notes: [],
  };

  const groups = studies.map((s) => s.group);
  if (groups.some((g) => g !== undefined)) {
    const missing = studies.find((s) => s.group === undefined);
    if (missing) throw new Error(`study ${missing.study}: group missing`);
    // A subgroup or moderator fit that does not converge leaves a note; the main analysis stands.
    const withoutFailure = <T>(what: string, compute: () => T): T | undefined => {
      try {
        return compute();
      } catch (error) {
        if (!(error instanceof ModelFailure)) throw error;
        result.notes.push(`${what}: not computed (${error.message})`);
        return undefined;
      }
    };
    const fits = withoutFailure('subgroups', () => subgroupFits(groups as string[], yi, vi, fitOptions));
    if (fits) {
      result.subgroups = fits.map(({ group, members, fit: f }) => {
        const { proportion, ci } = back(f, harmonicMean(members.map((i) => totals[i]!)));
        return { group, k: f.k, proportion, ci, tau2: f.tau2, I2: f.I2 };
      });
      result.between = betweenTest(fits.map((s) => s.fit));
    }
    const index = new Map([...new Set(groups as string[])].map((g, j) => [g, j]));
    result.mixedBetween =
      withoutFailure('mixed-effects subgroup test', () =>
        mixedSubgroupTest(
          yi,
          vi,
          Int32Array.from(groups as string[], (g) => index.get(g)!),
          fitOptions,
        ),
      ) ?? null;
  }

  if (k >= 2) {
    let sumInverseN = 0;
    for (const n of totals) sumInverseN += 1 / n;
    result.leaveOneOut = leaveOneOut(yi, vi, fitOptions).map((f, i) => {
      if ('problem' in f) return { omitted: names[i]!, problem: f.problem };
      const { proportion, ci } = back(f, (k - 1) / (sumInverseN - 1 / totals[i]!));
      return { omitted: names[i]!, proportion, ci };
    });
  }

  const years = studies.map((s) => s.year);
  if (years.some((y) => y !== undefined)) {
    const missing = studies.find((s) => s.year === undefined);
    if (missing) throw new Error(`study ${missing.study}: year missing`);
    const order = yearOrder(years as number[]);
    let sumInverseN = 0;
    result.cumulative = cumulative(yi, vi, order, fitOptions).map((f, j) => {
      sumInverseN += 1 / totals[order[j]!]!;
      if ('problem' in f) return { study: names[order[j]!]!, problem: f.problem };
      const { proportion, ci } = back(f, (j + 1) / sumInverseN);
      return { study: names[order[j]!]!, proportion, ci };
    });
  }
  return result;
}

/** The GLMM branch of `analyse()`: rma.glmm on the counts, with the parts metafor defines for it. */
function analyseGlmm(
  studies: StudyInput[],
  events: Float64Array,
  totals: Float64Array,
  yi: Float64Array,
  vi: Float64Array,
  hakn: boolean,
  rows: MetaAnalysis<null>['studies'],
): MetaAnalysis<null> {
  const test = hakn ? 't' : 'z';
  const fitOrFail = (x: ArrayLike<number>, n: ArrayLike<number>): GlmmFit => {
    const f = glmm(x, n, { test });
    if (!f.converged) throw new ModelFailure('GLMM', f.reason);
    return f;
  };
  const fit = fitOrFail(events, totals);
  const k = studies.length;
  const het = binomialHeterogeneity(events, totals);
  // rma.glmm's I² and H² use the "typical" escalc sampling variance, as for the other models.
  const typical = typicalVariance(vi);
  const I2 = k > 1 && typical > 0 ? (100 * fit.tau2) / (typical + fit.tau2) : 0;
  const H2 = k > 1 && typical > 0 ? fit.tau2 / typical + 1 : 1;
  const t = (x: number) => backTransform('PLO', x, 0);
  const piHalf = k >= 3 ? tQuantile(0.975, k - 2) * Math.sqrt(fit.se * fit.se + fit.tau2) : NaN;
  const names = studies.map((s) => s.study);
  const result: MetaAnalysis<null> = {
    k,
    measure: 'PLO',
    method: 'GLMM',
    hakn,
    pooled: { proportion: t(fit.estimate), ci: [t(fit.ci[0]), t(fit.ci[1])], pi: [t(fit.pi[0]), t(fit.pi[1])] },
    piHts: k >= 3 ? [t(fit.estimate - piHalf), t(fit.estimate + piHalf)] : null,
    heterogeneity: { tau2: fit.tau2, Q: het.QE_LRT, df: het.df, pQ: het.pLRT, I2, H2 },
    heterogeneityTest: 'likelihood ratio',
    glmm: { estimate: fit.estimate, se: fit.se, QE_Wld: het.QE_Wld, pWld: het.pWld },
    egger: egger(yi, vi),
    funnel: funnel(names, yi, vi, fit.estimate),
    studies: rows,
    notes: [
      'study weights: null (the binomial-normal model has no inverse-variance weights)',
      'leave-one-out and cumulative: not computed for GLMM',
      'Egger test and funnel: escalc logits with 0.5 added to 0/n and n/n studies, as regtest(model = "lm")',
    ],
  };
  const groups = studies.map((s) => s.group);
  if (groups.some((g) => g !== undefined)) {
    const missing = studies.find((s) => s.group === undefined);
    if (missing) throw new Error(`study ${missing.study}: group missing`);
    const order = [...new Set(groups as string[])];
    const fits = order.map((group) => {
      const members = groups.flatMap((g, i) => (g === group ? [i] : []));
      const x = members.map((i) => events[i]!);
      const n = members.map((i) => totals[i]!);
      const f = glmm(x, n, { test });
      return { group, members, f };
    });
    const failed = fits.find((s) => !s.f.converged);
    if (failed && !failed.f.converged) result.notes.push(`subgroups: not computed (subgroup ${failed.group}: ${failed.f.reason})`);
    else {
      const ok = fits.map((s) => ({ ...s, f: s.f as GlmmFit }));
      result.subgroups = ok.map(({ group, members, f }) => {
        const subVi = Float64Array.from(members, (i) => vi[i]!);
        const tv = typicalVariance(subVi);
        return {
          group,
          k: f.k,
          proportion: t(f.estimate),
          ci: [t(f.ci[0]), t(f.ci[1])],
          tau2: f.tau2,
          I2: f.k > 1 && tv > 0 ? (100 * f.tau2) / (tv + f.tau2) : 0,
        };
      });
      result.between = betweenTest(ok.map((s) => s.f));
    }
  }
  return result;
}

function summary(measure: Measure, fit: RmaFit, harmonicN: number): { proportion: number; ci: Interval; pi: Interval } {
  const t = (x: number) => backTransform(measure, x, harmonicN);
  return { proportion: t(fit.estimate), ci: [t(fit.ci[0]), t(fit.ci[1])], pi: [t(fit.pi[0]), t(fit.pi[1])] };
}
