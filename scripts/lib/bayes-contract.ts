import { UsageError } from '../../src/lib/cli/usage.ts';
import type { BayesSummary } from '../../src/lib/pooling/bayes.ts';

/** Notes for what the Bayesian output leaves out, in words. */
export const BAYES_NOTES = [
  'Bayesian binomial-normal model: pooled is the posterior median with its 95 % credible interval, pi the 95 % interval of a new trial’s rate, heterogeneity.tau2 the posterior median of tau²; Q, I², H² and Egger’s test describe the logits as under DL',
  'no inverse-variance study weights; subgroups, leave-one-out and cumulative analyses are not computed for this model',
] as const;

/** A number flag that must lie strictly between min and max; `what` names the range in the error. */
export function numberFlag(flag: string, raw: string, min: number, max: number, what: string): number {
  const value = /^\d*\.?\d+(e-?\d+)?$/i.test(raw) ? Number(raw) : NaN;
  if (!(value > min && value < max)) throw new UsageError(`--${flag} ${raw} is not ${what}`);
  return value;
}

/**
 * The pool CLI's JSON under --method BAYES: the usual fields of the DL analysis of the logits
 * (what does not depend on the model: counts, exact study intervals, Q, I², Egger), with the
 * pooled estimate, its interval, the prediction interval and tau² replaced by the posterior,
 * weights null, the model-dependent extras left out, and the posterior in `bayes`.
 */
export function bayesContract(usual: Record<string, unknown>, bayes: BayesSummary): Record<string, unknown> {
  const studies = usual.studies as { weight: number | null }[];
  return {
    k: usual.k,
    measure: usual.measure,
    method: 'BAYES',
    pooled: { proportion: bayes.proportion.median, ci: bayes.proportion.cri, pi: bayes.predictive.cri, pi_hts: null },
    heterogeneity: { ...(usual.heterogeneity as object), tau2: bayes.tau.median ** 2 },
    heterogeneity_test: usual.heterogeneity_test,
    egger: usual.egger,
    studies: studies.map((s) => ({ ...s, weight: null })),
    notes: [...BAYES_NOTES],
    bayes,
  };
}
