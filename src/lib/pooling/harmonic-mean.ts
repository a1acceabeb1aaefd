/**
 * Harmonic mean of sample sizes, `1 / mean(1 / ni)`: the single n that metafor's
 * `transf.ipft.hm` uses to back-transform a pooled Freeman–Tukey value.
 * @example harmonicMean([10, 40]) // 16
 */
export function harmonicMean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += 1 / values[i]!;
  return values.length / sum;
}
