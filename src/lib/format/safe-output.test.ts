import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './csv.ts';
import { printable } from './printable.ts';

describe('CSV cells', () => {
  it('prefix text a spreadsheet would run as a formula with an apostrophe (OWASP)', () => {
    for (const cell of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseCell(cell)).toBe(`'${cell}`);
    for (const cell of ['CD19', '12', '', ' =x', "'=x"]) expect(neutraliseCell(cell)).toBe(cell);
  });

  it('keep numbers numeric and read back as written', () => {
    const csv = toCsv([{ label: '=HYPERLINK("https://example.org")', n: 12, p: 0.5 }]);
    expect(parse(csv)).toEqual([
      ['label', 'n', 'p'],
      [`'=HYPERLINK("https://example.org")`, '12', '0.5'],
    ]);
  });
});

describe('printed text', () => {
  it('shows control and bidi characters and newlines as visible escapes', () => {
    expect(printable('a\u001b[2Kb\u202ec\nd\te')).toBe('a\\u{1b}[2Kb\\u{202e}c\\nd\te');
  });
});
