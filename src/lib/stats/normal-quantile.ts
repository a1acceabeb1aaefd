import quantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * Standard normal quantile, R's `qnorm(p)`.
 * @example normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  return quantile(p, 0, 1);
}
