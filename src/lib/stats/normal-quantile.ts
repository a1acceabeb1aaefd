import { normalCdf } from './normal-cdf.ts';
import { solveIncreasing } from './special.ts';

const density = (x: number) => Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI);

/**
 * Standard normal quantile, R's `qnorm(p)`, by Newton's method on the distribution function.
 * @example normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  return solveIncreasing(normalCdf, density, p, -40, 40, 0);
}
