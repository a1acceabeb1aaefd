import { betaQuantile } from './special.ts';

/**
 * Exact (Clopper–Pearson) confidence interval for `events` out of `total`, R's
 * `binom.test(events, total)$conf.int`: the alpha/2 quantile of Beta(x, n - x + 1) and the
 * 1 - alpha/2 quantile of Beta(x + 1, n - x), pinned to 0 and 1 when x = 0 or x = n.
 * @example clopperPearson(3, 10) // [0.06673951117773447, 0.6524528500599972]
 */
export function clopperPearson(events: number, total: number, level = 0.95): [number, number] {
  const alpha = 1 - level;
  const lower = events === 0 ? 0 : betaQuantile(alpha / 2, events, total - events + 1);
  const upper = events === total ? 1 : betaQuantile(1 - alpha / 2, events + 1, total - events);
  return [lower, upper];
}
