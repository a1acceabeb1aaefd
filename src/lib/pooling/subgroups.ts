import { chiSquareUpperTail } from '../stats/chisquare-upper-tail.ts';
import { rma, type RmaOptions } from './rma.ts';
import type { BetweenTest, RmaFit } from './types.ts';

export interface SubgroupFit {
  group: string;
  /** Indices of the group's studies in the input. */
  members: number[];
  fit: RmaFit;
}

/**
 * Separate random-effects fits per subgroup (each its own tau²), groups in order of first
 * appearance: metafor `rma(..., subset = group == g)` for each g.
 * @example subgroupFits(['a', 'b', 'a'], yi, vi, options).map((s) => s.members) // [[0, 2], [1]]
 */
export function subgroupFits(groups: string[], yi: Float64Array, vi: Float64Array, options: RmaOptions): SubgroupFit[] {
  const members = new Map<string, number[]>();
  groups.forEach((group, i) => {
    const list = members.get(group);
    if (list) list.push(i);
    else members.set(group, [i]);
  });
  return [...members].map(([group, indices]) => ({
    group,
    members: indices,
    fit: rma(
      Float64Array.from(indices, (i) => yi[i]!),
      Float64Array.from(indices, (i) => vi[i]!),
      options,
    ),
  }));
}

/**
 * Test for subgroup differences: the common-effect Q across subgroup estimates with their
 * SEs, metafor `rma(yi = estimate, sei = se, method = "FE")$QE` on (groups - 1) df.
 * null when a subgroup's SE is 0 (Hartung–Knapp on identical studies), where the test has no weights,
 * and null with fewer than two subgroups (nothing to compare; metafor's Q would be 0 on 0 df).
 * @example betweenTest([{ estimate: 0, se: 1 }, { estimate: 2, se: 1 }]) // { Q: 2, df: 1, p: 0.157… }
 */
export function betweenTest(fits: { estimate: number; se: number }[]): BetweenTest | null {
  if (fits.length < 2 || fits.some((f) => !(f.se > 0))) return null;
  let sumW = 0;
  let sumWy = 0;
  for (const f of fits) {
    sumW += 1 / f.se ** 2;
    sumWy += f.estimate / f.se ** 2;
  }
  const mean = sumWy / sumW;
  let Q = 0;
  for (const f of fits) Q += ((f.estimate - mean) / f.se) ** 2;
  const df = fits.length - 1;
  return { Q, df, p: chiSquareUpperTail(Q, df) };
}
