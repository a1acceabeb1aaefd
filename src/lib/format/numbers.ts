/** The only place numbers are rounded for display. */

/** 0.4861 -> "48.6 %" (digits after the point) */
export function percent(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)} %`;
}

/** Counts with thin grouping: 1234 -> "1,234" */
export function count(value: number): string {
  return value.toLocaleString('en-GB');
}
