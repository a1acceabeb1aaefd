import { groupCount } from './group-count.ts';
import { ModelFailure } from './model-failure.ts';

/**
 * metafor's `rma()` control defaults for Fisher scoring: converged once an iteration changes tau²
 * by at most `threshold` (absolute), "did not converge" after `maxiter` iterations.
 */
const REML_CONTROL = { threshold: 1e-5, maxiter: 100 } as const;

/** metafor's `control$tol` (`.Machine$double.eps^0.25`), the margin of its `ll0check`. */
const LL0_TOLERANCE = Number.EPSILON ** 0.25;

/**
 * Steps after metafor's criterion is met: Fisher scoring then only refines digits (metafor's
 * 1e-5 leaves about 1e-6 on tau²), and stops early once a step is below 1e-12 relative or, where
 * the arithmetic wobbles at that level, after this many.
 */
const POLISH_STEPS = 8;

/**
 * REML tau² for the intercept-only model by Fisher scoring, as metafor's `rma(method="REML")`:
 * start at the Hedges estimator `max(0, Σ(yi - ȳ)²/(k - G) - mean(vi))`,
 * step `(y'PPy - tr(P)) / tr(PP)` with P = W - W X (X'WX)⁻¹ X'W and W = diag(1/(vi + tau2)),
 * a step halved while it would take tau² below 0, and metafor's stopping rule: converged once a step
 * changes tau² by at most 1e-5, "did not converge" after 100 iterations.
 * Unlike metafor, a step is also kept inside a bracket of the REML score's sign change (bisected
 * when it leaves it), so the iteration cannot fall into the 2-cycle that undamped Fisher steps reach
 * when arms of n = 1-2 sit beside arms of n ~ 10^4 (the reml-cycle fixture); it ends at a local maximum.
 * From the second step on, the step is a secant step on the Fisher step's root where that slope is
 * negative, as Fisher scoring alone converges linearly (on some data at a rate near 1, taking hundreds
 * of steps). Refits start at the Hedges estimator too, not at the full fit's tau²: where the REML
 * likelihood has two maxima (reml-cycle), a warm start finds the other one.
 * After convergence a few more steps refine tau² to about 1e-12 where the arithmetic allows; where it
 * does not (the estimate wobbles by rounding), the converged value stands, as in metafor.
 * Like metafor's `ll0check`, a maximum whose REML log-likelihood is more than `.Machine$double.eps^0.25`
 * below that at tau² = 0 gives 0 (the REML likelihood need not be unimodal).
 * `groups` (0-based group index per study, G groups) fits the subgroup model `mods = ~ factor(group)`:
 * the mean becomes one per group, P is block-diagonal, and k - 1 becomes k - G.
 * Each iteration is one pass over the studies (sums around the previous iteration's means).
 * Throws ModelFailure `REML not fitted: did not converge in N iterations` (metafor: "Fisher scoring algorithm did not converge").
 * @example tau2REML(Float64Array.of(-1, 0, 1), Float64Array.of(0.1, 0.1, 0.1)) // 0.9
 */
export function tau2REML(yi: Float64Array, vi: Float64Array, groups?: Int32Array): number {
  const k = yi.length;
  const g = groups ?? new Int32Array(k);
  const scorer = new FisherScorer(yi, vi, g, groupCount(g));
  const { maxiter } = REML_CONTROL;
  let tau2 = scorer.hedges();
  let step = scorer.step(tau2);
  if (tau2 === 0 && !(step > 0)) return 0;
  // The score is > 0 at lo (or lo = 0) and < 0 at hi: a step leaving (lo, hi) is replaced by bisection.
  let lo = 0;
  let hi = Infinity;
  let converged = false;
  let polish = 0;
  let previous = { tau2: NaN, step: NaN };
  for (let iter = 1; step !== 0; iter++) {
    if (step > 0) lo = tau2;
    else if (step < 0) hi = tau2;
    // metafor: a step that is not a number is no step.
    let next = tau2 + (Number.isFinite(step) ? step : 0);
    // A secant step on the Fisher step's root: Fisher scoring alone converges linearly, on some data at a rate near 1.
    const secant = (tau2 - previous.tau2) / (step - previous.step);
    if (Number.isFinite(secant) && secant < 0) next = tau2 - step * secant;
    if (next < 0) {
      // A maximum on the boundary: metafor creeps towards it by halving; 0 is where that ends.
      if (!(scorer.step(0) > 0)) {
        tau2 = 0;
        break;
      }
      // metafor halves a step that would leave the parameter space.
      while (next < 0) next = tau2 + (next - tau2) / 2;
    }
    if (!(next > lo && next < hi) && Number.isFinite(hi)) next = (lo + hi) / 2;
    const change = Math.abs(next - tau2);
    if (converged && !(change > 1e-12 * Math.max(tau2, 1e-8))) break;
    previous = { tau2, step };
    tau2 = next;
    step = scorer.step(tau2);
    if (converged) {
      if (++polish >= POLISH_STEPS) break;
    } else if (change <= REML_CONTROL.threshold) converged = true;
    else if (iter >= maxiter) throw new ModelFailure('REML', `did not converge in ${maxiter} iterations`);
  }
  if (tau2 > REML_CONTROL.threshold && scorer.logLikDrop(tau2) > LL0_TOLERANCE) return 0;
  return tau2;
}

