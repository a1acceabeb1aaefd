import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseBinaryOutcome } from '../review/analyses/analyses.ts';
import { BINARY_OUTCOMES, type BinaryOutcomeKey } from '../vocabulary/outcomes.ts';
import { trialsRiskOfBias } from '../review/model/trial-risk-of-bias.ts';
import type { CertaintyJudgements } from '../schema/certainty.ts';
import type { Trial } from '../schema/trial.ts';
import { validateTrialFile } from '../validation/validate-trial-file.ts';
import { imprecisionRating } from './imprecision.ts';
import { inconsistencyRating } from './inconsistency.ts';
import { publicationBiasRating } from './publication-bias.ts';
import { ratingAfter } from './rate.ts';
import { riskOfBiasRating } from './risk-of-bias-rating.ts';
import { certaintySymbols, domainSentences, downgradeWords, plainLanguageStatement } from './statement.ts';
import { summaryOfFindings } from '../review/analyses/summary-of-findings.ts';
import type { CertaintyInput } from './certainty-types.ts';

const study = (weight: number, ci: [number, number], risk: 'low' | 'unclear' | 'high' = 'low') => ({ id: `s${weight}`, weight, ci, risk });

describe('imprecision', () => {
  const base = { k: 3, patients: 150, events: 60, ci: [0.3, 0.45] as [number, number] };

  it('does not downgrade 150 patients, 60 events, 3 trials and a 15-point interval', () => {
    expect(imprecisionRating(base)).toMatchObject({ downgrade: 0 });
  });

  it('moves one level below 100 patients and two below 30', () => {
    expect(imprecisionRating({ ...base, patients: 99 })).toEqual({
      downgrade: 1,
      reason: '99 patients, 60 events, 3 trials; the 95 % confidence interval spans 15 percentage points: fewer than 100 patients.',
    });
    expect(imprecisionRating({ ...base, patients: 29 }).downgrade).toBe(2);
  });

  it('reads events, interval width and the number of trials', () => {
    expect(imprecisionRating({ ...base, events: 0 }).downgrade).toBe(1);
    expect(imprecisionRating({ ...base, ci: [0.3, 0.55] }).downgrade).toBe(1);
    expect(imprecisionRating({ ...base, ci: [0.1, 0.55] }).downgrade).toBe(2);
    expect(imprecisionRating({ ...base, k: 2 }).downgrade).toBe(1);
  });
});

describe('inconsistency', () => {
  const base: Pick<CertaintyInput, 'k' | 'I2' | 'ci' | 'pi' | 'studies'> = {
    k: 2,
    I2: 0,
    ci: [0.3, 0.5],
    pi: [0.3, 0.5],
    studies: [study(50, [0.2, 0.6]), study(50, [0.3, 0.7])],
  };

  it('is not assessed for one trial', () => {
    expect(inconsistencyRating({ ...base, k: 1 })).toEqual({
      downgrade: 0,
      reason: 'A single trial: inconsistency cannot be assessed, and GRADE does not downgrade for it.',
    });
  });

  it('moves one level at I² 50 % and two at 75 % with intervals that share no value', () => {
    expect(inconsistencyRating(base).downgrade).toBe(0);
    expect(inconsistencyRating({ ...base, I2: 49.9 }).downgrade).toBe(0);
    expect(inconsistencyRating({ ...base, I2: 50 }).downgrade).toBe(1);
    const apart = [study(50, [0.05, 0.2]), study(50, [0.5, 0.9])];
    expect(inconsistencyRating({ ...base, I2: 80, studies: apart })).toEqual({
      downgrade: 2,
      reason:
        "I² = 80 %; the trials' confidence intervals do not all overlap; the prediction interval is 0 percentage points wider than the confidence interval: I² ≥ 75 % with trials that disagree.",
    });
    expect(inconsistencyRating({ ...base, I2: 80 }).downgrade).toBe(1);
  });

  it('reads a prediction interval much wider than the confidence interval, where there is between-trial variance', () => {
    expect(inconsistencyRating({ ...base, I2: 20, pi: [0.1, 0.8] }).downgrade).toBe(1);
    // With I² = 0 the width comes from t on k − 2 df alone, not from trials that disagree.
    expect(inconsistencyRating({ ...base, I2: 0, pi: [0.1, 0.8] }).downgrade).toBe(0);
  });
});

describe('risk of bias across trials', () => {
  it('weighs each trial by its analysis weight', () => {
    expect(riskOfBiasRating({ studies: [study(60, [0, 1], 'low'), study(40, [0, 1], 'unclear')] }).downgrade).toBe(0);
    expect(riskOfBiasRating({ studies: [study(40, [0, 1], 'low'), study(60, [0, 1], 'unclear')] })).toEqual({
      downgrade: 1,
      reason: 'Trials at high overall risk of bias carry 0 % of the weight, trials at unclear risk 60 %: more than 50 % at high or unclear risk.',
    });
    expect(riskOfBiasRating({ studies: [study(40, [0, 1], 'low'), study(60, [0, 1], 'high')] }).downgrade).toBe(2);
  });
});

describe('publication bias', () => {
  it("says it cannot be assessed below 10 trials, and keeps the reviewers' judgement", () => {
    expect(publicationBiasRating(3, { downgrade: 1, reason: 'Most trials unpublished.' })).toEqual({
      downgrade: 1,
      reason: 'Not assessable statistically with fewer than 10 trials (k = 3). Most trials unpublished.',
    });
    expect(publicationBiasRating(10, { downgrade: 0, reason: 'x' }).reason).toMatch(/^With 10 trials the funnel plot/);
  });
});

