/**
 * Fewer trials than this and a GLMM estimate of tau² = 0 says little about agreement between
 * trials: with two to four small trials the likelihood often peaks at the boundary even when
 * trials differ (Friede et al., Biom J 2017), and the interval then shrinks to the pooled
 * binomial one. Below this count the page shows the Bayesian interval beside the GLMM's.
 */
export const FEW_TRIALS = 5;

/** True when a fit from 2 to FEW_TRIALS - 1 trials put tau² on its boundary, 0 (where glmm() lands exactly). */
export function heterogeneityCollapsed(fit: { k: number; tau2: number }): boolean {
  return fit.k >= 2 && fit.k < FEW_TRIALS && fit.tau2 === 0;
}
