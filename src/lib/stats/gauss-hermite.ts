/** Nodes and weights of an n-point Gauss–Hermite rule for the standard normal density. */
export interface QuadratureRule {
  nodes: Float64Array;
  /** Sum to 1: Σ w f(z) approximates E f(Z), Z ~ N(0, 1). */
  weights: Float64Array;
}

/**
 * Gauss–Hermite rule for the standard normal density (probabilists' Hermite polynomials),
 * the rule lme4's `GHrule(n)` gives `glmer(nAGQ = n)`. Golub–Welsch: the nodes are the
 * eigenvalues of the Jacobi matrix (zero diagonal, off-diagonal sqrt(1), …, sqrt(n - 1)),
 * found here by Sturm-sequence bisection (each eigenvalue to the last bit, no eigenvector
 * solver needed); the weights are the Christoffel numbers 1 / Σ_j p_j(z)² over the
 * orthonormal polynomials p_j = He_j / sqrt(j!). Computed rather than tabulated so any n works.
 * Throws for n < 1 or n > 100 (bisection needs ~60 steps per node; larger rules are never useful here).
 * @example gaussHermite(3).nodes // [-1.7320508075688772, 0, 1.7320508075688772]
 */
export function gaussHermite(n: number): QuadratureRule {
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`quadrature points ${n} not in 1..100`);
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  // Gershgorin: every eigenvalue lies within ±2 sqrt(n - 1).
  const bound = 2 * Math.sqrt(Math.max(n - 1, 1)) + 1;
  for (let i = 0; i < n; i++) {
    let lo = -bound;
    let hi = bound;
    // The (i + 1)-th smallest eigenvalue: fewer than i + 1 eigenvalues below lo, at least i + 1 below hi.
    while (hi - lo > 1e-15 * Math.max(1, Math.abs(lo), Math.abs(hi))) {
      const mid = (lo + hi) / 2;
      if (mid === lo || mid === hi) break;
      if (eigenvaluesBelow(mid, n) > i) hi = mid;
      else lo = mid;
    }
    const z = (lo + hi) / 2;
    nodes[i] = Math.abs(z) < 1e-14 ? 0 : z;
    let previous = 0;
    let current = 1;
    let sum = 1;
    for (let j = 1; j < n; j++) {
      const next = (nodes[i]! * current - Math.sqrt(j - 1) * previous) / Math.sqrt(j);
      previous = current;
      current = next;
      sum += current * current;
    }
    weights[i] = 1 / sum;
  }
  return { nodes, weights };
}

/** Sturm count: the number of eigenvalues of the Hermite Jacobi matrix below x. */
function eigenvaluesBelow(x: number, n: number): number {
  let count = 0;
  let d = -x;
  if (d < 0) count++;
  for (let j = 1; j < n; j++) {
    d = -x - j / (d === 0 ? Number.MIN_VALUE : d);
    if (d < 0) count++;
  }
  return count;
}
