import { percent, percentPoints } from '../format/numbers.ts';
import { CERTAINTY_RULES } from '../rules/thresholds.ts';
import type { CertaintyInput, DomainRating, DowngradeLevel } from './certainty-types.ts';

const RULE = CERTAINTY_RULES.inconsistency;

/** The rule in words, for the methods page. */
export const INCONSISTENCY_RULE =
  `Trials are counted as trials, not as cohorts. Not assessed with fewer than ${RULE.minTrials} trials (no downgrade). ` +
  `With a decision threshold: serious (−1) when the trials' own estimates fall on both sides of it, very serious (−2) when they do and their confidence intervals share no value; otherwise not serious. ` +
  `Without one: serious (−1) when I² ≥ ${RULE.seriousI2} % or the trials' confidence intervals share no value, very serious (−2) when I² ≥ ${RULE.verySeriousI2} % and they share none. ` +
  `For a figure across malignancy groups, differences between the groups are counted once, under indirectness; inconsistency there is the worst found within a group.`;

/** Whether one point lies inside every study's confidence interval. */
function allOverlap(studies: CertaintyInput['studies']): boolean {
  return Math.max(...studies.map((s) => s.ci[0])) <= Math.min(...studies.map((s) => s.ci[1]));
}

/**
 * GRADE inconsistency of one population's trials: against the threshold where there is one (do
 * the trials point to the same side of it?), else from I² and the overlap of their intervals.
 * @example inconsistencyRating({ trials: 1, ... }).downgrade // 0
 */
export function inconsistencyRating(input: Pick<CertaintyInput, 'trials' | 'I2' | 'threshold' | 'studies'>): DomainRating {
  const overlap = input.studies.length > 0 && allOverlap(input.studies);
  const inputs = { trials: input.trials, I2: input.I2, threshold: input.threshold?.value ?? null, overlap: overlap ? 'yes' : 'no' };
  if (input.trials < RULE.minTrials) {
    return {
      downgrade: 0,
      rule: 'inconsistency.single-trial',
      inputs,
      judged: false,
      reason: 'A single trial: inconsistency cannot be assessed, and GRADE does not downgrade for it.',
    };
  }
  const intervals = `the trials' confidence intervals ${overlap ? 'all overlap' : 'share no value'}`;
  const { threshold } = input;
  if (threshold) {
    const above = input.studies.filter((s) => s.proportion > threshold.value).length;
    const below = input.studies.filter((s) => s.proportion < threshold.value).length;
    const facts = `${above} of ${input.studies.length} studies lie above the threshold of ${percent(threshold.value, 0)} and ${below} below it; ${intervals}`;
    const both = above > 0 && below > 0;
    const downgrade: DowngradeLevel = both ? (overlap ? 1 : 2) : 0;
    const verdict = both
      ? overlap
        ? 'the trials point to different sides of the threshold'
        : 'the trials point to different sides and disagree'
      : 'they point the same way';
    return { downgrade, rule: 'inconsistency.threshold-sides', inputs, judged: false, reason: `${facts}: ${verdict}.` };
  }
  const I2 = input.I2 ?? 0;
  const facts = `${input.I2 === null ? 'no model was fitted, so I² does not exist' : `I² = ${percentPoints(input.I2, 0)}`}; ${intervals}`;
  const base = { rule: 'inconsistency.i2-overlap' as const, inputs, judged: false };
  if (I2 >= RULE.verySeriousI2 && !overlap)
    return { ...base, downgrade: 2, reason: `${facts}: I² ≥ ${RULE.verySeriousI2} % with trials that disagree.` };
  const concerns = [I2 >= RULE.seriousI2 && `I² ≥ ${RULE.seriousI2} %`, !overlap && 'intervals that share no value'].filter(Boolean);
  if (concerns.length > 0) return { ...base, downgrade: 1, reason: `${facts}: ${concerns.join(', ')}.` };
  return { ...base, downgrade: 0, reason: `${facts}: no important inconsistency.` };
}

/**
 * Inconsistency of a figure across malignancy groups: the differences between groups are counted
 * under indirectness (mixed populations), so here only the worst within-group rating counts.
 */
export function withinPopulations(ratings: { label: string; rating: DomainRating }[]): DomainRating {
  const worst = ratings.reduce((a, b) => (b.rating.downgrade > a.rating.downgrade ? b : a));
  return {
    downgrade: worst.rating.downgrade,
    rule: 'inconsistency.within-populations',
    inputs: Object.fromEntries(ratings.map(({ label, rating }) => [label, rating.downgrade])),
    judged: false,
    reason: `Differences between malignancy groups are counted under indirectness, not again here. Within groups, the worst is ${worst.label.toLowerCase()}: ${worst.rating.reason}`,
  };
}
