/**
 * Every threshold of the review's inference, declared once as data: the analysis (which
 * figures are formed), the GRADE certainty rules (when a domain is downgraded), the Methods
 * page and the browser's re-analysis all read these numbers, and every sentence a reader sees
 * about a rule is generated from them. Changing a value here changes every figure, rating and
 * sentence; nothing else may repeat it.
 */
import type { CertaintyLevel, ThresholdName } from '../vocabulary/codes.ts';
import type { BinaryOutcomeKey } from '../vocabulary/outcomes.ts';

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

/** The GRADE rules' cut-offs; where a rule rests on an analysis threshold it reads that one. */
export const CERTAINTY_RULES = {
  /** Single-arm trials have no comparison group: GRADE starts such evidence at low. */
  start: 'low' as CertaintyLevel,
  riskOfBias: {
    /** Very serious when trials at high overall risk carry more than this share of the analysis weight. */
    verySeriousHighShare: 0.5,
    /** Serious when trials at high or unclear overall risk carry more than this share. */
    seriousNotLowShare: 0.5,
  },
  inconsistency: {
    /** Below this many trials nothing is pooled, inconsistency cannot be seen, and GRADE does not downgrade for it. */
    minK: THRESHOLDS.poolMinStudies,
    seriousI2: 50,
    verySeriousI2: 75,
    /** Serious when the 95 % prediction interval is wider than the confidence interval by more than this (proportion scale). */
    seriousPiExcess: 0.25,
  },
  imprecision: {
    seriousPatients: 100,
    verySeriousPatients: 30,
    seriousEvents: 10,
    /** Width of the 95 % confidence interval of the pooled proportion. */
    seriousCiWidth: 0.2,
    verySeriousCiWidth: 0.4,
    seriousK: 3,
  },
  publicationBias: {
    /** Funnel plots and Egger's test need at least this many trials: the analysis's own minimum. */
    minK: THRESHOLDS.smallStudyMinStudies,
  },
} as const;

/**
 * A decision threshold: the proportion against which GRADE judges imprecision (does the interval
 * cross it?), with the published source it is taken from. The slot where such thresholds are
 * declared; none is adopted yet, so imprecision is judged by sample size and interval width.
 */
export interface DecisionThreshold {
  outcome: BinaryOutcomeKey;
  proportion: number;
  source: string;
}

export const DECISION_THRESHOLDS: DecisionThreshold[] = [];
