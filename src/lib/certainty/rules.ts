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
    /** Below this many trials inconsistency cannot be seen, and GRADE does not downgrade for it. */
    minK: 2,
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
    /** Funnel plots and Egger's test need at least this many trials (Cochrane Handbook, chapter 13). */
    minK: 10,
  },
} as const;
