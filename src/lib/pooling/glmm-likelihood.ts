import type { QuadratureRule } from '../stats/gauss-hermite.ts';

/** Marginal log-likelihood of the binomial-normal model at one (beta, tau), and its beta derivatives. */
export interface GlmmLikelihood {
  /** Σ log L_i without the binomial coefficients (they do not depend on the parameters). */
  logLik: number;
  /** d logLik / d beta with the quadrature nodes held where they are. */
  score: number;
  /** -d² logLik / d beta² with the nodes held: Σ_i [E_π n μ (1 - μ) - Var_π (x - n μ)]; may be ≤ 0 far from the maximum. */
  information: number;
  /** Σ_i E_π n μ (1 - μ) > 0: a safe (shorter) Fisher-type step when `information` is not positive. */
  fisherInformation: number;
  /** false when a conditional mode did not converge within its iteration cap. */
  converged: boolean;
}

/**
 * Adaptive Gauss–Hermite approximation of the binomial-normal (random-intercept logistic)
 * log-likelihood, as lme4's `glmer(cbind(x, n - x) ~ 1 + (1 | study), family = binomial, nAGQ)`
 * computes it (lme4 `glmerAGQ`): for study i with η = beta + tau·u, u ~ N(0, 1) and
 * g(u) = x η - n log(1 + e^η) - u²/2, the integral ∫ e^g du / sqrt(2π) is evaluated around the
 * conditional mode û (g'(û) = 0) with scale s = (1 + tau² n μ̂(1 - μ̂))^(-1/2):
 * log L_i = log s + g(û) + log Σ_k w_k exp(g(û + s z_k) - g(û) + z_k²/2).
 * `modes` carries each study's conditional mode between calls (warm start) and is updated.
 * Modes are found by Newton's method safeguarded by bisection on the bracket
 * [min(0, tau x, tau (x - n)), max(…)] that always holds the root.
 * @example glmmLikelihood(Float64Array.of(3), Float64Array.of(10), Math.log(3 / 7), 0, gaussHermite(7), new Float64Array(1)).logLik // 3 log 0.3 + 7 log 0.7
 */
export function glmmLikelihood(
  events: Float64Array,
  totals: Float64Array,
  beta: number,
  tau: number,
  rule: QuadratureRule,
  modes: Float64Array,
): GlmmLikelihood {
  const k = events.length;
  const { nodes, weights } = rule;
  let logLik = 0;
  let score = 0;
  let information = 0;
  let fisherInformation = 0;
  let converged = true;
  for (let i = 0; i < k; i++) {
    const x = events[i]!;
    const n = totals[i]!;
    const mode = conditionalMode(x, n, beta, tau, modes[i]!);
    if (!mode.converged) converged = false;
    const u0 = mode.u;
    modes[i] = u0;
    const g0 = integrand(x, n, beta + tau * u0, u0);
    const mu0 = expit(beta + tau * u0);
    const s = 1 / Math.sqrt(1 + tau * tau * n * mu0 * (1 - mu0));
    let sum = 0;
    let sumScore = 0;
    let sumInfo = 0;
    let sumScore2 = 0;
    for (let q = 0; q < nodes.length; q++) {
      const z = nodes[q]!;
      const u = u0 + s * z;
      const eta = beta + tau * u;
      // One exp serves both log(1 + e^η) and μ = expit(η).
      const e = Math.exp(-Math.abs(eta));
      const softplus = Math.max(eta, 0) + Math.log1p(e);
      const mu = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
      const term = weights[q]! * Math.exp(x * eta - n * softplus - (u * u) / 2 - g0 + (z * z) / 2);
      sum += term;
      sumScore += term * (x - n * mu);
      sumScore2 += term * (x - n * mu) ** 2;
      sumInfo += term * n * mu * (1 - mu);
    }
    logLik += Math.log(s) + g0 + Math.log(sum);
    const meanScore = sumScore / sum;
    score += meanScore;
    fisherInformation += sumInfo / sum;
    information += sumInfo / sum - (sumScore2 / sum - meanScore * meanScore);
  }
  return { logLik, score, information, fisherInformation, converged };
}

/** g(u) = x η - n log(1 + e^η) - u²/2, with log(1 + e^η) computed without overflow. */
function integrand(x: number, n: number, eta: number, u: number): number {
  const softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
  return x * eta - n * softplus - (u * u) / 2;
}

function expit(eta: number): number {
  return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
}

/** The root of g'(u) = tau (x - n μ) - u (g is strictly concave), from a warm start. */
function conditionalMode(x: number, n: number, beta: number, tau: number, start: number): { u: number; converged: boolean } {
  let lo = Math.min(0, tau * x, tau * (x - n));
  let hi = Math.max(0, tau * x, tau * (x - n));
  let u = Math.min(Math.max(start, lo), hi);
  for (let iter = 0; iter < 100; iter++) {
    const mu = expit(beta + tau * u);
    const slope = tau * (x - n * mu) - u;
    if (slope > 0) lo = u;
    else hi = u;
    const curvature = tau * tau * n * mu * (1 - mu) + 1;
    let next = u + slope / curvature;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    const step = Math.abs(next - u);
    u = next;
    if (step <= 1e-13 * (1 + Math.abs(u)) || hi - lo <= 1e-13 * (1 + Math.abs(u))) return { u, converged: true };
  }
  return { u, converged: false };
}
