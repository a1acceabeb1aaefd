import { describe, expect, it } from 'vitest';
import { REML_CONVERGENCE as cases } from '../../../tests/fixtures/reml-convergence.ts';
import { analyse, escalc, ModelFailure, tau2REML } from './index.ts';

const converging = cases.filter((c) => 'tau2' in c.default);
const failing = cases.filter((c) => 'error' in c.default);

describe('REML stops on metafor’s criterion', () => {
  it('the fixture holds designs of both kinds', () => {
    expect(converging.length).toBeGreaterThanOrEqual(3);
    expect(failing.length).toBeGreaterThanOrEqual(1);
  });

  it.each(converging)('$name: converges where metafor does, to its precise tau²', (c) => {
    const { yi, vi } = escalc(c.measure, c.events, c.total);
    const tau2 = tau2REML(yi, vi);
    const precise = (c.tight as { tau2: number }).tau2;
    // Relative 1e-10 as for the fit fixtures, with an absolute floor of 1e-12 for tau² at the boundary.
    expect(Math.abs(tau2 - precise)).toBeLessThanOrEqual(Math.max(1e-10 * precise, 1e-12));
    // metafor's default fit stops within its 1e-5 threshold of the same value.
    expect(Math.abs(tau2 - (c.default as { tau2: number }).tau2)).toBeLessThanOrEqual(1e-5);
  });

  it.each(failing)('$name: reports non-convergence as metafor does, as a ModelFailure', (c) => {
    expect((c.default as { error: string }).error).toMatch(/did not converge/);
    const studies = c.events.map((events, i) => ({ study: `S${i}`, events, total: c.total[i]! }));
    expect(() => analyse(studies, { measure: c.measure, method: 'REML' })).toThrow(ModelFailure);
    expect(() => analyse(studies, { measure: c.measure, method: 'REML' })).toThrow('REML not fitted: did not converge in 100 iterations');
  });
});

describe('a refit that does not converge', () => {
  // The three studies metafor cannot fit (above), a fourth with which the full model converges.
  const stuck = failing[0]!;
  const studies = [
    ...stuck.events.map((events, i) => ({ study: `S${i}`, events, total: stuck.total[i]!, group: 'a', year: 2019 + i })),
    { study: 'D', events: 1, total: 10, group: 'b', year: 2022 },
  ];

  it('marks its own leave-one-out and cumulative rows and keeps the main analysis', () => {
    const result = analyse(studies, { measure: stuck.measure, method: 'REML' });
    expect(result.heterogeneity.tau2).toBeGreaterThan(0);
    expect(result.leaveOneOut!.map((row) => 'problem' in row)).toEqual([false, false, false, true]);
    expect(result.leaveOneOut![3]).toEqual({ omitted: 'D', problem: 'did not converge in 100 iterations' });
    expect(result.cumulative!.map((row) => 'problem' in row)).toEqual([false, false, true, false]);
    expect(result.cumulative![2]).toEqual({ study: 'S2', problem: 'did not converge in 100 iterations' });
  });

  it('leaves a note instead of subgroups when a subgroup fit does not converge', () => {
    const result = analyse(studies, { measure: stuck.measure, method: 'REML' });
    expect(result.subgroups).toBeUndefined();
    expect(result.notes).toContain('subgroups: not computed (REML not fitted: did not converge in 100 iterations)');
    expect(result.pooled.proportion).toBeGreaterThan(0);
  });
});
