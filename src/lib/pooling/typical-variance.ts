/**
 * metafor's "typical" within-study variance for I² and H² (Higgins & Thompson 2002):
 * ṽ = (k - 1) / (ΣW - ΣW²/ΣW) with W = 1/vi, as `rma()` and `rma.glmm()` compute it
 * (`vt <- (k - p) / tr(P)` for the intercept-only model). NaN or Infinity for k = 1.
 * @example typicalVariance(Float64Array.of(0.5, 0.5)) // 0.5
 */
export function typicalVariance(vi: ArrayLike<number>): number {
  let sumW = 0;
  let sumW2 = 0;
  for (let i = 0; i < vi.length; i++) {
    const w = 1 / vi[i]!;
    sumW += w;
    sumW2 += w * w;
  }
  return (vi.length - 1) / (sumW - sumW2 / sumW);
}
