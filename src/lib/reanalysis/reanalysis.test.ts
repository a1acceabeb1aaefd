import { describe, expect, it } from 'vitest';
import { analyse } from '../pooling/analyse.ts';
import { reanalyse } from './reanalyse.ts';
import { isPrimary, parseState, PRIMARY, stateQuery } from './state.ts';

const studies = [
  { id: 'NCT00000001/a', study: 'A 2024', nct: 'NCT00000001', events: 18, n: 37 },
  { id: 'NCT00000002/b', study: 'B 2023', nct: 'NCT00000002', events: 0, n: 9 },
  { id: 'NCT00000003/c', study: 'C 2025', nct: 'NCT00000003', events: 5, n: 12 },
];

describe('re-analysis state in the URL', () => {
  it('reads the primary analysis from an empty query', () => {
    expect(parseState('')).toEqual({ state: PRIMARY, ignored: [] });
    expect(isPrimary(PRIMARY)).toBe(true);
  });

  it('reads every parameter, URL-decoding ids', () => {
    const { state } = parseState('?exclude=NCT00000001%2Fa,NCT00000002/b&model=REML&hakn=1&measure=PFT');
    expect(state).toEqual({ exclude: ['NCT00000001/a', 'NCT00000002/b'], model: 'REML', hakn: true, measure: 'PFT' });
  });

  it('round-trips through its query string, leaving out what equals the primary analysis', () => {
    const state = { exclude: ['NCT00000001/a'], model: 'PM' as const, hakn: true, measure: 'PLO' as const };
    expect(stateQuery(state)).toBe('?exclude=NCT00000001%2Fa&model=PM&hakn=1');
    expect(parseState(stateQuery(state)).state).toEqual(state);
    expect(stateQuery(PRIMARY)).toBe('');
  });

  it('falls back to the primary setting for a value outside the vocabulary, and names it', () => {
    const { state, ignored } = parseState('?model=XYZ&measure=plo&hakn=yes');
    expect(state).toEqual(PRIMARY);
    expect(ignored).toEqual(['model=XYZ', 'measure=plo', 'hakn=yes']);
  });
});

describe('reanalyse', () => {
  it('pools the studies not excluded, joined by id, exactly as analyse() does', () => {
    const { included, estimate, unknownIds } = reanalyse(studies, { ...PRIMARY, exclude: ['NCT00000002/b', 'NCT09999999/x'], model: 'REML' });
    expect(included.map((s) => [s.id, s.result?.study, s.result?.events])).toEqual([
      ['NCT00000001/a', 'NCT00000001/a', 18],
      ['NCT00000003/c', 'NCT00000003/c', 5],
    ]);
    expect(unknownIds).toEqual(['NCT09999999/x']);
    const direct = analyse(
      [
        { study: 'A 2024', events: 18, total: 37 },
        { study: 'C 2025', events: 5, total: 12 },
      ],
      { method: 'REML' },
    );
    expect(estimate?.fit?.pooled).toEqual(direct.pooled);
    expect(estimate?.proportion).toBe(direct.pooled.proportion);
  });

  it("follows the review's rules: no model from studies without an event", () => {
    const none = reanalyse(
      studies.map((s) => ({ ...s, events: 0 })),
      { ...PRIMARY, model: 'DL' },
    ).estimate!;
    expect([none.basis, none.model, none.proportion, none.fit]).toEqual(['no-events', 'none', 0, null]);
  });

  it('has no result when every study is excluded', () => {
    expect(reanalyse(studies, { ...PRIMARY, exclude: studies.map((s) => s.id) }).estimate).toBeNull();
  });
});
