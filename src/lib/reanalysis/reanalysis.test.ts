import { describe, expect, it } from 'vitest';
import { BAYES_REFERENCE } from '../../../tests/fixtures/bayes/reference.ts';
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
      tauPrior: PRIMARY.tauPrior,
      threshold: null,
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

describe('the Bayesian model in the URL', () => {
  it('reads model=BAYES with the sensitivity prior and a threshold, and writes them back', () => {
    const { state, ignored } = parseState('?model=BAYES&tauPrior=1&threshold=0.3');
    expect(ignored).toEqual([]);
    expect(state).toEqual({ ...PRIMARY, model: 'BAYES', tauPrior: 1, threshold: 0.3 });
    expect(stateQuery(state)).toBe('?model=BAYES&tauPrior=1&threshold=0.3');
    // The review's prior is the default, left out of the address.
    expect(PRIMARY.tauPrior).toBe(0.5);
    expect(stateQuery({ ...state, tauPrior: 0.5, threshold: null })).toBe('?model=BAYES');
    expect(parseState('?model=BAYES&tauPrior=0.5&threshold=.25').state).toEqual({ ...PRIMARY, model: 'BAYES', threshold: 0.25 });
  });

  it('names a prior other than the two declared, and a threshold that is not a rate in (0, 1), without repeating them', () => {
    for (const [query, bad] of [
      ['?model=BAYES&tauPrior=2&threshold=1', ['tauPrior', 'threshold']],
      ['?model=BAYES&tauPrior=1.0&threshold=0', ['tauPrior', 'threshold']],
      ['?model=BAYES&threshold=3e-1', ['threshold']],
      ['?model=BAYES&threshold=-0.3', ['threshold']],
      ['?model=BAYES&threshold=%3Cb%3E0.3', ['threshold']],
    ] as const) {
      const { state, ignored } = parseState(query);
      expect(ignored, query).toEqual(bad);
      expect([state.tauPrior, state.threshold], query).toEqual([PRIMARY.tauPrior, PRIMARY.threshold]);
    }
    expect(addressProblems(parseState('?model=BAYES&threshold=%3Cb%3E').ignored, 0)).toBe(
      "Not understood in the address: left at the review's setting: threshold.",
    );
  });

  it('leaves the prior and the threshold out under another model, and names them', () => {
    const { state, ignored } = parseState('?model=REML&tauPrior=1&threshold=0.3');
    expect(ignored).toEqual(['tauPrior', 'threshold']);
    expect(state).toEqual({ ...PRIMARY, model: 'REML' });
    expect(stateQuery({ ...state, tauPrior: 1, threshold: 0.3 })).toBe('?model=REML');
  });
});

describe('reanalyse under the Bayesian model', () => {
  /** tests/fixtures/bayes/reference.json, case "k2 wide prior": R's brute-force integration. */
  const reference = { cases: BAYES_REFERENCE };
  const k2 = reference.cases.find((c) => c.name === 'k2 wide prior')!;
  /** The model's own tolerance against R (bayes.test.ts): 1e-3 on every reported quantity. */
  const TOLERANCE = 1e-3;

  it('summarises the posterior of the studies kept, as R integrates it', () => {
    const trials: ReanalysisStudy[] = k2.events.map((events, i) => ({ ...studies[0]!, id: `NCT1000000${i}/x`, events, n: k2.totals[i]! }));
    const state: ReanalysisState = { ...PRIMARY, model: 'BAYES', tauPrior: k2.tau_prior, threshold: k2.threshold, exclude: ['NCT00000002/b'] };
    const { bayes, estimate, included } = reanalyse([...trials, studies[1]!], state);
    expect(estimate).toBeNull();
    expect(included.map((s) => s.id)).toEqual(trials.map((s) => s.id));
    const shown = [bayes!.proportion.cri[0], bayes!.proportion.median, bayes!.proportion.cri[1]];
    shown.forEach((value, i) => expect(Math.abs(value - k2.proportion[i]!)).toBeLessThan(TOLERANCE));
    [bayes!.predictive.cri[0], bayes!.predictive.median, bayes!.predictive.cri[1]].forEach((value, i) =>
      expect(Math.abs(value - k2.predictive[i]!)).toBeLessThan(TOLERANCE),
    );
    expect(Math.abs(bayes!.pAbove! - k2.p_above)).toBeLessThan(TOLERANCE);
    expect(bayes!.prior.tau.halfNormalScale).toBe(1);
  });

  it('answers from one study and from zero events, saying the prior drives it', () => {
    const { bayes } = reanalyse([studies[1]!], { ...PRIMARY, model: 'BAYES' });
    expect(bayes!.priorDriven.length).toBe(2);
    expect(reanalyse(studies, { ...PRIMARY, model: 'BAYES', exclude: studies.map((s) => s.id) }).bayes).toBeNull();
  });

  it('refuses what the CLI refuses: another transformation, Hartung–Knapp', () => {
    expect(() => reanalyse(studies, { ...PRIMARY, model: 'BAYES', measure: 'PFT' })).toThrow('defined for measure PLO, not PFT');
    expect(() => reanalyse(studies, { ...PRIMARY, model: 'BAYES', hakn: true })).toThrow('do not apply');
  });
});
