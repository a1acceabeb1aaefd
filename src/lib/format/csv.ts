import { stringify, type Options } from 'csv-stringify/sync';

/**
 * A text cell a spreadsheet would read as a formula (OWASP, "CSV Injection"): it
 * starts with =, +, -, @, tab or carriage return. Such text, which can reach a download
 * from a trial file or a registry record, gets a leading apostrophe so it stays text.
 * Numbers are written by us as numbers and stay numeric (none is negative: counts,
 * proportions and weights), so a cell that holds a number is never altered.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export const neutraliseCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/** CSV text for a download: csv-stringify with every text cell neutralised. */
export function toCsv(rows: Record<string, unknown>[], options: Options = {}): string {
  return stringify(rows, { header: true, ...options, cast: { string: neutraliseCell } });
}
