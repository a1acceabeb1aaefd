import { gaussHermite } from '../stats/gauss-hermite.ts';
import { normalQuantile } from '../stats/normal-quantile.ts';
import { tQuantile } from '../stats/t-quantile.ts';
import { glmmLikelihood } from './glmm-likelihood.ts';
import { maximise } from './maximise.ts';
import type { Interval } from './types.ts';

export interface GlmmOptions {
  /** Adaptive Gauss–Hermite points per study; lme4 / metafor default 7. */
  nAGQ?: number;
  /** metafor `rma.glmm(test = "t")`: t(k - 1) critical values instead of z (rma.glmm has no Hartung–Knapp). */
  test?: 'z' | 't';
}

/** A converged binomial-normal fit on the logit scale, named as `rma.glmm` names its fields. */
export interface GlmmFit {
  converged: true;
  k: number;
  estimate: number;
  se: number;
  ci: Interval;
  /** metafor's `predict()` interval: estimate ± crit · sqrt(se² + tau2), crit as for the CI. */
  pi: Interval;
  tau2: number;
}

/** A fit that gives no number, with the reason in words. */
export interface GlmmFailure {
  converged: false;
  k: number;
  reason: string;
}

/** tau beyond this (tau² > 10⁴ on the logit scale) means the likelihood keeps rising: no finite maximum. */
const TAU_MAX = 100;

/** The reason given when the likelihood has no finite maximum (where lme4 returns wherever its search stopped). */
export const UNBOUNDED = 'did not converge: tau² grows without bound (no finite maximum likelihood)';

/**
 * Binomial-normal random-effects model for proportions (random-intercept logistic regression,
 * Stijnen et al. 2010) by maximum likelihood with adaptive Gauss–Hermite quadrature, as metafor's
 * `rma.glmm(measure = "PLO", xi, ni, method = "ML", test)` fits it through
 * `lme4::glmer(nAGQ = 7)`. No continuity correction: the counts enter the likelihood as they are.
 *
 * Optimiser (why not lme4's 2-D bobyqa): the likelihood is profiled over tau. For fixed tau the
 * log-likelihood is concave in beta (a Gaussian mixture of log-concave binomial likelihoods), so
 * Newton steps with step-halving find betâ(tau) in a few steps; the profile over tau ≥ 0 is
 * bracketed on a doubling grid from 0 and then maximised by Brent's method, which cannot leave
 * the bracket or cycle. Every loop has a cap; hitting one is a failure with a reason.
 * The SE is lme4's: the beta block of the inverse Hessian of -log L in (tau, beta), by central
 * differences with step 1e-4 (lme4 `deriv12`); when that Hessian is not positive definite (taû on
 * the boundary) the conditional 1/I_ββ is used, as lme4 falls back to its RX-based vcov.
 *
 * Fails (converged: false, with a reason) for k = 1 (metafor: "Number of parameters to be estimated
 * is larger than the number of observations"), when no study has an event or every study has all
 * events (no finite estimate), when tau grows without bound, or when an iteration cap is hit.
 * @example glmm([3, 5], [10, 10]).converged // true
 */
