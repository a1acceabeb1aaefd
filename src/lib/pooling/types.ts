/** Shared vocabulary of the pooling module (metafor's names: yi, vi, tau2, I2, H2, Q, k); the method and measure codes are the review's vocabulary. */
import type { Measure, PoolingMethod, Tau2Method } from '../vocabulary/codes.ts';

export { MEASURES, POOLING_METHODS, TAU2_METHODS, type Measure, type PoolingMethod, type Tau2Method } from '../vocabulary/codes.ts';

export interface StudyInput {
  study: string;
  events: number;
  total: number;
  group?: string;
  year?: number;
}

export interface PoolingOptions {
  measure?: Measure;
  method?: PoolingMethod;
  /** Hartung–Knapp for the inverse-variance models; with GLMM, t(k - 1) critical values (`rma.glmm(test = "t")`). */
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
  /** Higgins–Thompson–Spiegelhalter prediction interval, t on k - 2 df; null for k < 3. */
  piHts: Interval | null;
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

export interface StudyResult<Weight extends number | null = number> {
  study: string;
  events: number;
  total: number;
  proportion: number;
  ci: Interval;
  /** Random-effects weight in percent; null for GLMM, which has no inverse-variance weights. */
  weight: Weight;
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

/** A refit (leave-one-out, cumulative, subgroup) that gave no number: why, in words, in place of its estimate. */
export interface RefitProblem {
  problem: string;
}

/** A refit's estimate on the proportion scale, or its problem. */
export type RefitEstimate = { proportion: number; ci: Interval } | RefitProblem;

export type LeaveOneOutResult = { omitted: string } & RefitEstimate;

export type CumulativeResult = { study: string } & RefitEstimate;

export interface FunnelData {
  studies: { study: string; yi: number; sei: number }[];
  pooledEffect: number;
  /** Pseudo 95% limits pooledEffect ± z·sei, straight lines given at sei = 0 and the largest sei. */
  limits: { sei: number; lower: number; upper: number }[];
}

/**
 * The result of `analyse()`. `Weight` is `number` for the inverse-variance methods and
 * `number | null` once GLMM is possible (its study weights are null).
 */
export interface MetaAnalysis<Weight extends number | null = number> {
  k: number;
  measure: Measure;
  /** An inverse-variance result (`Weight` = number) is never GLMM. */
  method: [Weight] extends [number] ? Tau2Method : PoolingMethod;
  hakn: boolean;
  pooled: PooledSummary;
  /** Higgins–Thompson–Spiegelhalter prediction interval on the proportion scale (t, k - 2 df); null for k < 3. */
  piHts: Interval | null;
  /**
   * For GLMM, Q / df / pQ are the likelihood-ratio test of heterogeneity (`rma.glmm` QE.LRT) and
   * I² / H² use the escalc sampling variances, as rma.glmm computes them; otherwise Cochran's Q.
   */
  heterogeneity: Heterogeneity;
  heterogeneityTest: 'Cochran Q' | 'likelihood ratio';
  /** GLMM only: the logit-scale fit and rma.glmm's Wald test (null with a 0/n or n/n study). */
  glmm?: { estimate: number; se: number; QE_Wld: number | null; pWld: number | null };
  egger: EggerTest | null;
  funnel: FunnelData | null;
  studies: StudyResult<Weight>[];
  /** What was not computed for this model, and why, in words. */
  notes: string[];
  /** Present when every study has a group. */
  subgroups?: SubgroupResult[];
  /** null when a subgroup SE is 0 or there is one subgroup (see betweenTest). */
  between?: BetweenTest | null;
  /** Mixed-effects test with one common tau² (`rma(yi, vi, mods = ~ group)$QM`); inverse-variance methods only. */
  mixedBetween?: MixedSubgroupTest | null;
  /** Present when k >= 2. */
  leaveOneOut?: LeaveOneOutResult[];
  /** Present when every study has a year. */
  cumulative?: CumulativeResult[];
}

export interface MixedSubgroupTest {
  /** Wald chi-square on df (z test), or F on (df, df2) with Hartung–Knapp. */
  QM: number;
  df: number;
  /** Denominator df of the F test with Hartung–Knapp; null for the z test. */
  df2: number | null;
  p: number;
  /** The common (residual) tau² across subgroups. */
  tau2: number;
}
