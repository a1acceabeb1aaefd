import { chiSquareUpperTail } from '../stats/chisquare-upper-tail.ts';
import { normalQuantile } from '../stats/normal-quantile.ts';
import { tQuantile } from '../stats/t-quantile.ts';
import { tau2DL } from './tau2-dl.ts';
import { tau2PM } from './tau2-pm.ts';
import { tau2REML } from './tau2-reml.ts';
import { typicalVariance } from './typical-variance.ts';
import type { RmaFit, Tau2Method } from './types.ts';

export interface RmaOptions {
  method: Tau2Method;
  hakn: boolean;
}

/** What a tau² estimator may read: the data and the common-effect sums rma() has already formed. */
interface Tau2Input {
  yi: Float64Array;
  vi: Float64Array;
  Q: number;
  sumW: number;
  sumW2: number;
}

/** One entry per method, so a method without an estimator does not compile. */
const TAU2: Record<Tau2Method, (input: Tau2Input) => number> = {
  DL: ({ yi, Q, sumW, sumW2 }) => tau2DL(Q, yi.length, sumW, sumW2),
  REML: ({ yi, vi }) => tau2REML(yi, vi),
  PM: ({ yi, vi }) => tau2PM(yi, vi),
};

const Z975 = normalQuantile(0.975);

/**
 * Random-effects model on the transformed scale, as metafor's
 * `rma(yi, vi, method=, test="z"|"knha")` followed by `predict()`:
 * - Q, its p value, I² = 100 tau2 / (ṽ + tau2) and H² = tau2 / ṽ + 1 with the "typical"
 *   within-study variance ṽ = (k - 1) / (ΣW - ΣW²/ΣW), W = 1/vi, for every tau² method;
 * - estimate with w = 1/(vi + tau2); se = sqrt(1/Σw), or with Hartung–Knapp
 *   sqrt(Σw (yi - μ̂)² / ((k - 1) Σw)) without truncation and t(k - 1) critical values;
 * - prediction interval μ̂ ± crit · sqrt(se² + tau2) with the same critical value as the CI
 *   (metafor's `pi`), and beside it the Higgins–Thompson–Spiegelhalter (2009) interval
 *   μ̂ ± t(k - 2) · sqrt(se² + tau2) for k >= 3 (`piHts`, null below; the Cochrane Handbook's formula);
 * - Hartung–Knapp with Σ w (yi - μ̂)² <= machine epsilon gives se = 0 exactly, as metafor does.
 * k = 1 is fitted as metafor does: tau2 = 0 and a z test (metafor switches "knha" off).
 * @example rma(Float64Array.of(0, 1), Float64Array.of(0.5, 0.5), { method: 'DL', hakn: false }).tau2 // 0
 */
export function rma(yi: Float64Array, vi: Float64Array, options: RmaOptions): RmaFit {
  const k = yi.length;
  if (k === 0) throw new Error('pool requires at least one study');
  if (k === 1) {
    const se = Math.sqrt(vi[0]!);
    const ci: [number, number] = [yi[0]! - Z975 * se, yi[0]! + Z975 * se];
    return { k, estimate: yi[0]!, se, ci, pi: [ci[0], ci[1]], piHts: null, tau2: 0, Q: 0, df: 0, pQ: 1, I2: 0, H2: 1 };
  }

  let sumW = 0;
  let sumWy = 0;
  let sumW2 = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / vi[i]!;
    sumW += w;
    sumWy += w * yi[i]!;
    sumW2 += w * w;
  }
  const fixed = sumWy / sumW;
  let Q = 0;
  for (let i = 0; i < k; i++) Q += (yi[i]! - fixed) ** 2 / vi[i]!;
  const df = k - 1;

  const tau2 = TAU2[options.method]({ yi, vi, Q, sumW, sumW2 });

  let sumWs = 0;
  let sumWsy = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / (vi[i]! + tau2);
    sumWs += w;
    sumWsy += w * yi[i]!;
  }
  const estimate = sumWsy / sumWs;
  let se: number;
  let crit: number;
  if (options.hakn) {
    let rss = 0;
    for (let i = 0; i < k; i++) rss += (yi[i]! - estimate) ** 2 / (vi[i]! + tau2);
    // metafor: RSS <= .Machine$double.eps gives s2w = 0, so identical studies have SE exactly 0, not noise.
    se = rss <= Number.EPSILON ? 0 : Math.sqrt(rss / (df * sumWs));
    crit = tQuantile(0.975, df);
  } else {
    se = Math.sqrt(1 / sumWs);
    crit = Z975;
  }
  const piHalf = crit * Math.sqrt(se * se + tau2);
  const htsHalf = k >= 3 ? tQuantile(0.975, k - 2) * Math.sqrt(se * se + tau2) : NaN;
  const typicalV = typicalVariance(vi);
  const I2 = typicalV > 0 && Number.isFinite(typicalV) ? (100 * tau2) / (typicalV + tau2) : 0;
  const H2 = typicalV > 0 && Number.isFinite(typicalV) ? tau2 / typicalV + 1 : 1;
  return {
    k,
    estimate,
    se,
    ci: [estimate - crit * se, estimate + crit * se],
    pi: [estimate - piHalf, estimate + piHalf],
    piHts: k >= 3 ? [estimate - htsHalf, estimate + htsHalf] : null,
    tau2,
    Q,
    df,
    pQ: chiSquareUpperTail(Q, df),
    I2,
    H2,
  };
}
