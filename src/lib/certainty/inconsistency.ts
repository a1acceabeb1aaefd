import { percentagePoints, percentPoints } from '../format/numbers.ts';
import { CERTAINTY_RULES } from '../rules/thresholds.ts';
import type { CertaintyInput, DomainRating } from './certainty-types.ts';

const RULE = CERTAINTY_RULES.inconsistency;

/** The rule in words, for the methods page. */
export const INCONSISTENCY_RULE =
  `Not assessed with fewer than ${RULE.minK} trials (no downgrade). Very serious (−2) when I² ≥ ${RULE.verySeriousI2} % and the trials' confidence intervals do not all overlap; ` +
  `serious (−1) when I² ≥ ${RULE.seriousI2} %, when the confidence intervals do not all overlap, or, when I² is above 0, when the 95 % prediction interval is wider than the confidence interval by more than ${percentagePoints(RULE.seriousPiExcess)}; otherwise no downgrade.`;

/** Whether one point lies inside every study's confidence interval. */
function allOverlap(studies: CertaintyInput['studies']): boolean {
  const highestLower = Math.max(...studies.map((s) => s.ci[0]));
  const lowestUpper = Math.min(...studies.map((s) => s.ci[1]));
  return highestLower <= lowestUpper;
}

/**
 * GRADE inconsistency of one outcome from I², the prediction interval and the overlap
 * of the trials' confidence intervals (for proportions, studies pointing different ways
 * means intervals that share no value).
 * @example inconsistencyRating({ k: 1, ... }).downgrade // 0
 */
export function inconsistencyRating(input: Pick<CertaintyInput, 'k' | 'I2' | 'ci' | 'pi' | 'studies'>): DomainRating {
  if (input.k < RULE.minK) {
    return { downgrade: 0, reason: `A single trial: inconsistency cannot be assessed, and GRADE does not downgrade for it.` };
  }
  const overlap = allOverlap(input.studies);
  const I2 = input.I2 ?? 0;
  const excess = input.pi ? input.pi[1] - input.pi[0] - (input.ci[1] - input.ci[0]) : 0;
  const facts = [
    input.I2 === null ? 'no model was fitted, so I² does not exist' : `I² = ${percentPoints(input.I2, 0)}`,
    `the trials' confidence intervals ${overlap ? 'all overlap' : 'do not all overlap'}`,
    input.pi
      ? `the prediction interval is ${percentagePoints(Math.max(0, excess))} wider than the confidence interval`
      : 'there is no prediction interval',
  ].join('; ');
  if (I2 >= RULE.verySeriousI2 && !overlap) {
    return { downgrade: 2, reason: `${facts}: I² ≥ ${RULE.verySeriousI2} % with trials that disagree.` };
  }
  const concerns = [
    I2 >= RULE.seriousI2 && `I² ≥ ${RULE.seriousI2} %`,
    !overlap && 'intervals that share no value',
    // With no between-trial variance (I² = 0) a wide interval only reflects t on k − 2 df at small k, not disagreement.
    I2 > 0 && excess > RULE.seriousPiExcess && `a prediction interval more than ${percentagePoints(RULE.seriousPiExcess)} wider`,
  ].filter(Boolean);
  if (concerns.length > 0) return { downgrade: 1, reason: `${facts}: ${concerns.join(', ')}.` };
  return { downgrade: 0, reason: `${facts}: no important inconsistency.` };
}
