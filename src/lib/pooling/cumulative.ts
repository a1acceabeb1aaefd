import { refit } from './refit.ts';
import type { RmaOptions } from './rma.ts';
import type { RefitProblem, RmaFit } from './types.ts';

/**
 * Study order for a cumulative meta-analysis: ascending year, ties in input order.
 * @example yearOrder([2020, 2018, 2020]) // [1, 0, 2]
 */
export function yearOrder(years: number[]): number[] {
  return years.map((_, i) => i).sort((a, b) => years[a]! - years[b]!);
}

/**
 * Cumulative fits, metafor's `cumul(res)` on data sorted by `order`: fit j pools the
 * first j + 1 studies of that order (each a full refit; one that does not converge is that row's
 * problem).
 * @example cumulative(Float64Array.of(0, 1), Float64Array.of(1, 1), [1, 0], { method: 'DL', hakn: false })[0].estimate // 1
 */
export function cumulative(yi: Float64Array, vi: Float64Array, order: number[], options: RmaOptions): (RmaFit | RefitProblem)[] {
  const k = order.length;
  const ys = new Float64Array(k);
  const vs = new Float64Array(k);
  order.forEach((index, j) => {
    ys[j] = yi[index]!;
    vs[j] = vi[index]!;
  });
  const fits: (RmaFit | RefitProblem)[] = [];
  for (let j = 1; j <= k; j++) fits.push(refit(ys.subarray(0, j), vs.subarray(0, j), options));
  return fits;
}
