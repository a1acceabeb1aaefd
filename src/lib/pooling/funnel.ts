import { normalQuantile } from '../stats/normal-quantile.ts';
import type { FunnelData } from './types.ts';

/**
 * Data for a funnel plot on the transformed scale, as metafor's `funnel(res)` draws it:
 * each study's (yi, sei), the pooled estimate, and the pseudo 95% limits
 * `estimate ± qnorm(0.975) · sei`, straight lines given by their ends at sei = 0 and max sei.
 * null for k < 3, where Egger's test is not estimable either and a funnel shows nothing.
 * @example funnel(['a','b','c'], Float64Array.of(0, 0, 0), Float64Array.of(1, 1, 4), 0)!.limits[1] // { sei: 2, lower: -3.92, upper: 3.92 }
 */
export function funnel(studies: string[], yi: Float64Array, vi: Float64Array, pooledEffect: number): FunnelData | null {
  const k = yi.length;
  if (k < 3) return null;
  const z = normalQuantile(0.975);
  let maxSei = 0;
  const points = studies.map((study, i) => {
    const sei = Math.sqrt(vi[i]!);
    if (sei > maxSei) maxSei = sei;
    return { study, yi: yi[i]!, sei };
  });
  return {
    studies: points,
    pooledEffect,
    limits: [0, maxSei].map((sei) => ({ sei, lower: pooledEffect - z * sei, upper: pooledEffect + z * sei })),
  };
}
