import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glmmConformanceCases, type GlmmFixture } from './conformance-glmm.ts';
import { conformanceCases, relativeDeviation, TOLERANCE, withinTolerance, type Fixture } from './conformance.ts';

const read = <F>(file: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../../tests/fixtures/metafor', file), 'utf8')) as F;
const k2 = read<Fixture>('k2.json');

describe('conformance cases', () => {
  it('yields one passing case per fit of a fixture', () => {
    const cases = conformanceCases([{ file: 'k2.json', fixture: k2 }]);
    expect(cases).toHaveLength(k2.fits.length);
    expect(cases.every((c) => c.pass && c.agreement === 'numbers' && c.maxRelDeviation! <= c.tolerance)).toBe(true);
    expect(cases.map((c) => c.fixture)).toEqual(k2.fits.map(() => 'k2.json'));
  });

  it('fails a case whose reference value is off by more than its tolerance, and reports that deviation', () => {
    const fixture = structuredClone(k2);
    const fit = fixture.fits.find((f) => f.method === 'DL' && !f.hakn && f.measure === 'PLO')!;
    fit.pooled.estimate *= 1 + 1e-3;
    const cases = conformanceCases([{ file: 'k2.json', fixture }]);
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

  it('compares a GLMM fit at its own tolerance, and fails one that is off', () => {
    const fixture = read<GlmmFixture>('glmm/pritz1997.json');
    const [z, t] = glmmConformanceCases([{ file: 'glmm/pritz1997.json', fixture }]);
    expect([z!.name, t!.name]).toEqual(['pritz1997 PLO GLMM', 'pritz1997 PLO GLMM t-test']);
    expect(z).toMatchObject({ method: 'GLMM', measure: 'PLO', agreement: 'numbers', note: null, tolerance: TOLERANCE.GLMM, pass: true });
    expect(z!.maxRelDeviation).toBeGreaterThan(0);
    expect(z!.maxRelDeviation).toBeLessThanOrEqual(TOLERANCE.GLMM);
    const broken = structuredClone(fixture);
    broken.fits[0]!.tau2 *= 1 + 1e-3;
    const [bad] = glmmConformanceCases([{ file: 'glmm/pritz1997.json', fixture: broken }]);
    expect(bad!.pass).toBe(false);
    expect(bad!.maxRelDeviation).toBeGreaterThan(TOLERANCE.GLMM);
  });

  it('lists a GLMM case neither side can fit as agreeing on no estimate, with no deviation', () => {
    const cases = glmmConformanceCases([{ file: 'glmm/all-zero.json', fixture: read<GlmmFixture>('glmm/all-zero.json') }]);
    for (const c of cases) {
      expect(c).toMatchObject({ agreement: 'no estimate', maxRelDeviation: null, comparisons: 0, pass: true });
      expect(c.note).toMatch(/Cannot fit ML model.*no study has an event/);
    }
  });

  it('says why a GLMM case is not compared when only one side gives an estimate', () => {
    const identical = glmmConformanceCases([{ file: 'glmm/identical.json', fixture: read<GlmmFixture>('glmm/identical.json') }]);
    const extremes = glmmConformanceCases([{ file: 'glmm/extremes-only.json', fixture: read<GlmmFixture>('glmm/extremes-only.json') }]);
    for (const c of [...identical, ...extremes]) expect(c).toMatchObject({ agreement: 'not compared', maxRelDeviation: null, pass: true });
    expect(identical[0]!.note).toMatch(/boundary τ² = 0; the engine reports that maximum \(τ² = 0\)/);
    expect(extremes[0]!.note).toMatch(/no finite maximum: metafor returns .*τ² ≈ 23100/);
  });
});
