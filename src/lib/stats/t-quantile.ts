import quantile from '@stdlib/stats-base-dists-t-quantile';

/**
 * Student t quantile with `df` degrees of freedom, R's `qt(p, df)`.
 * @example tQuantile(0.975, 4) // 2.7764451051977934
 */
export function tQuantile(p: number, df: number): number {
  return quantile(p, df);
}
