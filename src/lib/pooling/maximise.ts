/** Result of a bracketed one-dimensional maximisation. */
export interface Maximum {
  x: number;
  value: number;
  /** false when the iteration cap was reached before the bracket shrank to the tolerance. */
  converged: boolean;
}

const GOLDEN = (3 - Math.sqrt(5)) / 2;

/**
 * Brent's method (golden-section search with parabolic steps) for the maximum of f on
 * [lo, hi]: the bracketed one-dimensional maximiser behind REML tau² and the GLMM profile
 * likelihood (R's `optimize()` is the same algorithm). It never leaves the bracket and stops
 * after `maxIter` evaluations with `converged: false` instead of looping.
 * Tolerance: |x - x*| <= tol · max(1, |x|) on convergence (absolute below 1).
 * @example maximise((x) => -(x - 2) ** 2, 0, 5).x // 2
 */
export function maximise(f: (x: number) => number, lo: number, hi: number, tol = 1e-10, maxIter = 200): Maximum {
  let a = lo;
  let b = hi;
  let x = a + GOLDEN * (b - a);
  let w = x;
  let v = x;
  let fx = f(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  for (let iter = 0; iter < maxIter; iter++) {
    const mid = (a + b) / 2;
    const tol1 = (tol * Math.max(1, Math.abs(x))) / 3;
    const tol2 = 2 * tol1;
    if (Math.abs(x - mid) <= tol2 - (b - a) / 2) return { x, value: fx, converged: true };
    let parabolic = false;
    if (Math.abs(e) > tol1) {
      // Parabola through (v, fv), (w, fw), (x, fx), written for minimising -f.
      const r = (x - w) * (fv - fx);
      let q = (x - v) * (fw - fx);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      if (Math.abs(p) < Math.abs(0.5 * q * e) && p > q * (a - x) && p < q * (b - x)) {
        e = d;
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = x < mid ? tol1 : -tol1;
        parabolic = true;
      }
    }
    if (!parabolic) {
      e = x < mid ? b - x : a - x;
      d = GOLDEN * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
    const fu = f(u);
    if (fu >= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu >= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu >= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, value: fx, converged: false };
}
