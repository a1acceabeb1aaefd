import type { Downgrade } from '../schema/certainty.ts';
import { imprecisionRating } from './imprecision.ts';
import { inconsistencyRating } from './inconsistency.ts';
import { indirectnessRating } from './indirectness.ts';
import { publicationBiasRating, type ReportingGapInput } from './publication-bias.ts';
import { riskOfBiasRating } from './risk-of-bias-rating.ts';
import { CERTAINTY_RULES } from '../rules/thresholds.ts';
import { CERTAINTY_DOMAINS, CERTAINTY_LEVELS, type CertaintyLevel } from '../vocabulary/codes.ts';
import type { CertaintyInput, DomainRating, OutcomeCertainty } from './certainty-types.ts';

/** The rating rule in words, for the methods page. */
export const RATING_RULE =
  `The question for each population is the certainty that its rate lies above (for response) or below (for a harm) the decision threshold, or, where no threshold is sourced, the certainty in the rate itself. ` +
  `A rate in a defined population is a question of prognosis, for which GRADE starts evidence from cohorts that measured it at ${CERTAINTY_RULES.start} certainty (Iorio et al., BMJ 2015); single-arm trials are such cohorts. ` +
  `Each of the five domains takes off 0 (not serious), 1 (serious) or 2 (very serious) levels, each concern counted once; the rating is the start minus every downgrade, and never below very low. ` +
  `Upgrading (large effect, dose–response) is not applied: without a comparison group there is no effect to judge.`;

/** Start level minus the downgrades, floored at very low. */
export function ratingAfter(start: CertaintyLevel, downgrades: number): CertaintyLevel {
  const index = Math.min(CERTAINTY_LEVELS.indexOf(start) + downgrades, CERTAINTY_LEVELS.length - 1);
  return CERTAINTY_LEVELS[index]!;
}

/**
 * GRADE certainty of one population's figure: three domains computed from the analysis and the
 * trials' risk of bias, two with the review team's judgements. `inconsistency` replaces the computed
 * rating where the figure spans populations whose differences indirectness already counts.
 */
export function rateCertainty(
  input: CertaintyInput,
  judged: { indirectness: Downgrade; publicationBias: Downgrade; reportingGap: ReportingGapInput },
  inconsistency?: DomainRating,
): OutcomeCertainty {
  const domains: Record<(typeof CERTAINTY_DOMAINS)[number], DomainRating> = {
    riskOfBias: riskOfBiasRating(input),
    inconsistency: inconsistency ?? inconsistencyRating(input),
    indirectness: indirectnessRating(judged.indirectness, input.threshold),
    imprecision: imprecisionRating(input),
    publicationBias: publicationBiasRating(input.trials, judged.publicationBias, judged.reportingGap),
  };
  const total = CERTAINTY_DOMAINS.reduce((sum, domain) => sum + domains[domain].downgrade, 0);
  return { start: CERTAINTY_RULES.start, rating: ratingAfter(CERTAINTY_RULES.start, total), domains };
}
