import { clopperPearson } from '../stats/clopper-pearson.ts';
import { backTransform } from './back-transform.ts';
import { cumulative, yearOrder } from './cumulative.ts';
import { egger } from './egger.ts';
import { escalc } from './escalc.ts';
import { funnel } from './funnel.ts';
import { harmonicMean } from './harmonic-mean.ts';
import { leaveOneOut } from './leave-one-out.ts';
import { rma } from './rma.ts';
import { studyProblem } from './study-problem.ts';
import { betweenTest, subgroupFits } from './subgroups.ts';
import type { Interval, Measure, MetaAnalysis, PoolingOptions, RmaFit, StudyInput } from './types.ts';
import { reWeights } from './weights.ts';

/**
 * Full random-effects meta-analysis of proportions: pooled proportion with CI and PI,
 * heterogeneity, per-study exact CIs and weights, Egger's test and funnel data, subgroups
 * (when every study has a group), leave-one-out (k >= 2) and cumulative by year (when every
 * study has a year). Defaults: PLO, DL, Wald CI. Every interval is back-transformed as
 * metafor's `predict(res, transf=)`; PFT uses the harmonic mean n of the studies in that fit.
 * @example analyse([{ study: 'A', events: 3, total: 10 }]).pooled.proportion // 0.3
 */
export function analyse(studies: StudyInput[], options: PoolingOptions = {}): MetaAnalysis {
  const k = studies.length;
  if (k === 0) throw new Error('pool requires at least one study');
  const measure = options.measure ?? 'PLO';
  const method = options.method ?? 'DL';
  const hakn = options.hakn ?? false;
  const fitOptions = { method, hakn };

  for (const s of studies) {
    const problem = studyProblem(s.events, s.total);
    if (problem) throw new Error(`study ${s.study}: ${problem}`);
  }
  const names = studies.map((s) => s.study);
  const events = Float64Array.from(studies, (s) => s.events);
  const totals = Float64Array.from(studies, (s) => s.total);
  const { yi, vi } = escalc(measure, events, totals);
  const fit = rma(yi, vi, fitOptions);
  const weights = reWeights(vi, fit.tau2);
  const back = (f: RmaFit, n: number) => summary(measure, f, n);

  const result: MetaAnalysis = {
    k,
    measure,
    method,
    hakn,
    pooled: back(fit, harmonicMean(totals)),
    heterogeneity: { tau2: fit.tau2, Q: fit.Q, df: fit.df, pQ: fit.pQ, I2: fit.I2, H2: fit.H2 },
    egger: egger(yi, vi),
    funnel: funnel(names, yi, vi, fit.estimate),
    studies: studies.map((s, i) => ({
      study: s.study,
      events: s.events,
      total: s.total,
      proportion: s.events / s.total,
      ci: clopperPearson(s.events, s.total),
      weight: weights[i]!,
      yi: yi[i]!,
      vi: vi[i]!,
    })),
  };

  const groups = studies.map((s) => s.group);
  if (groups.some((g) => g !== undefined)) {
    const missing = studies.find((s) => s.group === undefined);
    if (missing) throw new Error(`study ${missing.study}: group missing`);
    const fits = subgroupFits(groups as string[], yi, vi, fitOptions);
    result.subgroups = fits.map(({ group, members, fit: f }) => {
      const { proportion, ci } = back(f, harmonicMean(members.map((i) => totals[i]!)));
      return { group, k: f.k, proportion, ci, tau2: f.tau2, I2: f.I2 };
    });
    result.between = betweenTest(fits.map((s) => s.fit));
  }

  if (k >= 2) {
    let sumInverseN = 0;
    for (const n of totals) sumInverseN += 1 / n;
    result.leaveOneOut = leaveOneOut(yi, vi, fitOptions).map((f, i) => {
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
      const { proportion, ci } = back(f, (j + 1) / sumInverseN);
      return { study: names[order[j]!]!, proportion, ci };
    });
  }
  return result;
}

function summary(measure: Measure, fit: RmaFit, harmonicN: number): { proportion: number; ci: Interval; pi: Interval } {
  const t = (x: number) => backTransform(measure, x, harmonicN);
  return { proportion: t(fit.estimate), ci: [t(fit.ci[0]), t(fit.ci[1])], pi: [t(fit.pi[0]), t(fit.pi[1])] };
}
