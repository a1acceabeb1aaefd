import cdf from '@stdlib/stats-base-dists-t-cdf';

/**
 * Two-sided p value of a t statistic, R's `2 * pt(abs(t), df, lower.tail = FALSE)`.
 * Uses the lower tail at -|t| so that tiny p values keep their precision.
 * @example tTwoSidedP(2.7764451051977987, 4) // 0.05
 */
export function tTwoSidedP(t: number, df: number): number {
  return 2 * cdf(-Math.abs(t), df);
}
