import type { BayesSummary } from '../pooling/bayes.ts';
import { heterogeneityCollapsed } from '../pooling/small-k.ts';
import { percentWithInterval } from './numbers.ts';

/**
 * The reader's note beside a GLMM estimate whose tau² collapsed to 0 with few trials (see
 * `heterogeneityCollapsed`), giving the Bayesian interval that allows for differences between
 * trials; null when the GLMM estimate needs no such note.
 * @example collapsedHeterogeneityNote({ k: 2, tau2: 0 }, bayes) // "With 2 trials the variation between trials was estimated as none, …"
 */
export function collapsedHeterogeneityNote(fit: { k: number; tau2: number }, bayes: Pick<BayesSummary, 'proportion'>): string | null {
  if (!heterogeneityCollapsed(fit)) return null;
  return (
    `With ${fit.k} trials the variation between trials was estimated as none, so this interval treats the trials as agreeing exactly; ` +
    `the Bayesian model, which allows for differences between trials, gives ${percentWithInterval(bayes.proportion.median, bayes.proportion.cri)} (95 % credible interval).`
  );
}
