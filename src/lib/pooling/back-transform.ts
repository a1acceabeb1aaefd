import type { Measure } from './types.ts';

/** Freeman–Tukey transform of a proportion, metafor's `transf.pft(p, n)`. */
function pft(p: number, n: number): number {
  const x = p * n;
  return 0.5 * (Math.asin(Math.sqrt(x / (n + 1))) + Math.asin(Math.sqrt((x + 1) / (n + 1))));
}

/**
 * A value on the measure's scale back to a proportion, as metafor's `predict(..., transf=)`:
 * PLO `transf.ilogit`; PAS `transf.iarcsin` (sin² clamped to [0, 1]); PFT `transf.ipft.hm`
 * (Miller's inversion at the harmonic mean n, 0 and 1 outside the transform's range);
 * PR the identity, so a PR interval may leave [0, 1] exactly as it does in metafor.
 * @example backTransform('PLO', 0, 20) // 0.5
 */
export function backTransform(measure: Measure, x: number, harmonicN: number): number {
  switch (measure) {
    case 'PLO':
      return 1 / (1 + Math.exp(-x));
    case 'PAS':
      if (x < 0) return 0;
      if (x > Math.PI / 2) return 1;
      return Math.sin(x) ** 2;
    case 'PFT': {
      const n = harmonicN;
      if (x > pft(1, n)) return 1;
      if (x < pft(0, n)) return 0;
      const s = Math.sin(2 * x);
      const inner = 1 - (s + (s - 1 / s) / n) ** 2;
      return 0.5 * (1 - Math.sign(Math.cos(2 * x)) * Math.sqrt(Math.max(0, inner)));
    }
    case 'PR':
      return x;
  }
}
