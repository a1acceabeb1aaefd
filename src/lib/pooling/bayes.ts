import { gaussHermite } from '../stats/gauss-hermite.ts';
import { normalCdf } from '../stats/normal-cdf.ts';
import { normalQuantile } from '../stats/normal-quantile.ts';
import { solveIncreasing } from '../stats/special.ts';
import { binomialNormalPosterior, MU_PRIOR, type Posterior } from './bayes-posterior.ts';
import { gridCdf } from './grid-cdf.ts';
import { studyProblem } from './study-problem.ts';
import type { Interval } from './types.ts';

/** The default prior scale of tau, and the sensitivity one (Günhan, Röver & Friede 2020: 0.5 and 1 on the logit scale). */
export const TAU_PRIOR_SCALES = { default: 0.5, sensitivity: 1 } as const;

export interface BayesOptions {
  /** Scale S of the Half-Normal prior on tau (logit scale); default 0.5. */
  tauPriorScale?: number;
  /** A rate in (0, 1): `pAbove` is P(expit(mu) > threshold). */
  threshold?: number;
}

export interface PosteriorSummary {
  median: number;
  /** Equal-tailed 95 % credible interval. */
  cri: Interval;
}

/** What `bayesBinomialNormal` reports; the field names are the pool CLI's `bayes` object. */
export interface BayesSummary {
  prior: { mu: { mean: number; sd: number }; tau: { halfNormalScale: number } };
  /** The pooled rate expit(mu). */
  proportion: PosteriorSummary;
  /** Between-trial standard deviation on the logit scale. */
  tau: PosteriorSummary;
  /** The rate in a new trial, expit(mu + tau z). */
  predictive: PosteriorSummary;
  threshold: number | null;
  /** P(expit(mu) > threshold); null without a threshold. */
  pAbove: number | null;
  /** Why the answer leans on the prior rather than the data (see PRIOR_DRIVEN); empty when it does not. */
  priorDriven: string[];
}

/**
 * The declared rule for "driven by the prior": any of one trial (tau is then the prior's),
 * no events or only events (one end of the rate is then set by the prior on mu, not by data),
 * or a 95 % credible interval of tau at least 80 % as wide as the prior's own with its median
 * inside the prior's interquartile range (the trials have neither narrowed nor moved the
 * heterogeneity, so the credible and predictive intervals are the prior's; a wide interval far
 * above the prior's median is the data's).
 */
export const PRIOR_DRIVEN = {
  singleTrial: 'one trial: the between-trial spread is the prior’s',
  noEvents: 'no events: the lower end of the rate comes from the prior',
  allEvents: 'every patient had the event: the upper end of the rate comes from the prior',
  tauFromPrior: 'the trials barely narrow the between-trial spread: its interval is the prior’s',
  /** Posterior tau interval width / prior tau interval width at or above this: tau is the prior's. */
  tauWidthRatio: 0.8,
} as const;

const LEVEL = 0.95;
const TAILS = [(1 - LEVEL) / 2, 0.5, (1 + LEVEL) / 2] as const;
const SMOOTHING_RULE = gaussHermite(16);

const expit = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/**
 * Bayesian binomial-normal random-effects meta-analysis of proportions (Günhan, Röver & Friede,
 * Res Synth Methods 2020): y_i ~ Binomial(n_i, expit(theta_i)), theta_i ~ Normal(mu, tau²),
 * mu ~ Normal(0, 10²), tau ~ Half-Normal(S), S = 0.5 unless `tauPriorScale` says otherwise.
 * Computed by deterministic quadrature (`binomialNormalPosterior`), so the same data always give
 * the same numbers, in Node and in the browser. Medians and equal-tailed 95 % intervals of the
 * pooled rate, of tau and of a new trial's rate; with a threshold, P(pooled rate > threshold).
 * Throws for no studies, a bad count, or a prior scale or threshold out of range.
 * @example bayesBinomialNormal([{ events: 3, total: 10 }]).proportion.median // 0.2862 (prior-driven: one trial)
 */
