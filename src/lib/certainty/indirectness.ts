import type { Downgrade } from '../schema/certainty.ts';
import { percent } from '../format/numbers.ts';
import { CERTAINTY_RULES } from '../rules/thresholds.ts';
import type { DomainRating, DowngradeLevel, ThresholdQuestion } from './certainty-types.ts';

const RULE = CERTAINTY_RULES.indirectness;

/** The rule in words, for the methods page. */
export const INDIRECTNESS_RULE =
  `The review team's judgement of how directly the trials' patients, products and outcome definitions answer the question for this population ` +
  `(for a figure across malignancy groups, the mixing of populations, counted here once), plus ${RULE.noComparator} level when the figure is read against a decision threshold: ` +
  `that threshold is a rate in other patients, and no trial compared CAR-NK cells with it directly. Two levels at most.`;

/**
 * GRADE indirectness of one population's figure: the reviewers' judgement for the population,
 * and the missing concurrent comparator when the question is comparative (a threshold).
 * @example indirectnessRating({ downgrade: 0, reason: 'Direct.' }, { value: 0.26, side: 'above' }).downgrade // 1
 */
export function indirectnessRating(judgement: Downgrade, threshold: ThresholdQuestion | null): DomainRating {
  const comparator = threshold ? RULE.noComparator : 0;
  const downgrade = Math.min(2, judgement.downgrade + comparator) as DowngradeLevel;
  const comparatorWords = threshold
    ? ` Read against the threshold of ${percent(threshold.value, 0)}, a rate in other patients with no concurrent comparator: ${RULE.noComparator} level.`
    : '';
  return {
    downgrade,
    reason: `${judgement.reason}${comparatorWords}`,
    rule: 'indirectness.reviewers-and-comparator',
    inputs: { reviewers: judgement.downgrade, comparator },
    judged: true,
  };
}
