import { describe, expect, it } from 'vitest';
import { analyse } from '../pooling/analyse.ts';
import { reanalyse } from './reanalyse.ts';
import { addressProblems, isPrimary, knownExclusions, parseState, PRIMARY, stateQuery, type ReanalysisState } from './state.ts';
import type { ReanalysisStudy } from './reanalyse.ts';

const studies: ReanalysisStudy[] = [
  { id: 'NCT00000001/a', study: 'A 2024', nct: 'NCT00000001', events: 18, n: 37, source: { type: 'article' }, riskOfBias: 'unclear' },
  { id: 'NCT00000002/b', study: 'B 2023', nct: 'NCT00000002', events: 0, n: 9, source: { type: 'conference-abstract' }, riskOfBias: 'high' },
  { id: 'NCT00000003/c', study: 'C 2025', nct: 'NCT00000003', events: 5, n: 12, source: { type: 'article' }, riskOfBias: 'low' },
];
/** Known only from a press release: no risk-of-bias judgement. */
const sponsorReport: ReanalysisStudy = {
  id: 'NCT00000004/d',
  study: 'D 2022',
  nct: 'NCT00000004',
  events: 5,
  n: 6,
  source: { type: 'sponsor-report' },
  riskOfBias: null,
};
const ALL_TIERS = ['article', 'conference-abstract', 'letter', 'registry-results', 'preprint', 'sponsor-report'] as const;

describe('re-analysis state in the URL', () => {
  it('reads the primary analysis from an empty query', () => {
    expect(parseState('')).toEqual({ state: PRIMARY, ignored: [] });
    expect(isPrimary(PRIMARY)).toBe(true);
  });

  it('reads every parameter, URL-decoding ids', () => {
    const { state } = parseState('?exclude=NCT00000001%2Fa,NCT00000002/b&model=REML&hakn=1&measure=PFT&tiers=sponsor-report,article&rob=low,none');
    expect(state).toEqual({
      exclude: ['NCT00000001/a', 'NCT00000002/b'],
      model: 'REML',
      hakn: true,
      measure: 'PFT',
      tiers: ['article', 'sponsor-report'],
      rob: ['low', 'none'],
    });
  });

  it('defaults to the primary analysis: every tier but sponsor reports, every risk-of-bias level', () => {
    expect(PRIMARY.tiers).toEqual(['article', 'conference-abstract', 'letter', 'registry-results', 'preprint']);
    expect(PRIMARY.rob).toEqual(['low', 'unclear', 'high', 'none']);
    // The same sets in another order are the primary analysis too.
    expect(parseState('?tiers=preprint,registry-results,letter,conference-abstract,article&rob=none,high,unclear,low')).toEqual({
      state: PRIMARY,
      ignored: [],
    });
  });

  it('round-trips through its query string, leaving out what equals the primary analysis', () => {
    const state: ReanalysisState = { ...PRIMARY, exclude: ['NCT00000001/a'], model: 'PM', hakn: true };
    expect(stateQuery(state)).toBe('?exclude=NCT00000001%2Fa&model=PM&hakn=1');
    expect(parseState(stateQuery(state)).state).toEqual(state);
    expect(stateQuery(PRIMARY)).toBe('');
    const filtered: ReanalysisState = { ...PRIMARY, tiers: [...ALL_TIERS], rob: ['low', 'unclear'] };
    expect(stateQuery(filtered)).toBe('?tiers=article,conference-abstract,letter,registry-results,preprint,sponsor-report&rob=low,unclear');
    expect(parseState(stateQuery(filtered)).state).toEqual(filtered);
    expect(isPrimary(filtered)).toBe(false);
    // No tier at all is a choice too, kept in the address.
    const none: ReanalysisState = { ...PRIMARY, tiers: [] };
    expect(stateQuery(none)).toBe('?tiers=');
    expect(parseState(stateQuery(none)).state).toEqual(none);
  });

  it('falls back to the primary setting for a value outside the vocabulary, and names the parameter', () => {
    const { state, ignored } = parseState('?model=XYZ&measure=plo&hakn=yes');
    expect(state).toEqual(PRIMARY);
    expect(ignored).toEqual(['model', 'measure', 'hakn']);
    expect(parseState('?tiers=article,news,gossip&rob=low,medium')).toEqual({
      state: { ...PRIMARY, tiers: ['article'], rob: ['low'] },
      ignored: ['tiers', 'rob'],
    });
  });

  it('never repeats text from the address: only parameter names and a count of unknown study ids', () => {
    const hostile = '?model=%3Cimg%20src%3Dx%3E%E2%80%AEYour%20analysis%20proves%2099%25&tiers=%F0%9F%92%A5&exclude=NCT09999999%2Fx,%3Cb%3E';
    const { state, ignored } = parseState(hostile);
    const message = addressProblems(ignored, state.exclude.length);
    expect(message).toBe(
      "Not understood in the address: left at the review's setting: model, tiers; 2 study ids match no study of this outcome (unknown, ignored).",
    );
    expect(addressProblems([], 1)).toBe('Not understood in the address: one study id matches no study of this outcome (unknown, ignored).');
    expect(addressProblems([], 0)).toBeNull();
  });
});

