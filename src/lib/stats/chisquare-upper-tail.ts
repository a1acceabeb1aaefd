import { incompleteGammaUpper } from './special.ts';

/**
 * Upper tail of the chi-square distribution, R's `pchisq(x, df, lower.tail = FALSE)`:
 * the p value of a heterogeneity Q. Computed as the regularized upper incomplete gamma
 * function Q(df/2, x/2) directly, not as 1 - cdf, so tiny p values keep their digits.
 * With df = 0 (k = 1, or a single subgroup) Q is 0 by construction, and metafor reports p = 1;
 * any positive x there is rounding, so the answer is 1 whatever x.
 * @example chiSquareUpperTail(3.841458820694124, 1) // 0.05
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (df === 0) return 1;
  if (x <= 0) return 1;
  return incompleteGammaUpper(df / 2, x / 2);
}
