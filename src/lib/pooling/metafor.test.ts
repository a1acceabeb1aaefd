import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareEffects, compareFit, relativeDeviation, TOLERANCE, withinTolerance, type CaseComparison, type Fixture } from './conformance.ts';
import { MEASURES, TAU2_METHODS, type Tau2Method } from './types.ts';

const FIXTURE_DIR = join(import.meta.dirname, '../../../tests/fixtures/metafor');

const fixtures = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.json') && f !== 'distributions.json')
  .map((f) => ({ name: f.replace(/\.json$/, ''), fixture: JSON.parse(readFileSync(join(FIXTURE_DIR, f), 'utf8')) as Fixture }));

/** Worst relative deviation per quantity kind, printed at the end for the report. */
const worst = new Map<string, number>();

/** Worst relative deviation per tolerance class: the method's, or DL's for method-free numbers. */
const worstByClass = new Map<Tau2Method, number>();

/** The comparison itself is shared with /methods/validation/ (conformance.ts); here each number is an assertion. */
function expectAgreement({ comparisons, problems }: CaseComparison, method: Tau2Method = 'DL'): void {
  expect(problems).toEqual([]);
  for (const c of comparisons) {
    const deviation = relativeDeviation(c);
    const tolerance = c.tolerance === TOLERANCE.DL ? 'DL' : method;
    worst.set(c.kind, Math.max(worst.get(c.kind) ?? 0, deviation));
    worstByClass.set(tolerance, Math.max(worstByClass.get(tolerance) ?? 0, deviation));
    expect(withinTolerance(c), `${c.kind}: ${c.actual} vs metafor ${c.expected} (tolerance ${c.tolerance})`).toBe(true);
  }
}

describe.each(fixtures)('metafor fixture $name', ({ fixture }) => {
  it.each(fixture.effects)('escalc $measure matches', (effect) => {
    expectAgreement(compareEffects(fixture, effect));
  });

  it.each(fixture.fits)('$measure $method hakn=$hakn', (fit) => {
    expectAgreement(compareFit(fixture, fit), fit.method);
  });
});

describe('fixture coverage', () => {
  it('covers every measure × method × hakn combination in every data set', () => {
    const combos = MEASURES.flatMap((m) => TAU2_METHODS.flatMap((t) => [false, true].map((h) => `${m} ${t} ${h}`)));
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
    for (const { fixture } of fixtures) {
      expect(new Set(fixture.fits.map((f) => `${f.measure} ${f.method} ${f.hakn}`))).toEqual(new Set(combos));
      expect(fixture.source.versions.metafor).toMatch(/^\d/);
    }
  });

  it('includes edge cases and every optional part of the analysis', () => {
    const ks = fixtures.map(({ fixture }) => fixture.data.study.length);
    expect(ks).toEqual(expect.arrayContaining([1, 2]));
    expect(Math.max(...ks)).toBeGreaterThanOrEqual(1000);
    const all = fixtures.flatMap(({ fixture }) => fixture.fits);
    expect(all.some((f) => f.egger !== null)).toBe(true);
    expect(all.some((f) => f.leave_one_out && f.cumulative && f.subgroups)).toBe(true);
  });

  it('keeps each tolerance just above the worst deviation observed', () => {
    console.log('worst relative deviation vs metafor:\n' + [...worst].map(([k, v]) => `  ${k}: ${v.toExponential(2)}`).join('\n'));
    for (const method of TAU2_METHODS) {
      const observed = worstByClass.get(method) ?? 0;
      expect(observed, method).toBeLessThanOrEqual(TOLERANCE[method]);
      // Tight: a tolerance more than 100x the worst deviation would hide a regression of that size.
      expect(TOLERANCE[method], method).toBeLessThanOrEqual(100 * Math.max(observed, 1e-15));
    }
  });
});
