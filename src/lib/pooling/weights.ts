/**
 * Random-effects weights in percent, metafor's `weights(res)`: `100 w / Σw`, w = 1/(vi + tau2).
 * @example reWeights(Float64Array.of(0.1, 0.3), 0.1) // [66.666…, 33.333…]
 */
export function reWeights(vi: Float64Array, tau2: number): Float64Array {
  const k = vi.length;
  const weights = new Float64Array(k);
  let sum = 0;
  for (let i = 0; i < k; i++) {
    weights[i] = 1 / (vi[i]! + tau2);
    sum += weights[i]!;
  }
  for (let i = 0; i < k; i++) weights[i] = (100 * weights[i]!) / sum;
  return weights;
}