/**
 * The REML score and likelihood of one data set. The studies are copied group by group into
 * contiguous arrays, so each pass runs one tight loop per group with its sums in local variables.
 */
class FisherScorer {
  private readonly y: Float64Array;
  private readonly v: Float64Array;
  /** Group j's studies are y[offsets[j]] .. y[offsets[j + 1] - 1]. */
  private readonly offsets: Int32Array;
  /** Per-group centre of the residuals: the last weighted means, so the one-pass sums do not cancel. */
  private readonly centre: Float64Array;

  constructor(yi: Float64Array, vi: Float64Array, g: Int32Array, G: number) {
    const k = yi.length;
    this.offsets = new Int32Array(G + 1);
    for (let i = 0; i < k; i++) this.offsets[g[i]! + 1]! += 1;
    for (let j = 0; j < G; j++) this.offsets[j + 1]! += this.offsets[j]!;
    const next = this.offsets.slice(0, G);
    this.y = new Float64Array(k);
    this.v = new Float64Array(k);
    this.centre = new Float64Array(G);
    for (let i = 0; i < k; i++) {
      const at = next[g[i]!]!++;
      this.y[at] = yi[i]!;
      this.v[at] = vi[i]!;
      this.centre[g[i]!]! += yi[i]!;
    }
    for (let j = 0; j < G; j++) this.centre[j]! /= this.offsets[j + 1]! - this.offsets[j]!;
  }

  /** Hedges' estimator, metafor's REML start: max(0, RSS/(k - G) - mean(vi)) around the unweighted group means. */
  hedges(): number {
    const { y, v, offsets, centre } = this;
    const G = centre.length;
    let rss = 0;
    let sumV = 0;
    for (let j = 0; j < G; j++) {
      const c = centre[j]!;
      for (let i = offsets[j]!; i < offsets[j + 1]!; i++) {
        rss += (y[i]! - c) ** 2;
        sumV += v[i]!;
      }
    }
    return Math.max(0, rss / (y.length - G) - sumV / y.length);
  }

  /**
   * One Fisher scoring step at tau2, (y'PPy - tr P) / tr PP, its sign the sign of the REML score.
   * y'PPy = Σ w² (yi - μ̂)² from sums of r = yi - c around the centre c:
   * Σw²r² - 2d Σw²r + d² Σw² with d = μ̂ - c; c is then moved to μ̂ for the next call.
   */
  step(tau2: number): number {
    const { y, v, offsets, centre } = this;
    let yPPy = 0;
    let trP = 0;
    let trPP = 0;
    for (let j = 0; j < centre.length; j++) {
      const c = centre[j]!;
      let a = 0;
      let ar = 0;
      let b = 0;
      let br = 0;
      let brr = 0;
      let w3 = 0;
      for (let i = offsets[j]!; i < offsets[j + 1]!; i++) {
        const w = 1 / (v[i]! + tau2);
        const r = y[i]! - c;
        const w2 = w * w;
        a += w;
        ar += w * r;
        b += w2;
        br += w2 * r;
        brr += w2 * r * r;
        w3 += w2 * w;
      }
      const d = ar / a;
      yPPy += brr + d * (d * b - 2 * br);
      centre[j] = c + d;
      trP += a - b / a;
      trPP += b - (2 * w3) / a + (b * b) / (a * a);
    }
    return (yPPy - trP) / trPP;
  }

  /**
   * ll(0) - ll(tau2) of the REML log-likelihood, metafor's `ll0check` difference, in one pass:
   * (Σ log(1 + tau2/vi) + Σ_g log(Σ_g w / Σ_g W) + RSS(tau2) - RSS(0)) / 2 with W = 1/vi, w = 1/(vi + tau2),
   * RSS = Σ w (yi - μ̂_g)². The logarithms are taken of running products (rescaled before they
   * overflow), so a fit costs a few logarithms rather than one per study.
   */
  logLikDrop(tau2: number): number {
    const { y, v, offsets, centre } = this;
    let logDet = 0;
    let product = 1;
    let rssDiff = 0;
    for (let j = 0; j < centre.length; j++) {
      const c = centre[j]!;
      let a0 = 0;
      let a0r = 0;
      let a0rr = 0;
      let a = 0;
      let ar = 0;
      let arr = 0;
      for (let i = offsets[j]!; i < offsets[j + 1]!; i++) {
        const r = y[i]! - c;
        const W = 1 / v[i]!;
        const w = 1 / (v[i]! + tau2);
        a0 += W;
        a0r += W * r;
        a0rr += W * r * r;
        a += w;
        ar += w * r;
        arr += w * r * r;
        product *= 1 + tau2 * W;
        if (product > 1e250) {
          logDet += Math.log(product);
          product = 1;
        }
      }
      logDet += Math.log(a / a0);
      // Σ w (r - d)² = Σ w r² - (Σ w r)² / Σ w, with d the weighted mean of r.
      rssDiff += arr - (ar * ar) / a - (a0rr - (a0r * a0r) / a0);
    }
    return (logDet + Math.log(product) + rssDiff) / 2;
  }
}
