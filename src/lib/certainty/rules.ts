/**
 * The GRADE rules of the review, declared once as data: the certainty module applies
 * them, the methods page prints them, and every reason a reader sees is generated from
 * these numbers. Changing a threshold here changes every rating and every sentence.
 */

/** GRADE's four levels, highest first; a rating is an index into this list. */
export const CERTAINTY_LEVELS = ['high', 'moderate', 'low', 'very low'] as const;
export type CertaintyLevel = (typeof CERTAINTY_LEVELS)[number];

export const CERTAINTY_DOMAINS = ['riskOfBias', 'inconsistency', 'indirectness', 'imprecision', 'publicationBias'] as const;
export type CertaintyDomain = (typeof CERTAINTY_DOMAINS)[number];

export const CERTAINTY_DOMAIN_LABELS: Record<CertaintyDomain, string> = {
  riskOfBias: 'Risk of bias',
  inconsistency: 'Inconsistency',
  indirectness: 'Indirectness',
  imprecision: 'Imprecision',
  publicationBias: 'Publication bias',
};

/**
 * Core GRADE (Guyatt et al., BMJ 2025) for a rate in a defined population, read against the decision
 * threshold of content/thresholds.yaml where one is sourced: the rating is the certainty that the true
 * rate lies above (benefit) or below (harm) that threshold; without one, the certainty in the rate itself.
 */
export const CERTAINTY_RULES = {
  /**
   * A rate (response, an adverse event) in a defined population is a question of prognosis, not of
   * a comparison: GRADE starts evidence from cohorts that measured it at high (Iorio et al., BMJ
   * 2015;350:h870). Single-arm trials are such cohorts. Set against a threshold from another
   * population, the question becomes comparative, and the missing comparator is indirectness.
   */
  start: 'high' as CertaintyLevel,
  riskOfBias: {
    /** Very serious when trials at high overall risk carry more than this share of the analysis weight. */
    verySeriousHighShare: 0.5,
    /** Serious when trials at high or unclear overall risk carry more than this share. */
    seriousNotLowShare: 0.5,
  },
  inconsistency: {
    /** Below this many trials (not cohorts) inconsistency cannot be seen, and GRADE does not downgrade for it. */
    minTrials: 2,
    /** Without a threshold: serious from this I², very serious from the next with intervals that share no value. */
    seriousI2: 50,
    verySeriousI2: 75,
  },
  indirectness: {
    /** Levels for a comparison with a rate from other patients (a threshold), with no concurrent comparator. */
    noComparator: 1,
  },
  imprecision: {
    /** An interval wider than this (proportion scale) is very wide: two levels when it also crosses the threshold. */
    veryWide: 0.4,
    /** Without a threshold: serious above this width, very serious above `veryWide`. */
    wide: 0.2,
  },
  publicationBias: {
    /** Funnel plots and Egger's test need at least this many trials (Cochrane Handbook, chapter 13). */
    minK: 10,
  },
} as const;

/** Every rule a domain rating can come from: each rating names its id, and Methods prints them. */
export const CERTAINTY_RULE_IDS = [
  'risk-of-bias.weighted-share',
  'inconsistency.single-trial',
  'inconsistency.threshold-sides',
  'inconsistency.i2-overlap',
  'inconsistency.within-populations',
  'indirectness.reviewers-and-comparator',
  'imprecision.crosses-threshold',
  'imprecision.interval-width',
  'publication-bias.reviewers',
] as const;
export type CertaintyRuleId = (typeof CERTAINTY_RULE_IDS)[number];
