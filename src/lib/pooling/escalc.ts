import type { Measure } from './types.ts';

export interface EffectSizes {
  yi: Float64Array;
  vi: Float64Array;
}

/**
 * Effect sizes for proportions as metafor's `escalc(measure, xi, ni)` with its defaults
 * (add = 1/2, to = "only0"): PLO and PR add 1/2 to events and non-events of a study with
 * zero events or zero non-events; PAS and PFT need no correction and get none.
 *
 * - PLO: yi = log(p / (1 - p)), vi = 1 / (n p (1 - p))
 * - PR:  yi = p, vi = p (1 - p) / n
 * - PAS: yi = asin(sqrt(p)), vi = 1 / (4n)
 * - PFT: yi = (asin(sqrt(x / (n + 1))) + asin(sqrt((x + 1) / (n + 1)))) / 2, vi = 1 / (4n + 2)
 *
 * @example escalc('PLO', [0], [10]) // yi = [-3.0445224377234230], vi = [2.0952380952380953]
 */
export function escalc(measure: Measure, events: ArrayLike<number>, totals: ArrayLike<number>): EffectSizes {
  const k = events.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  const effect = EFFECTS[measure];
  for (let i = 0; i < k; i++) {
    const [y, v] = effect(events[i]!, totals[i]!);
    yi[i] = y;
    vi[i] = v;
  }
  return { yi, vi };
}

/** metafor's continuity correction for PLO and PR: 1/2 added to events and non-events of a 0/n or n/n study. */
function corrected(x: number, n: number): [number, number] {
  return x === 0 || x === n ? [x + 0.5, n + 1] : [x, n];
}

/** [yi, vi] of one study per measure; one entry per measure, so a measure without one does not compile. */
const EFFECTS: Record<Measure, (x: number, n: number) => [number, number]> = {
  PAS: (x, n) => [Math.asin(Math.sqrt(x / n)), 1 / (4 * n)],
  PFT: (x, n) => [0.5 * (Math.asin(Math.sqrt(x / (n + 1))) + Math.asin(Math.sqrt((x + 1) / (n + 1)))), 1 / (4 * n + 2)],
  PLO: (events, total) => {
    const [x, n] = corrected(events, total);
    const p = x / n;
    return [Math.log(p / (1 - p)), 1 / (n * p * (1 - p))];
  },
  PR: (events, total) => {
    const [x, n] = corrected(events, total);
    const p = x / n;
    return [p, (p * (1 - p)) / n];
  },
};
