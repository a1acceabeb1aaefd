/**
 * Every threshold of the review's inference, declared once as data: the analysis (which
 * figures are formed), the GRADE certainty rules (when a domain is downgraded), the Methods
 * page and the browser's re-analysis all read these numbers, and every sentence a reader sees
 * about a rule is generated from them. Changing a value here changes every figure, rating and
 * sentence; nothing else may repeat it.
 */
import type { CertaintyLevel, ThresholdName } from '../vocabulary/codes.ts';

/** The analysis: when a figure is pooled, given a prediction interval, a funnel plot, subgroups. */
export const THRESHOLDS = {
  /** Fewest studies a pooled estimate is formed from; below it the study stands alone. */
  poolMinStudies: 2,
  /** Fewest studies a prediction interval is given for (t on k − 2 df needs k − 2 >= 1). */
  predictionMinStudies: 3,
  /** Fewest studies for a funnel plot or Egger's test (Cochrane Handbook, section 13.3.5.4). */
  smallStudyMinStudies: 10,
  /** A subgroup analysis needs this many subgroups ... */
  subgroupMinGroups: 2,
  /** ... each with at least this many studies. */
  subgroupMinStudies: 2,
  /** Months after its primary completion a trial without results counts as overdue (FDAAA 801 asks for results within 12). */
  reportingGapMonths: 12,
} as const satisfies Record<ThresholdName, number>;

/**
 * The GRADE rules' cut-offs; where a rule rests on an analysis threshold it reads that one.
 * Core GRADE (Guyatt et al., BMJ 2025) for a rate in a defined population, read against the
 * decision threshold of content/thresholds.yaml where one is sourced: the rating is the certainty
 * that the true rate lies above (benefit) or below (harm) that threshold; without one, the
 * certainty in the rate itself.
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
    /** Below this many trials (counted as trials, not cohorts) inconsistency cannot be seen, and GRADE does not downgrade for it. */
    minTrials: THRESHOLDS.poolMinStudies,
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
    /** Funnel plots and Egger's test need at least this many trials: the analysis's own minimum. */
    minK: THRESHOLDS.smallStudyMinStudies,
    /** Serious at least when this many trials in the review are overdue (the reporting gap, THRESHOLDS.reportingGapMonths). */
    seriousOverdue: 1,
  },
} as const;

/**
 * Every rule a GRADE domain rating can come from: each rating names its id, the evidence profile
 * prints it, and Methods lists them. The decision thresholds themselves are content
 * (content/thresholds.yaml, schema/thresholds.ts), each with its published source.
 */
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
  'publication-bias.reporting-gap',
] as const;
export type CertaintyRuleId = (typeof CERTAINTY_RULE_IDS)[number];