describe('reanalyse: evidence tiers and risk of bias', () => {
  const all = [...studies, sponsorReport];
  const ids = (state: ReanalysisState) => reanalyse(all, state).included.map((s) => s.id);

  it('leaves sponsor reports out by default, so the default reproduces the primary analysis', () => {
    expect(ids(PRIMARY)).toEqual(['NCT00000001/a', 'NCT00000002/b', 'NCT00000003/c']);
    expect(reanalyse(all, PRIMARY).estimate).toEqual(reanalyse(studies, PRIMARY).estimate);
  });

  it('adds sponsor reports when their tier is chosen, and pools them as analyse() does', () => {
    const state = { ...PRIMARY, tiers: [...ALL_TIERS], model: 'DL' as const };
    expect(ids(state)).toEqual(['NCT00000001/a', 'NCT00000002/b', 'NCT00000003/c', 'NCT00000004/d']);
    const direct = analyse(
      all.map((s) => ({ study: s.id, events: s.events, total: s.n })),
      { method: 'DL' },
    );
    expect(reanalyse(all, state).estimate?.fit?.pooled).toEqual(direct.pooled);
  });

  it('keeps only the tiers chosen', () => {
    expect(ids({ ...PRIMARY, tiers: ['conference-abstract'] })).toEqual(['NCT00000002/b']);
    expect(reanalyse(all, { ...PRIMARY, tiers: [] }).estimate).toBeNull();
  });

  it('keeps only the risk-of-bias levels chosen; a study without a judgement is "none"', () => {
    expect(ids({ ...PRIMARY, rob: ['low', 'unclear'] })).toEqual(['NCT00000001/a', 'NCT00000003/c']);
    expect(ids({ ...PRIMARY, tiers: [...ALL_TIERS], rob: ['none'] })).toEqual(['NCT00000004/d']);
    expect(ids({ ...PRIMARY, tiers: [...ALL_TIERS], rob: ['low', 'unclear', 'high'] })).toEqual(['NCT00000001/a', 'NCT00000002/b', 'NCT00000003/c']);
  });

  it('applies the filters and the excluded ids together', () => {
    expect(ids({ ...PRIMARY, tiers: [...ALL_TIERS], rob: ['low', 'none'], exclude: ['NCT00000004/d'] })).toEqual(['NCT00000003/c']);
  });
});

describe('reanalyse', () => {
  it('pools the studies not excluded, joined by id, exactly as analyse() does', () => {
    const { included, estimate } = reanalyse(studies, { ...PRIMARY, exclude: ['NCT00000002/b', 'NCT09999999/x'], model: 'REML' });
    expect(included.map((s) => [s.id, s.result?.study, s.result?.events])).toEqual([
      ['NCT00000001/a', 'NCT00000001/a', 18],
      ['NCT00000003/c', 'NCT00000003/c', 5],
    ]);
    const known = knownExclusions({ ...PRIMARY, exclude: ['NCT00000002/b', 'NCT09999999/x'] }, new Set(studies.map((s) => s.id)));
    expect(known).toEqual({ state: { ...PRIMARY, exclude: ['NCT00000002/b'] }, unknown: 1 });
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
