import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, binomialHeterogeneity, glmm } from './index.ts';

/**
 * Agreement with metafor's rma.glmm (lme4::glmer, nAGQ = 7, default glmerControl): 1e-4 relative,
 * because lme4 stops its bobyqa search at about 1e-5 relative in (theta, beta) and takes the SE
 * from a finite-difference Hessian (deriv12, step 1e-4), so its digits beyond that are optimiser
 * noise. Worst observed: 8.1e-5 (a back-transformed CI bound of tiny-and-huge, whose profile
 * likelihood in tau is flat and bimodal). tau2 has an absolute floor for fits on the boundary.
 */
const TOLERANCE = { relative: 1e-4, absoluteFloor: 1e-8 } as const;

const DIR = join(import.meta.dirname, '../../../tests/fixtures/metafor/glmm');

interface GlmmFixtureFit {
  test: 'z' | 't';
  error?: string;
  estimate: number;
  se: number;
  ci: number[];
  pi: number[];
  pi_hts: number[] | null;
  proportion: number;
  proportion_ci: number[];
  tau2: number;
  I2: number;
  H2: number;
  QE_LRT: number;
  QEp_LRT: number;
  QE_Wld: number;
  QEp_Wld: number;
  QE_df: number;
}
interface GlmmFixture {
  data: { study: string[]; events: number[]; total: number[] };
  fits: GlmmFixtureFit[];
}

const fixtures = readdirSync(DIR).map((f) => ({
  name: f.replace(/\.json$/, ''),
  fixture: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as GlmmFixture,
}));
const worst = new Map<string, number>();

function close(kind: string, actual: number, expected: number, rel: number = TOLERANCE.relative): void {
  const diff = Math.abs(actual - expected);
  worst.set(kind, Math.max(worst.get(kind) ?? 0, expected === 0 ? diff : diff / Math.abs(expected)));
  expect(diff, `${kind}: ${actual} vs metafor ${expected}`).toBeLessThanOrEqual(rel * Math.abs(expected) + TOLERANCE.absoluteFloor);
}

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
    const ours = glmm(events, total, { test: fit.test });
    if (REASONS[name]) {
      expect(ours.converged).toBe(false);
      if (!ours.converged) expect(ours.reason).toMatch(REASONS[name]!);
      return;
    }
    if (fit.error) {
      // rma.glmm: "Cannot fit ML model" for identical studies, where lme4 stops on the boundary tau = 0.
      // The maximum exists (tau2 = 0, beta = the common logit): recorded here, not compared.
      expect(name).toBe('identical');
      expect(ours.converged && ours.tau2).toBe(0);
      return;
    }
    expect(ours.converged).toBe(true);
    if (!ours.converged) return;
    close('estimate', ours.estimate, fit.estimate);
    close('se', ours.se, fit.se);
    ours.ci.forEach((v, i) => close('ci', v, fit.ci[i]!));
    ours.pi.forEach((v, i) => close('pi', v, fit.pi[i]!));
    close('tau2', ours.tau2, fit.tau2);

    const studies = fixture.data.study.map((study, i) => ({ study, events: events[i]!, total: total[i]! }));
    const result = analyse(studies, { method: 'GLMM', hakn: fit.test === 't' });
    close('proportion', result.pooled.proportion, fit.proportion);
    result.pooled.ci.forEach((v, i) => close('proportion ci', v, fit.proportion_ci[i]!));
    close('I2', result.heterogeneity.I2, fit.I2);
    close('H2', result.heterogeneity.H2, fit.H2);
    close('QE.LRT', result.heterogeneity.Q, fit.QE_LRT);
    close('QEp.LRT', result.heterogeneity.pQ, fit.QEp_LRT);
    expect(result.heterogeneity.df).toBe(fit.QE_df);
    if (fit.pi_hts) result.piHts!.forEach((v, i) => close('pi (HTS)', Math.log(v / (1 - v)), fit.pi_hts![i]!));
    else expect(result.piHts).toBeNull();
    expect(result.studies.every((s) => s.weight === null)).toBe(true);
    const het = binomialHeterogeneity(events, total);
    if (het.QE_Wld !== null) close('QE.Wld', het.QE_Wld, fit.QE_Wld);
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

  it('the worst deviations stay within the declared tolerances', () => {
    console.log('worst relative deviation vs rma.glmm:\n' + [...worst].map(([k, v]) => `  ${k}: ${v.toExponential(2)}`).join('\n'));
    for (const [kind, value] of worst) expect(value, kind).toBeLessThanOrEqual(TOLERANCE.relative);
  });
});
