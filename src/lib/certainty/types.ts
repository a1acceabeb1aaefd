import type { RobJudgement } from '../schema/risk-of-bias.ts';
import type { CertaintyDomain, CertaintyLevel } from './rules.ts';

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
  pi: [number, number];
  I2: number;
  /** Every pooled study, with its random-effects weight (percent) and its trial's overall risk of bias. */
  studies: { id: string; weight: number; ci: [number, number]; risk: RobJudgement }[];
}

export interface OutcomeCertainty {
  start: CertaintyLevel;
  rating: CertaintyLevel;
  domains: Record<CertaintyDomain, DomainRating>;
}
