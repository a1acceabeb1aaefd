/** The only place numbers are rounded for display. */

/** A number with a fixed count of decimals: 1.23456 -> "1.23" (2 digits). */
export function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

/** A value already in percent, such as I²: 48.61 -> "48.6 %" */
export function percentPoints(value: number, digits = 1): string {
  return `${value.toFixed(digits)} %`;
}

/** 0.4861 -> "48.6 %" */
export function percent(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)} %`;
}

/** A proportion with its interval, in percent: "48.6 % (31.9–65.6)" */
export function percentWithInterval(value: number, [lower, upper]: readonly [number, number], digits = 1): string {
  return `${percent(value, digits)} (${(lower * 100).toFixed(digits)}–${(upper * 100).toFixed(digits)})`;
}

/** An interval alone, in percent: "31.9–65.6 %" */
export function percentRange([lower, upper]: readonly [number, number], digits = 1): string {
  return `${(lower * 100).toFixed(digits)}–${(upper * 100).toFixed(digits)} %`;
}

/** An interval in percent for plot columns: "[31.9–65.6]" */
export function plotRange([lower, upper]: readonly [number, number]): string {
  return `[${(lower * 100).toFixed(1)}–${(upper * 100).toFixed(1)}]`;
}

/** A proportion and its interval for plot columns: "48.6 [31.9–65.6]" */
export function plotInterval(value: number, interval: readonly [number, number]): string {
  return `${(value * 100).toFixed(1)} ${plotRange(interval)}`;
}

/** A statistic such as Q, tau² or t: 3 significant decimals, no exponent for readable magnitudes. */
export function statistic(value: number): string {
  if (value !== 0 && Math.abs(value) < 0.001) return value.toExponential(2);
  return value.toFixed(3);
}

/** p-values as journals print them: "< 0.001" or three decimals. */
export function pValue(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** A proportion as a whole number out of 100: 0.486 -> "49" */
export function outOf100(value: number): string {
  return (value * 100).toFixed(0);
}

/** A width on the proportion scale in percentage points: 0.34 -> "34 percentage points" */
export function percentagePoints(width: number): string {
  return `${outOf100(width)} percentage points`;
}

/** A proportion and its interval per 100 patients: "49 per 100 patients (95 % CI 32 to 66)" */
export function perHundred(value: number, [lower, upper]: readonly [number, number]): string {
  return `${outOf100(value)} per 100 patients (95 % CI ${outOf100(lower)} to ${outOf100(upper)})`;
}