export function bayesBinomialNormal(studies: readonly { events: number; total: number }[], options: BayesOptions = {}): BayesSummary {
  const scale = options.tauPriorScale ?? TAU_PRIOR_SCALES.default;
  const threshold = options.threshold ?? null;
  if (studies.length === 0) throw new Error('Bayesian pooling needs at least one study');
  if (!(Number.isFinite(scale) && scale > 0)) throw new Error(`tau prior scale ${scale} is not a positive number`);
  if (threshold !== null && !(threshold > 0 && threshold < 1)) throw new Error(`threshold ${threshold} is not strictly between 0 and 1`);
  for (const [i, s] of studies.entries()) {
    const problem = studyProblem(s.events, s.total);
    if (problem) throw new Error(`study ${i + 1}: ${problem}`);
  }
  const events = Float64Array.from(studies, (s) => s.events);
  const totals = Float64Array.from(studies, (s) => s.total);
  const posterior = binomialNormalPosterior(events, totals, scale);
  const weights = sliceWeights(posterior);

  const mu = mixture(posterior, weights, (slice, x) => gridCdf(slice.mu, x));
  const predictive = mixture(posterior, weights, (slice, x) => newTrial(slice, x));
  const { lo, hi } = muRange(posterior);
  const maxTau = posterior.slices.at(-1)!.tau;
  const muQuantiles = TAILS.map((p) => quantile(mu, p, lo, hi));
  const [pLo, pMid, pHi] = muQuantiles.map(expit);
  // A new trial's quantiles lie outside mu's by at most 12 tau; mu's are good first guesses.
  const [nLo, nMid, nHi] = TAILS.map((p, i) => expit(quantile(predictive, p, lo - 12 * maxTau, hi + 12 * maxTau, muQuantiles[i])));
  const tauGrid = posterior.tau;
  const tauEnd = tauGrid.start + tauGrid.step * tauGrid.density.length;
  const [tLo, tMid, tHi] = TAILS.map((p) => quantile((t) => gridCdf(tauGrid, t), p, tauGrid.start, tauEnd));

  const sumEvents = events.reduce((a, b) => a + b, 0);
  const sumTotals = totals.reduce((a, b) => a + b, 0);
  const priorWidth = scale * (normalQuantile((1 + TAILS[2]) / 2) - normalQuantile((1 + TAILS[0]) / 2));
  const priorDriven: string[] = [];
  if (studies.length === 1) priorDriven.push(PRIOR_DRIVEN.singleTrial);
  if (sumEvents === 0) priorDriven.push(PRIOR_DRIVEN.noEvents);
  if (sumEvents === sumTotals) priorDriven.push(PRIOR_DRIVEN.allEvents);
  // Half-Normal quantile p: S Φ⁻¹((1 + p) / 2); the interquartile range is p = 0.25 to 0.75.
  const [priorQ1, priorQ3] = [0.625, 0.875].map((p) => scale * normalQuantile(p));
  const tauLikePrior = tHi! - tLo! >= PRIOR_DRIVEN.tauWidthRatio * priorWidth && tMid! >= priorQ1! && tMid! <= priorQ3!;
  if (studies.length > 1 && tauLikePrior) priorDriven.push(PRIOR_DRIVEN.tauFromPrior);

  return {
    prior: { mu: { mean: MU_PRIOR.mean, sd: MU_PRIOR.sd }, tau: { halfNormalScale: scale } },
    proportion: { median: pMid!, cri: [pLo!, pHi!] },
    tau: { median: tMid!, cri: [tLo!, tHi!] },
    predictive: { median: nMid!, cri: [nLo!, nHi!] },
    threshold,
    pAbove: threshold === null ? null : 1 - mu(Math.log(threshold / (1 - threshold))).cdf,
    priorDriven,
  };
}

type Slice = Posterior['slices'][number];
type Cdf = (x: number) => { cdf: number; density: number };

/** The p quantile of a distribution given as one function for F and f (each evaluated once per step). */
function quantile(f: Cdf, p: number, lo: number, hi: number, start?: number): number {
  let last = { x: NaN, cdf: 0, density: 0 };
  const at = (x: number) => {
    if (x !== last.x) last = { x, ...f(x) };
    return last;
  };
  return solveIncreasing(
    (x) => at(x).cdf,
    (x) => at(x).density,
    p,
    lo,
    hi,
    start,
  );
}

/**
 * Quadrature weights of the tau slices: the trapezoid rule (spectrally accurate, as the density
 * vanishes smoothly at both ends or, at tau = 0, is even about it).
 */
function sliceWeights(posterior: Posterior): Float64Array {
  const { density, step } = posterior.tau;
  const weights = Float64Array.from(density, (f) => f * step);
  weights[0] = weights[0]! / 2;
  weights[weights.length - 1] = weights.at(-1)! / 2;
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

function mixture(posterior: Posterior, weights: Float64Array, part: (slice: Slice, x: number) => { cdf: number; density: number }): Cdf {
  return (x) => {
    let cdf = 0;
    let density = 0;
    posterior.slices.forEach((slice, j) => {
      const p = part(slice, x);
      cdf += weights[j]! * p.cdf;
      density += weights[j]! * p.density;
    });
    return { cdf, density };
  };
}

/**
 * P(mu + tau z <= x | tau) for one slice. When tau spans at least one grid step, the trapezoid
 * rule over the mu grid (spectrally accurate for a smooth integrand); when tau is narrower, the
 * normal kernel is too sharp for the grid, so z is integrated by Gauss–Hermite over mu's smooth
 * conditional distribution function instead.
 */
function newTrial(slice: Slice, x: number): { cdf: number; density: number } {
  const { tau, mu } = slice;
  let cdf = 0;
  let density = 0;
  if (tau >= mu.step) {
    let mass = 0;
    for (let i = 0; i < mu.density.length; i++) {
      const z = (x - (mu.start + i * mu.step)) / tau;
      const f = mu.density[i]!;
      mass += f;
      cdf += f * normalCdf(z);
      density += (f * Math.exp(-(z * z) / 2)) / (Math.sqrt(2 * Math.PI) * tau);
    }
    return { cdf: cdf / mass, density: density / mass };
  }
  const { nodes, weights } = SMOOTHING_RULE;
  for (let q = 0; q < nodes.length; q++) {
    const p = gridCdf(mu, x - tau * nodes[q]!);
    cdf += weights[q]! * p.cdf;
    density += weights[q]! * p.density;
  }
  return { cdf, density };
}

function muRange(posterior: Posterior): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const { mu } of posterior.slices) {
    lo = Math.min(lo, mu.start - mu.step);
    hi = Math.max(hi, mu.start + mu.step * mu.density.length);
  }
  return { lo, hi };
}
