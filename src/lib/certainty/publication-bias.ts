import type { Downgrade } from '../schema/certainty.ts';
import { CERTAINTY_RULES, THRESHOLDS } from '../rules/thresholds.ts';
import type { DomainRating } from './certainty-types.ts';

const RULE = CERTAINTY_RULES.publicationBias;

/** The registered-versus-reported gap the rating reads: the overdue trials and the trials in the review. */
export interface ReportingGapInput {
  overdue: string[];
  trials: number;
}

/** The rule in words, for the methods page. */
export const PUBLICATION_BIAS_RULE = `Judged by the review team from what is known about unpublished trials, and read against the reporting gap: when at least ${RULE.seriousOverdue} trial in the review is overdue (primary completion more than ${THRESHOLDS.reportingGapMonths} months past, no results found), the concern is at least serious, whatever the judgement. With fewer than ${RULE.minK} trials a funnel plot or Egger's test cannot detect it, and the reason says so.`;

const trialsWord = (n: number) => (n === 1 ? 'trial' : 'trials');

/**
 * GRADE publication bias: the reviewers' judgement, raised to serious when the reporting gap
 * shows overdue trials, prefixed with whether small-study tests can inform it at this number of trials.
 * @example publicationBiasRating(3, { downgrade: 0, reason: 'None suspected.' }, { overdue: ['NCT00000001'], trials: 20 }).downgrade // 1
 */
export function publicationBiasRating(k: number, judgement: Downgrade, gap: ReportingGapInput): DomainRating {
  const assessable = k >= RULE.minK;
  const prefix = assessable
    ? `With ${k} trials the funnel plot and Egger's test inform this judgement.`
    : `Not assessable statistically with fewer than ${RULE.minK} trials (k = ${k}).`;
  const overdue = gap.overdue.length;
  const gapSentence = `Reporting gap: ${overdue} of ${gap.trials} ${trialsWord(gap.trials)} in the review ${overdue === 1 ? 'is' : 'are'} overdue${overdue > 0 ? ` (${gap.overdue.join(', ')})` : ''}.`;
  const raised = overdue >= RULE.seriousOverdue && judgement.downgrade < 1;
  return {
    downgrade: raised ? 1 : judgement.downgrade,
    reason: `${prefix} ${gapSentence} ${judgement.reason}`,
    rule: raised ? 'publication-bias.reporting-gap' : 'publication-bias.reviewers',
    inputs: { k, overdue },
    judged: !raised,
  };
}
