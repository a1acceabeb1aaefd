/**
 * A model that gives no number for these data (GLMM not identifiable, an iteration that does not
 * converge); `reason` says why, in words a results page can print.
 */
export class ModelFailure extends Error {
  readonly reason: string;
  constructor(model: string, reason: string) {
    super(`${model} not fitted: ${reason}`);
    this.reason = reason;
  }
}
