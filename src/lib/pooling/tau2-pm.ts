import { groupCount } from './group-count.ts';
import { ModelFailure } from './model-failure.ts';

/**
 * Paule–Mandel tau²: the root of the generalised Q, `Σ w (yi - μ̂)² = k - 1` with
 * w = 1/(vi + tau2), or 0 when Q at tau2 = 0 is already below k - 1 (metafor
 * `rma(method="PM")`, which finds the root with uniroot to 1e-5; this goes to ~1e-13).
 * The generalised Q decreases in tau2 with derivative `-Σ w² (yi - μ̂)²`, so Newton steps
 * are used inside a bracket [0, sample variance of yi] (the upper end always has Q ≤ k - 1).
 * `groups` (0-based group index per study, G groups) fits `mods = ~ factor(group)`: the
 * generalised Q uses each group's own weighted mean and is set equal to k - G.
 * Throws `Paule-Mandel did not converge` at its 200-iteration cap.
 * @example tau2PM(Float64Array.of(-1, 0, 1), Float64Array.of(0.1, 0.1, 0.1)) // 0.9
 */
export function tau2PM(yi: Float64Array, vi: Float64Array, groups?: Int32Array): number {
  const k = yi.length;
  const g = groups ?? new Int32Array(k);
  const G = groupCount(g);
  let lo = 0;
  let f = excessQ(yi, vi, 0, g, G);
  if (f.value <= 0) return 0;
  // Upper end: the within-group variance RSS / (k - G), where the generalised Q is at most k - G.
  const means = new Float64Array(G);
  const counts = new Float64Array(G);
  for (let i = 0; i < k; i++) {
    means[g[i]!]! += yi[i]!;
    counts[g[i]!]! += 1;
  }
  let hi = 0;
  for (let i = 0; i < k; i++) hi += (yi[i]! - means[g[i]!]! / counts[g[i]!]!) ** 2;
  hi /= k - G;
  let tau2 = 0;
  for (let iter = 0; iter < 200; iter++) {
    let next = tau2 - f.value / f.slope;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    const step = Math.abs(next - tau2);
    tau2 = next;
    f = excessQ(yi, vi, tau2, g, G);
    if (f.value > 0) lo = tau2;
    else hi = tau2;
    if (f.value === 0 || step <= 1e-13 * tau2 || hi - lo <= 1e-14 * hi) return tau2;
  }
  // Unreachable in exact arithmetic (bisection alone halves the bracket 200 times); a cap, not a hang.
  throw new ModelFailure('PM', 'did not converge in 200 iterations');
}

/** Generalised Q minus its expectation k - G, and its derivative in tau2. */
function excessQ(yi: Float64Array, vi: Float64Array, tau2: number, g: Int32Array, G: number): { value: number; slope: number } {
  const k = yi.length;
  const sumW = new Float64Array(G);
  const sumWy = new Float64Array(G);
  for (let i = 0; i < k; i++) {
    const w = 1 / (vi[i]! + tau2);
    sumW[g[i]!]! += w;
    sumWy[g[i]!]! += w * yi[i]!;
  }
  let q = 0;
  let slope = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / (vi[i]! + tau2);
    const wr2 = w * (yi[i]! - sumWy[g[i]!]! / sumW[g[i]!]!) ** 2;
    q += wr2;
    slope -= w * wr2;
  }
  return { value: q - (k - G), slope };
}
