import { normalQuantile } from './normal-quantile.ts';
import { betaQuantile } from './special.ts';

// Every fit asks for the same few quantiles (0.975 at k - 1 or k - 2 df): compute each once.
const cache = new Map<string, number>();

/**
 * Student t quantile with `df` degrees of freedom, R's `qt(p, df)`. The two-sided tail
 * P(|T| > t) is I_x(df/2, 1/2) with x = df / (df + t²), so t follows from a beta quantile;
 * near the centre the complementary form keeps 1 - x exact.
 * @example tQuantile(0.975, 4) // 2.7764451051977934
 */
export function tQuantile(p: number, df: number): number {
  if (p === 0.5) return 0;
  const key = `${p} ${df}`;
  let t = cache.get(key);
  if (t === undefined) {
    const tail = 2 * Math.min(p, 1 - p);
    // First guess from the normal quantile with its first Cornish–Fisher correction: Newton then needs few steps.
    const z = Math.abs(normalQuantile(tail / 2));
    const guess = z + (z ** 3 + z) / (4 * df);
    const x0 = df / (df + guess * guess);
    if (tail < 0.5) {
      const x = betaQuantile(tail, df / 2, 0.5, x0);
      t = Math.sqrt((df * (1 - x)) / x);
    } else {
      const y = betaQuantile(1 - tail, 0.5, df / 2, 1 - x0);
      t = Math.sqrt((df * y) / (1 - y));
    }
    cache.set(key, t);
  }
  return p < 0.5 ? -t : t;
}
