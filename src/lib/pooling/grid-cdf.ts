/**
 * A distribution known by its (unnormalised) density on an equally spaced grid, with the
 * density negligible beyond both ends (or, with `reflect`, an even function about the first
 * node, as the density of tau is about tau = 0).
 * Its distribution function is accurate to O(h⁴): cell masses by the four-point rule
 * h/24 (-f₋₁ + 13 f₀ + 13 f₁ - f₂) (trapezoid plus the Euler–Maclaurin end correction,
 * which the plain trapezoid lacks between nodes), and between nodes the cubic Hermite
 * interpolant of F with F' = f. Plain trapezoid partial sums would be off by h²/12 · f',
 * about 1e-3 in the tails at six points per standard deviation: too coarse for quantiles.
 */
export interface GridDistribution {
  /** First node. */
  start: number;
  step: number;
  /** Density at the nodes, normalised so the distribution has mass 1. */
  density: Float64Array;
  /** Distribution function at the nodes (the left-tail mass included). */
  cdf: Float64Array;
}

/**
 * Builds the distribution from log densities at `start + i·step`. `reflect`: the variable
 * starts at the first node and its density extends evenly below it (f₋₁ = f₁), as the
 * posterior of tau does (the likelihood depends on tau through tau² only).
 * Returns the log of the total mass beside the normalised distribution.
 */
export function gridDistribution(
  start: number,
  step: number,
  logDensity: Float64Array,
  reflect = false,
): { distribution: GridDistribution; logMass: number } {
  const n = logDensity.length;
  let peak = -Infinity;
  for (const l of logDensity) peak = Math.max(peak, l);
  const f = Float64Array.from(logDensity, (l) => Math.exp(l - peak));
  const at = (i: number) => (i < 0 ? (reflect ? (f[1] ?? 0) : 0) : i >= n ? 0 : f[i]!);
  const cdf = new Float64Array(n);
  for (let i = 0; i + 1 < n; i++) {
    cdf[i + 1] = cdf[i]! + (step / 24) * (-at(i - 1) + 13 * at(i) + 13 * at(i + 1) - at(i + 2));
  }
  // The last cell: the density beyond the grid is negligible by construction.
  const mass = cdf[n - 1]! + (step / 24) * (-at(n - 2) + 13 * at(n - 1));
  for (let i = 0; i < n; i++) {
    f[i] = f[i]! / mass;
    cdf[i] = cdf[i]! / mass;
  }
  return { distribution: { start, step, density: f, cdf }, logMass: peak + Math.log(mass) };
}

/** F(x) and its density f(x) from the cubic Hermite interpolant; 0 / 1 beyond the grid. */
export function gridCdf(d: GridDistribution, x: number): { cdf: number; density: number } {
  const n = d.density.length;
  const u = (x - d.start) / d.step;
  if (u < 0) return { cdf: 0, density: 0 };
  if (u >= n - 1) return { cdf: 1, density: 0 };
  const i = Math.floor(u);
  const t = u - i;
  const h = d.step;
  const [F0, F1, f0, f1] = [d.cdf[i]!, d.cdf[i + 1]!, d.density[i]!, d.density[i + 1]!];
  const t2 = t * t;
  const t3 = t2 * t;
  const cdf = (2 * t3 - 3 * t2 + 1) * F0 + (t3 - 2 * t2 + t) * h * f0 + (-2 * t3 + 3 * t2) * F1 + (t3 - t2) * h * f1;
  const density = ((6 * t2 - 6 * t) * (F0 - F1)) / h + (3 * t2 - 4 * t + 1) * f0 + (3 * t2 - 2 * t) * f1;
  return { cdf, density: Math.max(density, 0) };
}
