/** Shared vocabulary of the pooling module (metafor's names: yi, vi, tau2, I2, H2, Q, k). */

/** The transformations, as values: controls and tables list them from here, so a new one appears everywhere. */
export const MEASURES = ['PLO', 'PFT', 'PAS', 'PR'] as const;
export type Measure = (typeof MEASURES)[number];
/** The estimators `analyse()` accepts as `method`. */
export const TAU2_METHODS = ['DL', 'REML', 'PM'] as const;
export type Tau2Method = (typeof TAU2_METHODS)[number];

export interface StudyInput {
  study: string;
  events: number;
  total: number;
  group?: string;
  year?: number;
}

export interface PoolingOptions {
  measure?: Measure;
  method?: Tau2Method;
  hakn?: boolean;
}

export type Interval = [number, number];

export interface Heterogeneity {
  tau2: number;
  Q: number;
  df: number;
  pQ: number;
  I2: number;
  H2: number;
}

/** One random-effects fit on the transformed scale, as `rma(yi, vi, method, test)` returns it. */
export interface RmaFit extends Heterogeneity {
  k: number;
  estimate: number;
  se: number;
  ci: Interval;
  pi: Interval;
}

export interface PooledSummary {
  proportion: number;
  ci: Interval;
  pi: Interval;
}


export interface EggerTest {
  t: number;
  df: number;
  p: number;
}

export interface StudyResult {
  study: string;
  events: number;
  total: number;
  proportion: number;
  ci: Interval;
  weight: number;
  yi: number;
  vi: number;
}

export interface SubgroupResult {
  group: string;
  k: number;
  proportion: number;
  ci: Interval;
  tau2: number;
  I2: number;
}

export interface BetweenTest {
  Q: number;
  df: number;
  p: number;
}

export interface LeaveOneOutResult {
  omitted: string;
  proportion: number;
  ci: Interval;
}

export interface CumulativeResult {
  study: string;
  proportion: number;
  ci: Interval;
}

export interface FunnelData {
  studies: { study: string; yi: number; sei: number }[];
  pooledEffect: number;
  /** Pseudo 95% limits pooledEffect ± z·sei, straight lines given at sei = 0 and the largest sei. */
  limits: { sei: number; lower: number; upper: number }[];
}

export interface MetaAnalysis {
  k: number;
  measure: Measure;
  method: Tau2Method;
  hakn: boolean;
  pooled: PooledSummary;
  heterogeneity: Heterogeneity;
  egger: EggerTest | null;
  funnel: FunnelData | null;
  studies: StudyResult[];
  /** Present when every study has a group. */
  subgroups?: SubgroupResult[];
  /** null when a subgroup SE is 0 (see betweenTest). */
  between?: BetweenTest | null;
  /** Present when k >= 2. */
  leaveOneOut?: LeaveOneOutResult[];
  /** Present when every study has a year. */
  cumulative?: CumulativeResult[];
}
