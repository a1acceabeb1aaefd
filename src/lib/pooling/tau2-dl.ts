/**
 * DerSimonian–Laird tau², truncated at 0: `max(0, (Q - (k - 1)) / (ΣW - ΣW² / ΣW))` with
 * common-effect weights W = 1/vi. DerSimonian & Laird (1986), Control Clin Trials 7:177.
 * @example tau2DL(10, 5, 20, 100) // (10 - 4) / (20 - 5) = 0.4
 */
export function tau2DL(Q: number, k: number, sumW: number, sumW2: number): number {
  const trP = sumW - sumW2 / sumW;
  if (!(trP > 0)) return 0;
  return Math.max(0, (Q - (k - 1)) / trP);
}
