import cdf from '@stdlib/stats-base-dists-normal-cdf';

/**
 * Standard normal distribution function, R's `pnorm(x)`.
 * @example normalCdf(-1.959963984540054) // 0.025
 */
export function normalCdf(x: number): number {
  return cdf(x, 0, 1);
}
