/**
 * Paule–Mandel tau²: the root of the generalised Q, `Σ w (yi - μ̂)² = k - 1` with
 * w = 1/(vi + tau2), or 0 when Q at tau2 = 0 is already below k - 1 (metafor
 * `rma(method="PM")`, which finds the root with uniroot to 1e-5; this goes to ~1e-13).
 * The generalised Q decreases in tau2 with derivative `-Σ w² (yi - μ̂)²`, so Newton steps
 * are used inside a bracket [0, sample variance of yi] (the upper end always has Q ≤ k - 1).
 * @example tau2PM(Float64Array.of(-1, 0, 1), Float64Array.of(0.1, 0.1, 0.1)) // 0.9
 */
export function tau2PM(yi: Float64Array, vi: Float64Array): number {
  const k = yi.length;
  let lo = 0;
  let f = excessQ(yi, vi, 0);
  if (f.value <= 0) return 0;
  let mean = 0;
  for (let i = 0; i < k; i++) mean += yi[i]!;
  mean /= k;
  let hi = 0;
  for (let i = 0; i < k; i++) hi += (yi[i]! - mean) ** 2;
  hi /= k - 1;
  let tau2 = 0;
  for (let iter = 0; iter < 200; iter++) {
    let next = tau2 - f.value / f.slope;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    const step = Math.abs(next - tau2);
    tau2 = next;
    f = excessQ(yi, vi, tau2);
    if (f.value > 0) lo = tau2;
    else hi = tau2;
    if (f.value === 0 || step <= 1e-13 * tau2 || hi - lo <= 1e-14 * hi) break;
  }
  return tau2;
}

/** Generalised Q minus its expectation k - 1, and its derivative in tau2. */
function excessQ(yi: Float64Array, vi: Float64Array, tau2: number): { value: number; slope: number } {
  const k = yi.length;
  let sumW = 0;
  let sumWy = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / (vi[i]! + tau2);
    sumW += w;
    sumWy += w * yi[i]!;
  }
  const est = sumWy / sumW;
  let q = 0;
  let slope = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / (vi[i]! + tau2);
    const wr2 = w * (yi[i]! - est) ** 2;
    q += wr2;
    slope -= w * wr2;
  }
  return { value: q - (k - 1), slope };
}
