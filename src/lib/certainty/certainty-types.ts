import type { RobJudgement } from '../schema/risk-of-bias.ts';
import type { CertaintyDomain, CertaintyLevel } from '../vocabulary/codes.ts';

export type DowngradeLevel = 0 | 1 | 2;

/** One GRADE domain: how many levels it takes off, and why. */
export interface DomainRating {
  downgrade: DowngradeLevel;
  reason: string;
}

/** What the computed rules read from one outcome's primary analysis. */
export interface CertaintyInput {
  k: number;
  patients: number;
  events: number;
  proportion: number;
  ci: [number, number];
  /** Null when nothing is pooled or fewer studies than a prediction interval needs. */
  pi: [number, number] | null;
  /** Null when nothing is pooled (no events, one study). */
  I2: number | null;
  /**
   * Every study, with its weight (percent) and its trial's overall risk of bias: the model's
   * inverse-variance weight, or the study's share of patients where the model has none (GLMM,
   * or nothing pooled).
   */
  studies: { id: string; weight: number; ci: [number, number]; risk: RobJudgement }[];
}

export interface OutcomeCertainty {
  start: CertaintyLevel;
  rating: CertaintyLevel;
  domains: Record<CertaintyDomain, DomainRating>;
}
