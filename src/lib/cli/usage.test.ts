import { describe, expect, it } from 'vitest';
import { isoDate, oneOf, parseArgsMessage, positiveList, UsageError, wholeNumber } from './usage.ts';

describe('command-line argument checks', () => {
  it('accepts a listed choice and names the choices otherwise', () => {
    expect(oneOf('method', 'REML', ['DL', 'REML'])).toBe('REML');
    expect(() => oneOf('method', 'ML', ['DL', 'REML'])).toThrow(new UsageError('--method ML is not one of: DL, REML'));
  });

  it('reads whole numbers and lists of positive ones', () => {
    expect(wholeNumber('enrollment', '0')).toBe(0);
    expect(() => wholeNumber('enrollment', '2.5')).toThrow(UsageError);
    expect(positiveList('sizes', '20, 500')).toEqual([20, 500]);
    for (const bad of ['0', '20,', 'a', '-1', '1e3']) expect(() => positiveList('sizes', bad)).toThrow(UsageError);
  });

  it('accepts only calendar dates that exist', () => {
    expect(isoDate('date', '2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2026-02-30', '2026-13-01', '9999-99-99', '26-01-01', 'today']) expect(() => isoDate('date', bad)).toThrow(UsageError);
  });

  it("shortens parseArgs's message to its first sentence", () => {
    const error = new TypeError("Unknown option '--x'. To specify a positional argument starting with a '-', place it at the end.");
    expect(parseArgsMessage(error)).toBe("Unknown option '--x' (see --help)");
  });
});
