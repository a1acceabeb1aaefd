import { groupCount } from './group-count.ts';

/** Fisher-scoring iterations before REML gives up (metafor's `maxiter` default is 100; ascent steps need more only on pathological data). */
const MAX_ITERATIONS = 1000;

/**
 * REML tau² for the intercept-only model by Fisher scoring with step-halving, as metafor's
 * `rma(method="REML")`: start at the Hedges estimator `max(0, Σ(yi - ȳ)²/(k - 1) - mean(vi))`,
 * step `(y'PPy - tr(P)) / tr(PP)` with P = W - W11'W / ΣW and W = diag(1/(vi + tau2)).
 * A step is halved until it stays at or above 0 and does not lower the REML log-likelihood, so the
 * iteration climbs and cannot cycle: undamped Fisher steps fall into a 2-cycle when arms of
 * n = 1-2 sit beside arms of n ~ 10^4 (the reml-cycle fixture). metafor stops once a step is
 * below 1e-5; this iterates to ~1e-12 (relative), agreeing with metafor's converged fit.
 * A boundary solution is detected by a non-positive score at tau2 = 0 and returned as exactly 0;
 * like metafor's `ll0check`, a local maximum whose REML log-likelihood is below that at
 * tau2 = 0 also gives 0 (the REML likelihood need not be unimodal).
 * `groups` (0-based group index per study, G groups) fits the subgroup model `mods = ~ factor(group)`:
 * the mean becomes one per group, P = W - W X (X'WX)⁻¹ X'W is block-diagonal, and k - 1 becomes k - G.
 * Throws `REML did not converge` after 1000 iterations (metafor: "Fisher scoring algorithm did not converge").
 * @example tau2REML(Float64Array.of(-1, 0, 1), Float64Array.of(0.1, 0.1, 0.1)) // 0.9
 */
export function tau2REML(yi: Float64Array, vi: Float64Array, groups?: Int32Array): number {
  const k = yi.length;
  const g = groups ?? new Int32Array(k);
  const G = groupCount(g);
  const means = new Float64Array(G);
  const counts = new Float64Array(G);
  let meanV = 0;
  for (let i = 0; i < k; i++) {
    means[g[i]!]! += yi[i]!;
    counts[g[i]!]! += 1;
    meanV += vi[i]!;
  }
  meanV /= k;
  let rss = 0;
  for (let i = 0; i < k; i++) rss += (yi[i]! - means[g[i]!]! / counts[g[i]!]!) ** 2;
  let tau2 = Math.max(0, rss / (k - G) - meanV);
  if (tau2 === 0 && fisherStep(yi, vi, 0, g, G) <= 0) return 0;
  let logLik = restrictedLogLik(yi, vi, tau2, g, G);

  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    let adj = fisherStep(yi, vi, tau2, g, G);
    if (tau2 + adj < 0 && fisherStep(yi, vi, 0, g, G) <= 0) return restrictedLogLik(yi, vi, 0, g, G) >= logLik ? 0 : tau2;
    while (tau2 + adj < 0) adj /= 2;
    let next = restrictedLogLik(yi, vi, tau2 + adj, g, G);
    // Rounding-level drops near the maximum are not a reason to halve (the full step is then right).
    for (let halvings = 0; next < logLik - 1e-12 * Math.abs(logLik) && halvings < 60; halvings++) {
      adj /= 2;
      next = restrictedLogLik(yi, vi, tau2 + adj, g, G);
    }
    tau2 += adj;
    logLik = Math.max(logLik, next);
    if (Math.abs(adj) <= 1e-12 * Math.max(tau2, 1e-8)) {
      return restrictedLogLik(yi, vi, 0, g, G) > logLik ? 0 : tau2;
    }
  }
  throw new Error(`REML did not converge in ${MAX_ITERATIONS} iterations`);
}

/** Per-group Σw, Σwy, Σw², Σw³ with w = 1/(vi + tau2). */
function groupSums(yi: Float64Array, vi: Float64Array, tau2: number, g: Int32Array, G: number) {
  const sumW = new Float64Array(G);
  const sumWy = new Float64Array(G);
  const sumW2 = new Float64Array(G);
  const sumW3 = new Float64Array(G);
  for (let i = 0; i < yi.length; i++) {
    const w = 1 / (vi[i]! + tau2);
    const j = g[i]!;
    sumW[j]! += w;
    sumWy[j]! += w * yi[i]!;
    sumW2[j]! += w * w;
    sumW3[j]! += w * w * w;
  }
  return { sumW, sumWy, sumW2, sumW3 };
}

/** REML log-likelihood up to a constant: -(Σ log(vi + tau2) + Σ_g log Σ_g w + Σ w (yi - μ̂_g)²) / 2. */
function restrictedLogLik(yi: Float64Array, vi: Float64Array, tau2: number, g: Int32Array, G: number): number {
  const { sumW, sumWy } = groupSums(yi, vi, tau2, g, G);
  let value = 0;
  for (let j = 0; j < G; j++) value += Math.log(sumW[j]!);
  for (let i = 0; i < yi.length; i++) {
    const v = vi[i]! + tau2;
    value += Math.log(v) + (yi[i]! - sumWy[g[i]!]! / sumW[g[i]!]!) ** 2 / v;
  }
  return -value / 2;
}

/** One Fisher scoring step at tau2, (y'PPy - tr P) / tr PP; its sign is the sign of the REML score. */
function fisherStep(yi: Float64Array, vi: Float64Array, tau2: number, g: Int32Array, G: number): number {
  const { sumW, sumWy, sumW2, sumW3 } = groupSums(yi, vi, tau2, g, G);
  let yPPy = 0;
  for (let i = 0; i < yi.length; i++) {
    const w = 1 / (vi[i]! + tau2);
    const wr = w * (yi[i]! - sumWy[g[i]!]! / sumW[g[i]!]!);
    yPPy += wr * wr;
  }
  let trP = 0;
  let trPP = 0;
  for (let j = 0; j < G; j++) {
    const a = sumW[j]!;
    const b = sumW2[j]!;
    trP += a - b / a;
    trPP += b - (2 * sumW3[j]!) / a + (b * b) / (a * a);
  }
  return (yPPy - trP) / trPP;
}
