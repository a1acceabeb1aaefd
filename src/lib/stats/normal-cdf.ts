import { incompleteGammaUpper } from './special.ts';

/**
 * Standard normal distribution function, R's `pnorm(x)`: Φ(x) = Q(1/2, x²/2) / 2 below 0,
 * so the lower tail keeps its digits, and its complement above.
 * @example normalCdf(-1.959963984540054) // 0.025
 */
export function normalCdf(x: number): number {
  const tail = incompleteGammaUpper(0.5, (x * x) / 2) / 2;
  return x < 0 ? tail : 1 - tail;
}
