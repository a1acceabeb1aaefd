import { describe, expect, it } from 'vitest';
import { bayesBinomialNormal, PRIOR_DRIVEN } from './bayes.ts';
import { BAYES_REFERENCE } from '../../../tests/fixtures/bayes/reference.ts';

const reference = { cases: BAYES_REFERENCE };

/**
 * 1e-3 absolute on every reported quantity, the accuracy the review promises: both sides are
 * numerical integrations (the reference a brute-force grid in R) and agree within 1.6e-4 on
 * these cases (the R side's piecewise-linear predictive is the larger error), and three
 * decimals of a rate or of tau are more than any table prints.
 */
const TOLERANCE = 1e-3;

describe('bayesBinomialNormal agrees with an independent grid integration in R', () => {
  it.each(reference.cases)('$name (tau prior $tau_prior)', (c) => {
    const studies = c.events.map((events, i) => ({ events, total: c.totals[i]! }));
    const out = bayesBinomialNormal(studies, { tauPriorScale: c.tau_prior, threshold: c.threshold });
    const triple = (s: { median: number; cri: [number, number] }) => [s.cri[0], s.median, s.cri[1]];
    const close = (got: number[], want: number[]) => got.forEach((g, i) => expect(Math.abs(g - want[i]!)).toBeLessThanOrEqual(TOLERANCE));
    close(triple(out.proportion), c.proportion);
    close(triple(out.tau), c.tau);
    close(triple(out.predictive), c.predictive);
    expect(Math.abs(out.pAbove! - c.p_above)).toBeLessThanOrEqual(TOLERANCE);
    expect(out.prior).toEqual({ mu: { mean: 0, sd: 10 }, tau: { halfNormalScale: c.tau_prior } });
    expect(out.threshold).toBe(c.threshold);
  });
});

describe('bayesBinomialNormal', () => {
  it('says when the prior drives the answer, by the declared rule', () => {
    expect(bayesBinomialNormal([{ events: 0, total: 10 }]).priorDriven).toEqual([PRIOR_DRIVEN.singleTrial, PRIOR_DRIVEN.noEvents]);
    expect(
      bayesBinomialNormal([
        { events: 6, total: 6 },
        { events: 4, total: 4 },
      ]).priorDriven,
    ).toContain(PRIOR_DRIVEN.allEvents);
    expect(
      bayesBinomialNormal([
        { events: 12, total: 25 },
        { events: 11, total: 20 },
      ]).priorDriven,
    ).toEqual([PRIOR_DRIVEN.tauFromPrior]);
    const many = Array.from({ length: 30 }, (_, i) => ({ events: 2 + ((i * 7) % 25), total: 30 }));
    expect(bayesBinomialNormal(many).priorDriven).toEqual([]);
    // Nine trials that disagree (0/6 to 11/11): tau's interval is as wide as the prior's but far above its median, so it is the data's.
    const disagreeing = [
      [8, 11],
      [0, 6],
      [3, 9],
      [5, 5],
      [0, 3],
      [11, 11],
      [2, 12],
      [4, 4],
      [6, 20],
    ].map(([events, total]) => ({ events: events!, total: total! }));
    const wide = bayesBinomialNormal(disagreeing, { tauPriorScale: 1 });
    expect(wide.tau.cri[1] - wide.tau.cri[0]).toBeGreaterThan(0.8 * 2.21);
    expect(wide.priorDriven).toEqual([]);
  });

  it('gives pAbove only with a threshold, and P(above) falls as the threshold rises', () => {
    const studies = [
      { events: 12, total: 25 },
      { events: 11, total: 20 },
    ];
    expect(bayesBinomialNormal(studies).pAbove).toBeNull();
    const low = bayesBinomialNormal(studies, { threshold: 0.3 }).pAbove!;
    const high = bayesBinomialNormal(studies, { threshold: 0.6 }).pAbove!;
    expect(low).toBeGreaterThan(high);
  });

  it('rejects what it cannot pool, naming the problem', () => {
    expect(() => bayesBinomialNormal([])).toThrow('at least one study');
    expect(() => bayesBinomialNormal([{ events: 3, total: 10 }], { tauPriorScale: 0 })).toThrow('tau prior scale 0');
    expect(() => bayesBinomialNormal([{ events: 3, total: 10 }], { threshold: 1 })).toThrow('threshold 1');
    expect(() => bayesBinomialNormal([{ events: 11, total: 10 }])).toThrow('study 1');
  });
});
