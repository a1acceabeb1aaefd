import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJson } from '../../../tests/json.ts';
import { chiSquareUpperTail } from './chisquare-upper-tail.ts';
import { clopperPearson } from './clopper-pearson.ts';
import { normalCdf } from './normal-cdf.ts';
import { normalQuantile } from './normal-quantile.ts';
import { tQuantile } from './t-quantile.ts';
import { tTwoSidedP } from './t-two-sided-p.ts';

/** Agreement with R, relative, with an absolute floor for values that are 0 up to rounding. */
const REL = 1e-9;
const FLOOR = 1e-14;

const R = readJson<{
  qnorm: { p: number; value: number }[];
  pnorm: { x: number; value: number }[];
  qt: { p: number; df: number; value: number }[];
  pt2: { t: number; df: number; value: number }[];
  pchisq_upper: { x: number; df: number; value: number }[];
  binom: { x: number; n: number; ci: number[] }[];
}>(join(import.meta.dirname, '../../../tests/fixtures/metafor/distributions.json'));

function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(REL * Math.abs(expected) + FLOOR);
}

describe('distribution wrappers agree with R', () => {
  it('qnorm', () => R.qnorm.forEach((c: { p: number; value: number }) => close(normalQuantile(c.p), c.value)));
  // Relative with no floor: the lower tail (down to 1e-89 and R's 0 below -37.5) keeps its digits.
  it('pnorm', () =>
    R.pnorm.forEach((c: { x: number; value: number }) => expect(Math.abs(normalCdf(c.x) - c.value)).toBeLessThanOrEqual(REL * c.value)));
  it('qt', () => R.qt.forEach((c: { p: number; df: number; value: number }) => close(tQuantile(c.p, c.df), c.value)));
  it('two-sided pt', () => R.pt2.forEach((c: { t: number; df: number; value: number }) => close(tTwoSidedP(c.t, c.df), c.value)));
  it('pchisq upper tail', () =>
    R.pchisq_upper.forEach((c: { x: number; df: number; value: number }) => close(chiSquareUpperTail(c.x, c.df), c.value)));
  it('binom.test exact interval', () =>
    R.binom.forEach((c: { x: number; n: number; ci: number[] }) => clopperPearson(c.x, c.n).forEach((v, i) => close(v, c.ci[i]!))));
  it('df = 0: Q is 0 by construction and p is 1', () => expect(chiSquareUpperTail(1e-30, 0)).toBe(1));
});
