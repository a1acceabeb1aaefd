import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformanceCases, relativeDeviation, withinTolerance, type Fixture } from './conformance.ts';

const k2 = JSON.parse(readFileSync(join(import.meta.dirname, '../../../tests/fixtures/metafor/k2.json'), 'utf8')) as Fixture;

describe('conformance cases', () => {
  it('yields one passing case per fit of a fixture', () => {
    const cases = conformanceCases([{ name: 'k2', fixture: k2 }]);
    expect(cases).toHaveLength(k2.fits.length);
    expect(cases.every((c) => c.pass && c.maxRelDeviation <= c.tolerance)).toBe(true);
  });

  it('fails a case whose reference value is off by more than its tolerance, and reports that deviation', () => {
    const fixture = structuredClone(k2);
    const fit = fixture.fits.find((f) => f.method === 'DL' && !f.hakn && f.measure === 'PLO')!;
    fit.pooled.estimate *= 1 + 1e-3;
    const cases = conformanceCases([{ name: 'k2', fixture }]);
    const broken = cases.find((c) => c.call === fit.call)!;
    expect(broken.pass).toBe(false);
    expect(broken.maxRelDeviation).toBeCloseTo(1e-3 / (1 + 1e-3), 8);
    expect(cases.filter((c) => !c.pass)).toHaveLength(1);
  });

  it('fails a case whose numbers cannot be computed', () => {
    const c = { kind: 'x', actual: undefined, expected: 1, tolerance: 1e-6 };
    expect(withinTolerance(c)).toBe(false);
    expect(relativeDeviation(c)).toBe(Infinity);
  });
});