describe('rating', () => {
  it('starts low, takes off one level per downgrade, and stops at very low', () => {
    expect(ratingAfter('low', 0)).toBe('low');
    expect(ratingAfter('low', 1)).toBe('very low');
    expect(ratingAfter('low', 5)).toBe('very low');
    expect(ratingAfter('high', 2)).toBe('low');
  });

  it('speaks as GRADE does at each level', () => {
    expect(plainLanguageStatement('cr', 'low', 0.5)).toBe('About 50 in 100 patients treated with CAR-NK cells may have a complete response.');
    expect(plainLanguageStatement('cr', 'moderate', 0.5)).toBe(
      'About 50 in 100 patients treated with CAR-NK cells probably have a complete response.',
    );
    expect(['high', 'moderate', 'low', 'very low'].map((l) => certaintySymbols(l as 'low'))).toEqual(['⊕⊕⊕⊕', '⊕⊕⊕◯', '⊕⊕◯◯', '⊕◯◯◯']);
    expect([0, 1, 2].map(downgradeWords)).toEqual(['not downgraded', 'downgraded one level (serious)', 'downgraded two levels (very serious)']);
    const none = { downgrade: 0 as const, reason: 'No concern.' };
    const sentences = domainSentences({
      riskOfBias: none,
      inconsistency: { downgrade: 2, reason: 'I² 80 %.' },
      indirectness: none,
      imprecision: { downgrade: 1, reason: 'Few patients.' },
      publicationBias: none,
    });
    expect(sentences.map((s) => s.domain)).toEqual(['riskOfBias', 'inconsistency', 'indirectness', 'imprecision', 'publicationBias']);
    expect(sentences[1]).toEqual({ domain: 'inconsistency', downgrade: 2, text: 'Inconsistency: downgraded two levels (very serious). I² 80 %.' });
    expect(sentences[3]!.text).toBe('Imprecision: downgraded one level (serious). Few patients.');
    expect(sentences[0]!.text).toBe('Risk of bias: not downgraded. No concern.');
    expect(plainLanguageStatement('crsAny', 'very low', 0.02)).toBe(
      'The evidence is very uncertain about how many patients treated with CAR-NK cells have cytokine release syndrome.',
    );
  });
});

// From trial files to a rating: the valid fixture trial, copied into three trials whose counts the tests change.
const fixture = validateTrialFile({ path: 'NCT00000001.mdx', text: readFileSync('tests/fixtures/trials/valid/NCT00000001.mdx', 'utf8') });
if (!fixture.ok) throw new Error(fixture.errors.join('\n'));

function trials(counts: [number, number][]): Trial[] {
  return counts.map(([events, n], i) => {
    const trial = structuredClone(fixture.ok ? fixture.value.trial : undefined)!;
    trial.nct = `NCT0000001${i}`;
    trial.riskOfBias!.judgements.consecutive.judgement = 'low';
    trial.riskOfBias!.judgements['unbiased-assessment'].judgement = 'low';
    trial.cohorts[1]!.outcomes.orr = { events, n, source: { publication: 'full-2024', location: 'Table 2' } };
    return trial;
  });
}

const noConcerns: CertaintyJudgements = {
  outcomes: Object.fromEntries(
    BINARY_OUTCOMES.map(({ key }) => [
      key,
      { indirectness: { downgrade: 0, reason: 'Direct.' }, publicationBias: { downgrade: 0, reason: 'None suspected.' } },
    ]),
  ) as CertaintyJudgements['outcomes'],
};
const orr = BINARY_OUTCOMES.find((o) => o.key === ('orr' satisfies BinaryOutcomeKey))!;
const rate = (set: Trial[]) => summaryOfFindings(analyseBinaryOutcome(set, orr), trialsRiskOfBias(set), noConcerns)!;

describe('summary of findings from trial files', () => {
  it('rates three large, consistent trials at low risk of bias as low, the starting level', () => {
    const summary = rate(
      trials([
        [50, 100],
        [55, 100],
        [45, 100],
      ]),
    );
    expect(summary.certainty.rating).toBe('low');
    expect(Object.values(summary.certainty.domains).map((d) => d.downgrade)).toEqual([0, 0, 0, 0, 0]);
    expect(summary.counts).toBe('150 of 300 patients in 3 trials responded (complete or partial response)');
    expect(summary.absolute).toBe('50 per 100 patients (95 % CI 44 to 56)');
    expect(summary.statement).toBe('About 50 in 100 patients treated with CAR-NK cells may respond (complete or partial response).');
  });

  it('moves to very low when the trials are small: 27 patients, fewer than 30 (n)', () => {
    const summary = rate(
      trials([
        [4, 9],
        [5, 9],
        [4, 9],
      ]),
    );
    expect(summary.certainty.domains.imprecision.downgrade).toBe(2);
    expect(summary.certainty.rating).toBe('very low');
    expect(summary.symbols).toBe('⊕◯◯◯');
    expect(summary.downgrades.map((d) => [d.marker, d.label, d.downgrade])).toEqual([['a', 'Imprecision', 2]]);
  });

  it('moves to very low when the trials disagree (I²)', () => {
    const summary = rate(
      trials([
        [10, 100],
        [50, 100],
        [90, 100],
      ]),
    );
    expect(summary.certainty.domains.inconsistency.downgrade).toBe(2);
    expect(summary.certainty.rating).toBe('very low');
  });

  it('moves to very low when a trial with most of the weight is at unclear risk of bias', () => {
    const set = trials([
      [50, 100],
      [55, 100],
      [45, 100],
    ]);
    for (const trial of set.slice(0, 2)) trial.riskOfBias!.judgements.consecutive.judgement = 'unclear';
    const summary = rate(set);
    expect(summary.certainty.domains.riskOfBias.downgrade).toBe(1);
    expect(summary.certainty.rating).toBe('very low');
  });
});
