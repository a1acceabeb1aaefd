import type { Downgrade } from '../schema/certainty.ts';
import { CERTAINTY_RULES } from '../rules/thresholds.ts';
import type { DomainRating } from './certainty-types.ts';

const RULE = CERTAINTY_RULES.publicationBias;

/** The rule in words, for the methods page. */
export const PUBLICATION_BIAS_RULE = `Judged by the review team from what is known about unpublished trials; with fewer than ${RULE.minK} trials a funnel plot or Egger's test cannot detect it, and the reason says so.`;

/**
 * GRADE publication bias: the reviewers' judgement, prefixed with whether small-study
 * tests can inform it at this number of trials.
 * @example publicationBiasRating(3, { downgrade: 1, reason: 'Most trials unpublished.' }).reason // 'Not assessable statistically with fewer than 10 trials (k = 3). Most trials unpublished.'
 */
export function publicationBiasRating(k: number, judgement: Downgrade): DomainRating {
  const assessable = k >= RULE.minK;
  const prefix = assessable
    ? `With ${k} trials the funnel plot and Egger's test inform this judgement.`
    : `Not assessable statistically with fewer than ${RULE.minK} trials (k = ${k}).`;
  return { downgrade: judgement.downgrade, reason: `${prefix} ${judgement.reason}`, rule: 'publication-bias.reviewers', inputs: { k }, judged: true };
}
