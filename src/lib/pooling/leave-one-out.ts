import { refit } from './refit.ts';
import type { RmaOptions } from './rma.ts';
import type { RefitProblem, RmaFit } from './types.ts';

/**
 * Leave-one-out fits, metafor's `leave1out(res)`: fit i omits study i and is a full refit
 * (its own tau², same method and test); a refit that does not converge is that row's problem.
 * One O(k) refit per study, into a reused buffer.
 * @example leaveOneOut(Float64Array.of(0, 1), Float64Array.of(1, 1), { method: 'DL', hakn: false })[0].estimate // 1
 */
export function leaveOneOut(yi: Float64Array, vi: Float64Array, options: RmaOptions): (RmaFit | RefitProblem)[] {
  const k = yi.length;
  if (k < 2) return [];
  const ys = new Float64Array(k - 1);
  const vs = new Float64Array(k - 1);
  ys.set(yi.subarray(1));
  vs.set(vi.subarray(1));
  const fits: (RmaFit | RefitProblem)[] = [];
  for (let i = 0; i < k; i++) {
    // Buffer holds all studies but i; moving to i + 1 puts study i back in slot i.
    if (i > 0) {
      ys[i - 1] = yi[i - 1]!;
      vs[i - 1] = vi[i - 1]!;
    }
    fits.push(refit(ys, vs, options));
  }
  return fits;
}
