/**
 * REML tau² for the intercept-only model by Fisher scoring, as metafor's `rma(method="REML")`:
 * start at the Hedges estimator `max(0, Σ(yi - ȳ)²/(k - 1) - mean(vi))`, step
 * `(y'PPy - tr(P)) / tr(PP)` with P = W - W11'W / ΣW and W = diag(1/(vi + tau2)), halve steps
 * that would go below 0. metafor stops once a step is below 1e-5; this iterates to ~1e-12
 * (relative), so it agrees with metafor to metafor's own precision.
 * A boundary solution is detected by a non-positive score at tau2 = 0 and returned as exactly 0;
 * like metafor's `ll0check`, a local maximum whose REML log-likelihood is below that at
 * tau2 = 0 also gives 0 (the REML likelihood need not be unimodal).
 * @example tau2REML(Float64Array.of(-1, 0, 1), Float64Array.of(0.1, 0.1, 0.1)) // 0.9
 */
export function tau2REML(yi: Float64Array, vi: Float64Array): number {
  const k = yi.length;
  let mean = 0;
  let meanV = 0;
  for (let i = 0; i < k; i++) {
    mean += yi[i]!;
    meanV += vi[i]!;
  }
  mean /= k;
  meanV /= k;
  let rss = 0;
  for (let i = 0; i < k; i++) rss += (yi[i]! - mean) ** 2;
  let tau2 = Math.max(0, rss / (k - 1) - meanV);

  for (let iter = 0; iter < 500; iter++) {
    let adj = fisherStep(yi, vi, tau2);
    if (tau2 + adj < 0) {
      if (fisherStep(yi, vi, 0) <= 0) return 0;
      while (tau2 + adj < 0) adj /= 2;
    }
    tau2 += adj;
    if (Math.abs(adj) <= 1e-12 * Math.max(tau2, 1e-8)) break;
  }
  return restrictedLogLik(yi, vi, 0) > restrictedLogLik(yi, vi, tau2) ? 0 : tau2;
}

/** REML log-likelihood up to a constant: -(Σ log(vi + tau2) + log Σw + Σ w (yi - μ̂)²) / 2. */
function restrictedLogLik(yi: Float64Array, vi: Float64Array, tau2: number): number {
  const k = yi.length;
  let sumW = 0;
  let sumWy = 0;
  let sumLog = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / (vi[i]! + tau2);
    sumW += w;
    sumWy += w * yi[i]!;
    sumLog += Math.log(vi[i]! + tau2);
  }
  const est = sumWy / sumW;
  let rss = 0;
  for (let i = 0; i < k; i++) rss += (yi[i]! - est) ** 2 / (vi[i]! + tau2);
  return -(sumLog + Math.log(sumW) + rss) / 2;
}

/** One Fisher scoring step at tau2; its sign is the sign of the REML score. */
function fisherStep(yi: Float64Array, vi: Float64Array, tau2: number): number {
  const k = yi.length;
  let sumW = 0;
  let sumWy = 0;
  let sumW2 = 0;
  let sumW3 = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / (vi[i]! + tau2);
    sumW += w;
    sumWy += w * yi[i]!;
    sumW2 += w * w;
    sumW3 += w * w * w;
  }
  const est = sumWy / sumW;
  let yPPy = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / (vi[i]! + tau2);
    const wr = w * (yi[i]! - est);
    yPPy += wr * wr;
  }
  const trP = sumW - sumW2 / sumW;
  const trPP = sumW2 - (2 * sumW3) / sumW + (sumW2 * sumW2) / (sumW * sumW);
  return (yPPy - trP) / trPP;
}
