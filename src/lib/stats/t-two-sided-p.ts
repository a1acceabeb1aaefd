import { incompleteBeta } from './special.ts';

/**
 * Two-sided p value of a t statistic, R's `2 * pt(abs(t), df, lower.tail = FALSE)`:
 * I_x(df/2, 1/2) with x = df / (df + t²), computed on the tail so tiny p values keep their precision.
 * @example tTwoSidedP(2.7764451051977987, 4) // 0.05
 */
export function tTwoSidedP(t: number, df: number): number {
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}
