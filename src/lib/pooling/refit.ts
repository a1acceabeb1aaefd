import { ModelFailure } from './model-failure.ts';
import { rma, type RmaOptions } from './rma.ts';
import type { RefitProblem, RmaFit } from './types.ts';

/**
 * One refit of a sensitivity analysis (leave-one-out, cumulative, a subgroup): a fit that does not
 * converge becomes that row's problem, so it never takes the main analysis with it (metafor's
 * `leave1out()` likewise gives that row NA and keeps the model).
 * @example refit(Float64Array.of(0, 1), Float64Array.of(1, 1), { method: 'DL', hakn: false }) // an RmaFit
 */
export function refit(yi: Float64Array, vi: Float64Array, options: RmaOptions): RmaFit | RefitProblem {
  try {
    return rma(yi, vi, options);
  } catch (error) {
    if (error instanceof ModelFailure) return { problem: error.reason };
    throw error;
  }
}
