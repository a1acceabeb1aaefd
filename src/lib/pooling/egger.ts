import { tTwoSidedP } from '../stats/t-two-sided-p.ts';
import type { EggerTest } from './types.ts';

/**
 * Egger's regression test, metafor's `regtest(res, model="lm")`: weighted least squares
 * of yi on sei = sqrt(vi) with weights 1/vi and a free residual scale; the test is on the
 * slope, `t = b / se(b)` on k - 2 df. Equivalent to Egger et al. (1997), BMJ 315:629.
 * null when not estimable: k < 3, all SEs equal, or a perfect fit (for example all yi equal,
 * where metafor's lm reports a t made of rounding noise).
 * @example egger(Float64Array.of(0.1, 0.3, 0.2, 0.5), Float64Array.of(0.01, 0.04, 0.09, 0.16)) // { t: 2.526…, df: 2, p: 0.1274… }
 */
export function egger(yi: Float64Array, vi: Float64Array): EggerTest | null {
  const k = yi.length;
  if (k < 3) return null;
  let sumW = 0;
  let sumWx = 0;
  let sumWy = 0;
  let sumWxx = 0;
  let sumWyy = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / vi[i]!;
    const x = Math.sqrt(vi[i]!);
    sumW += w;
    sumWx += w * x;
    sumWy += w * yi[i]!;
    sumWxx += w * x * x;
    sumWyy += w * yi[i]! ** 2;
  }
  const xBar = sumWx / sumW;
  const yBar = sumWy / sumW;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / vi[i]!;
    const dx = Math.sqrt(vi[i]!) - xBar;
    sxx += w * dx * dx;
    sxy += w * dx * (yi[i]! - yBar);
  }
  if (!(sxx > 1e-12 * sumWxx)) return null;
  const slope = sxy / sxx;
  let rss = 0;
  for (let i = 0; i < k; i++) {
    const fitted = yBar + slope * (Math.sqrt(vi[i]!) - xBar);
    rss += (yi[i]! - fitted) ** 2 / vi[i]!;
  }
  if (!(rss > 1e-20 * sumWyy)) return null;
  const df = k - 2;
  const t = slope / Math.sqrt(rss / df / sxx);
  if (!Number.isFinite(t)) return null;
  return { t, df, p: tTwoSidedP(t, df) };
}
