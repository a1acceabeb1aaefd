import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareGlmmFit, type GlmmFixture } from './conformance-glmm.ts';
import { relativeDeviation, TOLERANCE, withinTolerance } from './conformance.ts';
import { analyse, glmm } from './index.ts';

// Agreement with metafor's rma.glmm at TOLERANCE.GLMM (1e-4 relative; conformance.ts says why).
// The comparison is shared with /methods/validation/ (conformance-glmm.ts); here each number is an assertion.

const DIR = join(import.meta.dirname, '../../../tests/fixtures/metafor/glmm');

const fixtures = readdirSync(DIR).map((f) => ({
  name: f.replace(/\.json$/, ''),
  fixture: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as GlmmFixture,
}));
const worst = new Map<string, number>();

/** Cases where metafor stops or returns a number for data with no finite maximum: we give a reason instead. */
const REASONS: Record<string, RegExp> = {
  'all-zero': /no study has an event/,
  'all-events': /every study has all events/,
  k1: /at least two studies/,
  'extremes-only': /grows without bound/,
};

describe.each(fixtures)('rma.glmm fixture $name', ({ name, fixture }) => {
  const { events, total } = fixture.data;
  it.each(fixture.fits)('test=$test', (fit) => {
    const { comparisons, problems, agreement, note } = compareGlmmFit(fixture, fit);
    expect(problems).toEqual([]);
    if (REASONS[name]) {
      const ours = glmm(events, total, { test: fit.test });
      expect(ours.converged).toBe(false);
      if (!ours.converged) expect(ours.reason).toMatch(REASONS[name]);
      expect(agreement).toBe(fit.error ? 'no estimate' : 'not compared');
      expect(note).toMatch(fit.error ? REASONS[name] : /no finite maximum/);
      return;
    }
    if (fit.error) {
      // rma.glmm: "Cannot fit ML model" for identical studies, where lme4 stops on the boundary tau = 0.
      // The maximum exists (tau2 = 0, beta = the common logit): recorded here, not compared.
      expect(name).toBe('identical');
      expect([agreement, comparisons.length]).toEqual(['not compared', 0]);
      return;
    }
    expect(agreement).toBe('numbers');
    expect(comparisons.length).toBeGreaterThanOrEqual(15);
    for (const c of comparisons) {
      worst.set(c.kind, Math.max(worst.get(c.kind) ?? 0, relativeDeviation(c)));
      expect(withinTolerance(c), `${c.kind}: ${c.actual} vs metafor ${c.expected}`).toBe(true);
    }
  });
});

describe('GLMM coverage and bounds', () => {
  it('covers real, sparse, k = 2 and large-k data sets', () => {
    const names = fixtures.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['pritz1997', 'debruin2009', 'sparse-oncology', 'k2', 'large-k500', 'all-zero', 'all-events']));
  });

  it('analyse() reports a failed GLMM as ModelFailure with its reason, never a number', () => {
    expect(() =>
      analyse(
        [
          { study: 'A', events: 0, total: 5 },
          { study: 'B', events: 0, total: 9 },
        ],
        { method: 'GLMM' },
      ),
    ).toThrow('GLMM not fitted: not identifiable: no study has an event');
  });

  it('keeps the tolerance just above the worst deviation observed', () => {
    console.log('worst relative deviation vs rma.glmm:\n' + [...worst].map(([k, v]) => `  ${k}: ${v.toExponential(2)}`).join('\n'));
    for (const [kind, value] of worst) expect(value, kind).toBeLessThanOrEqual(TOLERANCE.GLMM);
    // Tight: a tolerance more than 100x the worst deviation would hide a regression of that size.
    expect(TOLERANCE.GLMM).toBeLessThanOrEqual(100 * Math.max(...worst.values()));
  });
});
