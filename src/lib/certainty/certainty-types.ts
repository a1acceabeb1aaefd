import type { RobJudgement } from '../schema/risk-of-bias.ts';
import type { CertaintyDomain, CertaintyLevel } from '../vocabulary/codes.ts';
import type { CertaintyRuleId } from '../rules/thresholds.ts';

export type DowngradeLevel = 0 | 1 | 2;

/** One GRADE domain: how many levels it takes off, why, and the rule and numbers it came from. */
export interface DomainRating {
  downgrade: DowngradeLevel;
  reason: string;
  rule: CertaintyRuleId;
  /** The figures the rule read, by name; what a reader needs to redo the judgement. */
  inputs: Record<string, number | string | null>;
  /** Set where the review team's recorded judgement enters the domain (indirectness, publication bias). */
  judged: boolean;
}

/** The rate a population's figure is read against, and which side of it the reader hopes for. */
export interface ThresholdQuestion {
  value: number;
  /** `above` for a benefit (response), `below` for a harm. */
  side: 'above' | 'below';
}

/** What the computed rules read from one population's figure. */
export interface CertaintyInput {
  /** Studies (cohorts) and the distinct trials they come from: GRADE counts trials. */
  k: number;
  trials: number;
  patients: number;
  events: number;
  proportion: number;
  /** The interval judged: the Bayesian 95 % credible interval where one is computed, else the 95 % confidence interval. */
  interval: [number, number];
  intervalKind: 'credible' | 'confidence';
  /** Null when nothing is pooled (no events, one study). */
  I2: number | null;
  threshold: ThresholdQuestion | null;
  /**
   * Every study, with its weight (percent) and its trial's overall risk of bias: the model's
   * inverse-variance weight, or the study's share of patients where the model has none (GLMM,
   * or nothing pooled).
   */
  studies: { id: string; nct: string; weight: number; proportion: number; ci: [number, number]; risk: RobJudgement }[];
}

export interface OutcomeCertainty {
  start: CertaintyLevel;
  rating: CertaintyLevel;
  domains: Record<CertaintyDomain, DomainRating>;
}
