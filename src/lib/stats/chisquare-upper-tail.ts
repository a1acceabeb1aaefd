import cdf from '@stdlib/stats-base-dists-chisquare-cdf';

/**
 * Upper tail of the chi-square distribution, R's `pchisq(x, df, lower.tail = FALSE)`:
 * the p value of a heterogeneity Q. Values below about 1e-16 come out as 0.
 * With df = 0 (k = 1, or a single subgroup) Q is 0 by construction, and metafor reports p = 1;
 * any positive x there is rounding, so the answer is 1 whatever x.
 * @example chiSquareUpperTail(3.841458820694124, 1) // 0.05
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (df === 0) return 1;
  return Math.max(0, 1 - cdf(x, df));
}
