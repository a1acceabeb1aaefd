import { percent } from '../format/numbers.ts';
import { CERTAINTY_RULES } from '../rules/thresholds.ts';
import type { CertaintyInput, DomainRating } from './certainty-types.ts';

const RULE = CERTAINTY_RULES.riskOfBias;

/** The rule in words, for the methods page. */
export const RISK_OF_BIAS_RULE =
  `Each trial's overall risk of bias counts by its weight in the primary analysis (by its patients where the model gives no weights, as the GLMM does). Very serious (−2) when trials at high risk carry more than ${percent(RULE.verySeriousHighShare, 0)} of the weight; ` +
  `serious (−1) when trials at high or unclear risk together carry more than ${percent(RULE.seriousNotLowShare, 0)}; otherwise no downgrade.`;

/**
 * GRADE risk of bias across the trials of one outcome, weighted by the random-effects
 * weights of the primary analysis (a large trial's bias moves the estimate more).
 * @example riskOfBiasRating({ studies: [{ weight: 100, risk: 'unclear', ... }], ... }).downgrade // 1
 */
export function riskOfBiasRating(input: Pick<CertaintyInput, 'studies'>): DomainRating {
  const total = input.studies.reduce((sum, study) => sum + study.weight, 0);
  const share = (risks: string[]) => input.studies.filter((s) => risks.includes(s.risk)).reduce((sum, s) => sum + s.weight, 0) / total;
  const high = share(['high']);
  const unclear = share(['unclear']);
  const shares = `Trials at high overall risk of bias carry ${percent(high, 0)} of the weight, trials at unclear risk ${percent(unclear, 0)}`;
  const base = { rule: 'risk-of-bias.weighted-share' as const, inputs: { highShare: high, unclearShare: unclear }, judged: false };
  if (high > RULE.verySeriousHighShare) {
    return { ...base, downgrade: 2, reason: `${shares}: more than ${percent(RULE.verySeriousHighShare, 0)} at high risk.` };
  }
  if (high + unclear > RULE.seriousNotLowShare) {
    return { ...base, downgrade: 1, reason: `${shares}: more than ${percent(RULE.seriousNotLowShare, 0)} at high or unclear risk.` };
  }
  return { ...base, downgrade: 0, reason: `${shares}: most of the weight is at low risk.` };
}
