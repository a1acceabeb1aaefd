import type { CertaintyJudgements } from '../schema/certainty.ts';
import type { BinaryOutcomeKey } from '../vocabulary/outcomes.ts';
import { imprecisionRating } from './imprecision.ts';
import { inconsistencyRating } from './inconsistency.ts';
import { publicationBiasRating } from './publication-bias.ts';
import { riskOfBiasRating } from './risk-of-bias-rating.ts';
import { CERTAINTY_RULES } from '../rules/thresholds.ts';
import { CERTAINTY_DOMAINS, CERTAINTY_LEVELS, type CertaintyLevel } from '../vocabulary/codes.ts';
import type { CertaintyInput, DomainRating, OutcomeCertainty } from './certainty-types.ts';

/** The rating rule in words, for the methods page. */
export const RATING_RULE = `Evidence from single-arm trials starts at ${CERTAINTY_RULES.start} certainty; each domain takes off 0, 1 or 2 levels; the rating is the start minus every downgrade, and never below very low. Upgrading (large effect, dose–response) is not applied: without a comparison group there is no effect to judge.`;

/** Start level minus the downgrades, floored at very low. */
export function ratingAfter(start: CertaintyLevel, downgrades: number): CertaintyLevel {
  const index = Math.min(CERTAINTY_LEVELS.indexOf(start) + downgrades, CERTAINTY_LEVELS.length - 1);
  return CERTAINTY_LEVELS[index]!;
}

/**
 * GRADE certainty of one outcome: three domains computed from the analysis and the
 * trials' risk of bias, two judged by the reviewers in content/certainty.yaml.
 */
export function rateCertainty(input: CertaintyInput, key: BinaryOutcomeKey, judgements: CertaintyJudgements): OutcomeCertainty {
  const judged = judgements.outcomes[key];
  const domains: Record<(typeof CERTAINTY_DOMAINS)[number], DomainRating> = {
    riskOfBias: riskOfBiasRating(input),
    inconsistency: inconsistencyRating(input),
    indirectness: { ...judged.indirectness },
    imprecision: imprecisionRating(input),
    publicationBias: publicationBiasRating(input.k, judged.publicationBias),
  };
  const total = CERTAINTY_DOMAINS.reduce((sum, domain) => sum + domains[domain].downgrade, 0);
  return { start: CERTAINTY_RULES.start, rating: ratingAfter(CERTAINTY_RULES.start, total), domains };
}