export function glmm(eventCounts: ArrayLike<number>, totalCounts: ArrayLike<number>, options: GlmmOptions = {}): GlmmFit | GlmmFailure {
  // Typed arrays keep the inner loops monomorphic (plain arrays of mixed numbers deoptimise them).
  const events = Float64Array.from(eventCounts);
  const totals = Float64Array.from(totalCounts);
  const k = events.length;
  if (k === 0) throw new Error('pool requires at least one study');
  const fail = (reason: string): GlmmFailure => ({ converged: false, k, reason });
  let sumEvents = 0;
  let sumTotals = 0;
  for (let i = 0; i < k; i++) {
    sumEvents += events[i]!;
    sumTotals += totals[i]!;
  }
  if (k < 2) return fail('not identifiable: tau² needs at least two studies');
  if (sumEvents === 0) return fail('not identifiable: no study has an event');
  if (sumEvents === sumTotals) return fail('not identifiable: every study has all events');

  const rule = gaussHermite(options.nAGQ ?? 7);
  const modes = new Float64Array(k);
  let beta = Math.log(sumEvents / (sumTotals - sumEvents));
  // Set by the inner iterations; cleared before the final fit, whose iterations alone decide.
  let innerFailed: boolean;

  const logLikAt = (b: number, tau: number) => {
    const value = glmmLikelihood(events, totals, b, tau, rule, modes);
    if (!value.converged) innerFailed = true;
    return value;
  };
  /**
   * Maximise over beta at fixed tau to within `tol`; returns the profile log-likelihood.
   * First Newton steps with the analytic derivatives at fixed nodes (one likelihood pass each),
   * which ignore how the adaptive nodes move with beta and so stop a little off lme4's maximum
   * at large tau; then Newton steps whose derivatives are central differences (h = 1e-5) of the
   * quadrature itself. Steps are clamped to ±1 and halved until the likelihood rises; a
   * curvature that is not negative falls back to the Fisher-type step.
   */
  const profile = (tau: number, tol = 1e-8): number => {
    let here = logLikAt(beta, tau);
    for (let iter = 0; iter < 50; iter++) {
      const step = Math.max(-1, Math.min(1, here.score / (here.information > 0 ? here.information : here.fisherInformation)));
      const next = logLikAt(beta + step, tau);
      if (!(next.logLik >= here.logLik)) break;
      beta += step;
      here = next;
      if (Math.abs(step) <= 1e-6 * (1 + Math.abs(beta))) break;
    }
    if (tol >= 1e-4) return here.logLik;
    const h = 1e-5;
    for (let iter = 0; iter < 100; iter++) {
      const up = logLikAt(beta + h, tau).logLik;
      const down = logLikAt(beta - h, tau).logLik;
      const slope = (up - down) / (2 * h);
      const curvature = (up - 2 * here.logLik + down) / (h * h);
      let step = curvature < 0 ? -slope / curvature : slope / here.fisherInformation;
      step = Math.max(-1, Math.min(1, step));
      if (Math.abs(step) <= tol * (1 + Math.abs(beta))) return here.logLik;
      let next = logLikAt(beta + step, tau);
      for (let halvings = 0; next.logLik < here.logLik && halvings < 40; halvings++) {
        step /= 2;
        next = logLikAt(beta + step, tau);
      }
      // No rise even for a tiny step: at the maximum to the resolution of the differences.
      if (next.logLik < here.logLik) return here.logLik;
      beta += step;
      here = next;
      if (Math.abs(step) <= tol * (1 + Math.abs(beta))) return here.logLik;
    }
    innerFailed = true;
    return here.logLik;
  };

  // Bracket: the profile on the grid 0, 0.01, 0.02, 0.04, …, 81.92 (it can have two maxima, as in the
  // tiny-and-huge fixture), then Brent between the neighbours of the best grid point.
  const grid = [0];
  for (let tau = 0.01; tau < TAU_MAX; tau *= 2) grid.push(tau);
  const betaAt: number[] = [];
  const values = grid.map((tau) => {
    // The grid only has to find the right bracket: the fixed-node Newton beta is close enough there.
    const value = profile(tau, 1e-4);
    betaAt.push(beta);
    return value;
  });
  const best = values.indexOf(Math.max(...values));
  if (best === grid.length - 1) return fail(UNBOUNDED);
  const lo = grid[Math.max(best - 1, 0)]!;
  const hi = grid[best + 1]!;
  beta = betaAt[best]!;
  // Far-off grid points (huge tau, flat in beta) may not meet the inner tolerance; only the final fit must.
  innerFailed = false;
  const found = maximise((tau) => profile(tau), lo, hi, 1e-10, 200);
  if (!found.converged) return fail('did not converge: tau² search reached its iteration cap');
  let tau = found.x;
  // A maximum at the boundary: Brent stops within its tolerance of 0; lme4's bobyqa lands on 0.
  const atZero = profile(0);
  if (atZero >= profile(tau)) tau = 0;
  else profile(tau);
  if (innerFailed) return fail('did not converge: an inner iteration reached its cap');
  const betaHat = beta;

  const se = hessianSe(events, totals, betaHat, tau, rule, modes);
  if (!(se > 0) || !Number.isFinite(se)) return fail('did not converge: the information matrix is singular');
  const crit = options.test === 't' ? (k > 1 ? tQuantile(0.975, k - 1) : NaN) : normalQuantile(0.975);
  const piHalf = crit * Math.sqrt(se * se + tau * tau);
  return {
    converged: true,
    k,
    estimate: betaHat,
    se,
    ci: [betaHat - crit * se, betaHat + crit * se],
    pi: [betaHat - piHalf, betaHat + piHalf],
    tau2: tau * tau,
  };
}

/** SE of beta from the central-difference Hessian of -log L in (tau, beta), as lme4's vcov. */
function hessianSe(
  events: Float64Array,
  totals: Float64Array,
  beta: number,
  tau: number,
  rule: ReturnType<typeof gaussHermite>,
  modes: Float64Array,
): number {
  const h = 1e-4;
  const f = (t: number, b: number) => -glmmLikelihood(events, totals, b, t, rule, modes).logLik;
  const f0 = f(tau, beta);
  const hTT = (f(tau + h, beta) - 2 * f0 + f(tau - h, beta)) / (h * h);
  const hBB = (f(tau, beta + h) - 2 * f0 + f(tau, beta - h)) / (h * h);
  const hTB = (f(tau + h, beta + h) - f(tau + h, beta - h) - f(tau - h, beta + h) + f(tau - h, beta - h)) / (4 * h * h);
  const determinant = hTT * hBB - hTB * hTB;
  const variance = hTT > 0 && determinant > 0 ? hTT / determinant : 1 / hBB;
  return Math.sqrt(variance);
}
