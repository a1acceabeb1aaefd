import { chiSquareUpperTail } from '../stats/chisquare-upper-tail.ts';

/** Heterogeneity tests of the binomial-normal model, as `rma.glmm` reports them (QE.LRT, QE.Wld). */
export interface BinomialHeterogeneity {
  df: number;
  /** Likelihood-ratio test: common-proportion logistic model against the saturated one. */
  QE_LRT: number;
  pLRT: number;
  /** Wald test of the saturated model's study effects; null when a study has 0 or n events (no finite logit). */
  QE_Wld: number | null;
  pWld: number | null;
}

/**
 * Tests for heterogeneity of proportions as metafor's `rma.glmm(measure = "PLO")` computes them
 * from two `glm(family = binomial)` fits: the common-effect model (one proportion p̂ = Σx / Σn)
 * against the saturated model (one per study), on k - 1 df.
 * - QE.LRT = -2 (ll.FE - ll.QE) = 2 Σ [x log(x / (n p̂)) + (n - x) log((n - x) / (n (1 - p̂)))];
 * - QE.Wld = Σ w (y - ȳ_w)² with y = logit(x/n) and w = n p (1 - p), the Wald statistic of the
 *   saturated model's study contrasts. With a 0/n or n/n study glm's logit has no finite value
 *   (metafor then reports whatever glm stopped at), so it is null here.
 * k = 1: df 0, both statistics 0 with p = 1 (metafor's convention for df = 0).
 * @example binomialHeterogeneity([2, 9], [10, 12]).df // 1
 */
export function binomialHeterogeneity(events: ArrayLike<number>, totals: ArrayLike<number>): BinomialHeterogeneity {
  const k = events.length;
  let sumX = 0;
  let sumN = 0;
  for (let i = 0; i < k; i++) {
    sumX += events[i]!;
    sumN += totals[i]!;
  }
  const p = sumX / sumN;
  let lrt = 0;
  let extreme = false;
  let sumW = 0;
  let sumWy = 0;
  for (let i = 0; i < k; i++) {
    const x = events[i]!;
    const n = totals[i]!;
    if (x > 0) lrt += 2 * x * Math.log(x / (n * p));
    if (x < n) lrt += 2 * (n - x) * Math.log((n - x) / (n * (1 - p)));
    if (x === 0 || x === n) extreme = true;
    else {
      const w = (x * (n - x)) / n;
      sumW += w;
      sumWy += w * Math.log(x / (n - x));
    }
  }
  const df = k - 1;
  const QE_LRT = Math.max(lrt, 0);
  let QE_Wld: number | null = null;
  if (!extreme) {
    const mean = sumWy / sumW;
    let q = 0;
    for (let i = 0; i < k; i++) {
      const x = events[i]!;
      const n = totals[i]!;
      q += ((x * (n - x)) / n) * (Math.log(x / (n - x)) - mean) ** 2;
    }
    QE_Wld = q;
  }
  return {
    df,
    QE_LRT,
    pLRT: chiSquareUpperTail(QE_LRT, df),
    QE_Wld,
    pWld: QE_Wld === null ? null : chiSquareUpperTail(QE_Wld, df),
  };
}
