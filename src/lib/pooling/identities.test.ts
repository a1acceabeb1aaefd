import { describe, expect, it } from 'vitest';
import { analyse, escalc, MEASURES, rma, TAU2_METHODS, type StudyInput } from './index.ts';
import type { RefitEstimate } from './types.ts';

const COMBOS = MEASURES.flatMap((measure) => TAU2_METHODS.flatMap((method) => [false, true].map((hakn) => ({ measure, method, hakn }))));

const STUDIES: StudyInput[] = [
  { study: 'A', events: 8, total: 11, group: 'heme', year: 2020 },
  { study: 'B', events: 0, total: 6, group: 'heme', year: 2024 },
  { study: 'C', events: 3, total: 9, group: 'heme', year: 2022 },
  { study: 'D', events: 5, total: 5, group: 'solid', year: 2021 },
  { study: 'E', events: 2, total: 12, group: 'solid', year: 2023 },
  { study: 'F', events: 6, total: 20, group: 'solid', year: 2024 },
];

/** Every number anywhere in the result is finite; nulls are allowed. */
function expectAllFinite(value: unknown, path = 'result'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value) || ArrayBuffer.isView(value))
    [...(value as ArrayLike<unknown> & Iterable<unknown>)].forEach((v, i) => expectAllFinite(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => expectAllFinite(v, `${path}.${k}`));
}

describe('algebraic identities', () => {
  it.each(COMBOS)('weights sum to 100 ($measure $method hakn=$hakn)', (options) => {
    const result = analyse(STUDIES, options);
    expect(result.studies.reduce((sum, s) => sum + s.weight, 0)).toBeCloseTo(100, 10);
  });

  it('DL with tau² = 0 is the common-effect model', () => {
    const studies = [3, 4, 5].map((events, i) => ({ study: `S${i}`, events, total: 20 + i }));
    const { yi, vi } = escalc(
      'PLO',
      studies.map((s) => s.events),
      studies.map((s) => s.total),
    );
    const fit = rma(yi, vi, { method: 'DL', hakn: false });
    expect(fit.tau2).toBe(0);
    let sumW = 0;
    let sumWy = 0;
    yi.forEach((y, i) => {
      sumW += 1 / vi[i]!;
      sumWy += y / vi[i]!;
    });
    expect(fit.estimate).toBeCloseTo(sumWy / sumW, 14);
    expect(fit.se).toBeCloseTo(Math.sqrt(1 / sumW), 14);
  });

  it.each(COMBOS)('one study pools to itself ($measure $method hakn=$hakn)', (options) => {
    const result = analyse([{ study: 'Only', events: 7, total: 19 }], options);
    expect(result.pooled.proportion).toBeCloseTo(7 / 19, 12);
    expect(result.heterogeneity).toMatchObject({ tau2: 0, Q: 0, df: 0, pQ: 1, I2: 0, H2: 1 });
    expect(result.studies[0]!.weight).toBe(100);
  });

  it.each(COMBOS)('permuting the input permutes the weights ($measure $method hakn=$hakn)', (options) => {
    const order = [3, 0, 5, 1, 4, 2];
    const a = analyse(STUDIES, options);
    const b = analyse(
      order.map((i) => STUDIES[i]!),
      options,
    );
    order.forEach((from, to) => expect(b.studies[to]!.weight).toBeCloseTo(a.studies[from]!.weight, 9));
    expect(b.pooled.proportion).toBeCloseTo(a.pooled.proportion, 10);
  });

  it.each(COMBOS)('leave-one-out and cumulative are refits of the subsets ($measure $method hakn=$hakn)', (options) => {
    const result = analyse(STUDIES, options);
    const strip = (s: StudyInput) => ({ study: s.study, events: s.events, total: s.total });
    // A refit that failed has no proportion: NaN is close to nothing.
    const proportionOf = (refit: RefitEstimate) => ('proportion' in refit ? refit.proportion : NaN);
    STUDIES.forEach((_, i) => {
      const subset = analyse(STUDIES.filter((__, j) => j !== i).map(strip), options);
      expect(proportionOf(result.leaveOneOut![i]!)).toBeCloseTo(subset.pooled.proportion, 10);
    });
    expect(proportionOf(result.cumulative!.at(-1)!)).toBeCloseTo(result.pooled.proportion, 10);
    expect(result.cumulative!.map((c) => c.study)).toEqual(['A', 'D', 'C', 'E', 'B', 'F']);
  });
});

describe('edge cases', () => {
  it('k = 0 is an error', () => {
    expect(() => analyse([])).toThrow('pool requires at least one study');
  });

  it('rejects impossible counts with a short message', () => {
    expect(() => analyse([{ study: 'X', events: 12, total: 10 }])).toThrow('study X: events (12) exceeds total (10)');
    expect(() => analyse([{ study: 'X', events: 1.5, total: 10 }])).toThrow('not a non-negative integer');
    expect(() => analyse([{ study: 'X', events: 0, total: 0 }])).toThrow('total (0) is not a positive integer');
  });

  const cases: [string, StudyInput[]][] = [
    ['k = 1', [{ study: 'A', events: 0, total: 4, group: 'g', year: 1 }]],
    [
      'k = 2',
      [
        { study: 'A', events: 0, total: 4, group: 'g', year: 1 },
        { study: 'B', events: 4, total: 4, group: 'h', year: 1 },
      ],
    ],
    ['all zero events', [0, 0, 0, 0].map((events, i) => ({ study: `S${i}`, events, total: 5 + i, group: 'g', year: 2000 }))],
    ['all events', [5, 6, 7].map((n, i) => ({ study: `S${i}`, events: n, total: n, group: `g${i % 2}`, year: 2000 + i }))],
    ['identical studies', [1, 2, 3, 4].map((i) => ({ study: `S${i}`, events: 5, total: 20, group: `g${i % 2}`, year: 2000 }))],
    [
      'very large n',
      [
        { study: 'A', events: 1, total: 1e9 },
        { study: 'B', events: 999_999_999, total: 1e9 },
        { study: 'C', events: 5e8, total: 1e9 },
      ],
    ],
  ];
  it.each(cases.flatMap(([name, studies]) => COMBOS.map((o) => ({ name, studies, ...o }))))(
    '$name gives finite numbers or null ($measure $method hakn=$hakn)',
    ({ studies, measure, method, hakn }) => {
      const result = analyse(studies, { measure, method, hakn });
      expectAllFinite(result);
    },
  );

  it('identical studies have tau² = 0 for every method', () => {
    const studies = [1, 2, 3].map((i) => ({ study: `S${i}`, events: 5, total: 20 }));
    for (const method of TAU2_METHODS) expect(analyse(studies, { method }).heterogeneity.tau2).toBe(0);
    expect(analyse(studies).egger).toBeNull();
  });

  it('very large k stays finite', () => {
    const studies = Array.from({ length: 5_000 }, (_, i) => ({ study: `S${i}`, events: (i * 7) % 50, total: 50 + (i % 13) }));
    for (const method of TAU2_METHODS) {
      const { pooled, heterogeneity, egger } = analyse(studies.slice(0, method === 'DL' ? 5_000 : 1_000), { method });
      expectAllFinite({ pooled, heterogeneity, egger });
    }
  });
});
