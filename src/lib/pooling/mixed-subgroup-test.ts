import { incompleteBeta } from '../stats/special.ts';
import { chiSquareUpperTail } from '../stats/chisquare-upper-tail.ts';
import { groupCount } from './group-count.ts';
import { tau2PM } from './tau2-pm.ts';
import { tau2REML } from './tau2-reml.ts';
import type { MixedSubgroupTest, Tau2Method } from './types.ts';

/** The subgroup model's tau² per method; one entry per method, so a method without one does not compile. */
const GROUPED_TAU2: Record<Tau2Method, (yi: Float64Array, vi: Float64Array, groups: Int32Array, G: number) => number> = {
  DL: tau2DLGrouped,
  REML: (yi, vi, groups) => tau2REML(yi, vi, groups),
  PM: (yi, vi, groups) => tau2PM(yi, vi, groups),
};

/**
 * Test for subgroup differences in the mixed-effects model with one common tau²
 * (Borenstein et al. 2009, ch. 19), metafor `rma(yi, vi, mods = ~ factor(group), method, test)$QM`:
 * tau² from the residual heterogeneity (DL: (QE - (k - G)) / tr P; REML and PM as for one group,
 * with a mean per group), weights w = 1/(vi + tau²), QM = Σ_g W_g (ȳ_g - ȳ)² on G - 1 df.
 * Hartung–Knapp (test = "knha"): F = QM / ((G - 1) s²) on (G - 1, k - G) df with
 * s² = Σ w (yi - ȳ_g)² / (k - G), and s² = 0 below machine epsilon as metafor sets it, where the
 * test is undefined (null). null with fewer than two groups, or no residual df (k = G).
 * `groups` is a 0-based group index per study.
 * @example mixedSubgroupTest(yi, vi, Int32Array.of(0, 0, 1, 1), { method: 'DL', hakn: false })?.df // 1
 */
export function mixedSubgroupTest(
  yi: Float64Array,
  vi: Float64Array,
  groups: Int32Array,
  options: { method: Tau2Method; hakn: boolean },
): MixedSubgroupTest | null {
  const k = yi.length;
  const G = groupCount(groups);
  if (G < 2 || k <= G) return null;
  const tau2 = GROUPED_TAU2[options.method](yi, vi, groups, G);
  const sumW = new Float64Array(G);
  const sumWy = new Float64Array(G);
  for (let i = 0; i < k; i++) {
    const w = 1 / (vi[i]! + tau2);
    sumW[groups[i]!]! += w;
    sumWy[groups[i]!]! += w * yi[i]!;
  }
  let total = 0;
  let totalY = 0;
  for (let j = 0; j < G; j++) {
    total += sumW[j]!;
    totalY += sumWy[j]!;
  }
  const mean = totalY / total;
  let QM = 0;
  for (let j = 0; j < G; j++) QM += sumW[j]! * (sumWy[j]! / sumW[j]! - mean) ** 2;
  const df = G - 1;
  if (!options.hakn) return { QM, df, df2: null, p: chiSquareUpperTail(QM, df), tau2 };
  let rss = 0;
  for (let i = 0; i < k; i++) rss += (yi[i]! - sumWy[groups[i]!]! / sumW[groups[i]!]!) ** 2 / (vi[i]! + tau2);
  if (rss <= Number.EPSILON) return null;
  const df2 = k - G;
  const F = QM / df / (rss / df2);
  // Upper tail of F(df, df2): the regularised incomplete beta I_{df2 / (df2 + df F)}(df2/2, df/2).
  return { QM: F, df, df2, p: incompleteBeta(df2 / (df2 + df * F), df2 / 2, df / 2), tau2 };
}

/** DerSimonian–Laird tau² of the subgroup model: max(0, (QE - (k - G)) / tr P) with W = 1/vi. */
function tau2DLGrouped(yi: Float64Array, vi: Float64Array, groups: Int32Array, G: number): number {
  const sumW = new Float64Array(G);
  const sumWy = new Float64Array(G);
  const sumW2 = new Float64Array(G);
  for (let i = 0; i < yi.length; i++) {
    const w = 1 / vi[i]!;
    sumW[groups[i]!]! += w;
    sumWy[groups[i]!]! += w * yi[i]!;
    sumW2[groups[i]!]! += w * w;
  }
  let QE = 0;
  for (let i = 0; i < yi.length; i++) QE += (yi[i]! - sumWy[groups[i]!]! / sumW[groups[i]!]!) ** 2 / vi[i]!;
  let trP = 0;
  for (let j = 0; j < G; j++) trP += sumW[j]! - sumW2[j]! / sumW[j]!;
  return trP > 0 ? Math.max(0, (QE - (yi.length - G)) / trP) : 0;
}
