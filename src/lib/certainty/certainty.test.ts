import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseBinaryOutcome } from '../review/analyses/analyses.ts';
import { BINARY_OUTCOMES, type BinaryOutcomeKey } from '../vocabulary/outcomes.ts';
import { trialsRiskOfBias } from '../review/model/trial-risk-of-bias.ts';
import type { CertaintyJudgements } from '../schema/certainty.ts';
import type { DecisionThreshold } from '../schema/thresholds.ts';
import type { Trial } from '../schema/trial.ts';
import { validateTrialFile } from '../validation/validate-trial-file.ts';
import { imprecisionRating } from './imprecision.ts';
import { inconsistencyRating, withinPopulations } from './inconsistency.ts';
import { indirectnessRating } from './indirectness.ts';
import { publicationBiasRating } from './publication-bias.ts';
import { ratingAfter } from './rate.ts';
import { riskOfBiasRating } from './risk-of-bias-rating.ts';
import { certaintySymbols, domainSentences, downgradeWords, plainLanguageStatement } from './statement.ts';
import { summaryOfFindings } from '../review/analyses/summary-of-findings.ts';

const study = (weight: number, ci: [number, number], risk: 'low' | 'unclear' | 'high' = 'low', proportion = (ci[0] + ci[1]) / 2) => ({
  id: `s${weight}-${ci[0]}`,
  nct: `NCT${weight}`,
  weight,
  proportion,
  ci,
  risk,
});
const above = (value: number) => ({ value, side: 'above' as const });

describe('imprecision against a decision threshold', () => {
  const base = { events: 20, interval: [0.3, 0.7] as [number, number], intervalKind: 'credible' as const, threshold: above(0.26) };

  it('is not serious when the whole interval lies on one side of the threshold', () => {
    expect(imprecisionRating(base)).toMatchObject({
      downgrade: 0,
      rule: 'imprecision.crosses-threshold',
      reason: 'The 95 % credible interval is 30.0–70.0 % (40 percentage points wide): wholly above the threshold of 26 %.',
    });
  });

  it('is serious when the interval crosses it, very serious when it also is wider than 40 points', () => {
    expect(imprecisionRating({ ...base, interval: [0.2, 0.5] }).downgrade).toBe(1);
    expect(imprecisionRating({ ...base, interval: [0.2, 0.61] }).downgrade).toBe(2);
  });

  it('judges a zero-event outcome by its upper bound, not by its number of events', () => {
    const harm = {
      events: 0,
      interval: [0, 0.07] as [number, number],
      intervalKind: 'confidence' as const,
      threshold: { value: 0.42, side: 'below' as const },
    };
    expect(imprecisionRating(harm)).toMatchObject({ downgrade: 0, inputs: { upper: 0.07, threshold: 0.42 } });
    expect(imprecisionRating(harm).reason).toContain('With no events, the upper bound is what is judged.');
    expect(imprecisionRating({ ...harm, interval: [0, 0.45] }).downgrade).toBe(2);
  });

  it('falls back to the width of the interval where no threshold is sourced', () => {
    const none = { ...base, threshold: null };
    expect(imprecisionRating({ ...none, interval: [0.3, 0.45] })).toMatchObject({ downgrade: 0, rule: 'imprecision.interval-width' });
    expect(imprecisionRating({ ...none, interval: [0.3, 0.55] }).downgrade).toBe(1);
    expect(imprecisionRating({ ...none, interval: [0.1, 0.55] }).downgrade).toBe(2);
  });
});

describe('inconsistency', () => {
  const base = { trials: 2, I2: 0, threshold: above(0.26), studies: [study(50, [0.32, 0.66]), study(50, [0.25, 0.92])] };

  it('is not assessed for one trial, however many cohorts it has', () => {
    expect(inconsistencyRating({ ...base, trials: 1 })).toMatchObject({ downgrade: 0, rule: 'inconsistency.single-trial' });
  });

  it('against a threshold: serious only when the trials fall on both sides of it, very serious when they also share no value', () => {
    expect(inconsistencyRating(base)).toMatchObject({ downgrade: 0, rule: 'inconsistency.threshold-sides' });
    const sides = [study(50, [0.1, 0.4], 'low', 0.2), study(50, [0.3, 0.7], 'low', 0.5)];
    expect(inconsistencyRating({ ...base, studies: sides }).downgrade).toBe(1);
    const apart = [study(50, [0.05, 0.2], 'low', 0.1), study(50, [0.5, 0.9], 'low', 0.7)];
    expect(inconsistencyRating({ ...base, studies: apart })).toEqual({
      downgrade: 2,
      rule: 'inconsistency.threshold-sides',
      inputs: { trials: 2, I2: 0, threshold: 0.26, overlap: 'no' },
      judged: false,
      reason:
        "1 of 2 studies lie above the threshold of 26 % and 1 below it; the trials' confidence intervals share no value: the trials point to different sides and disagree.",
    });
  });

  it('without a threshold: one level at I² 50 % or intervals that share no value, two at I² 75 % with them', () => {
    const none = { ...base, threshold: null };
    expect(inconsistencyRating(none).downgrade).toBe(0);
    expect(inconsistencyRating({ ...none, I2: 50 }).downgrade).toBe(1);
    const apart = [study(50, [0.05, 0.2]), study(50, [0.5, 0.9])];
    expect(inconsistencyRating({ ...none, I2: 80, studies: apart }).downgrade).toBe(2);
    expect(inconsistencyRating({ ...none, I2: 10, studies: apart }).downgrade).toBe(1);
  });

  it('across malignancy groups counts only the worst within a group: their differences are indirectness', () => {
    const one = inconsistencyRating({ ...base, trials: 1 });
    const two = inconsistencyRating({ ...base, studies: [study(50, [0.1, 0.4], 'low', 0.2), study(50, [0.3, 0.7], 'low', 0.5)] });
    expect(
      withinPopulations([
        { label: 'Solid tumours', rating: one },
        { label: 'Hematologic malignancies', rating: two },
      ]),
    ).toMatchObject({
      downgrade: 1,
      rule: 'inconsistency.within-populations',
      inputs: { 'Solid tumours': 0, 'Hematologic malignancies': 1 },
    });
  });
});

describe('indirectness', () => {
  it("adds one level for a threshold from other patients to the review team's judgement, at most two", () => {
    expect(indirectnessRating({ downgrade: 0, reason: 'Direct.' }, null)).toMatchObject({
      downgrade: 0,
      judged: true,
      inputs: { reviewers: 0, comparator: 0 },
    });
    expect(indirectnessRating({ downgrade: 0, reason: 'Direct.' }, above(0.26))).toMatchObject({
      downgrade: 1,
      inputs: { reviewers: 0, comparator: 1 },
    });
    expect(indirectnessRating({ downgrade: 2, reason: 'Other disease.' }, above(0.26)).downgrade).toBe(2);
  });
});

describe('risk of bias across trials', () => {
  it('weighs each trial by its analysis weight', () => {
    expect(riskOfBiasRating({ studies: [study(60, [0, 1], 'low'), study(40, [0, 1], 'unclear')] }).downgrade).toBe(0);
    expect(riskOfBiasRating({ studies: [study(40, [0, 1], 'low'), study(60, [0, 1], 'unclear')] })).toMatchObject({
      downgrade: 1,
      rule: 'risk-of-bias.weighted-share',
      reason: 'Trials at high overall risk of bias carry 0 % of the weight, trials at unclear risk 60 %: more than 50 % at high or unclear risk.',
    });
    expect(riskOfBiasRating({ studies: [study(40, [0, 1], 'low'), study(60, [0, 1], 'high')] }).downgrade).toBe(2);
  });
});

describe('few trials whose GLMM variation collapsed to none', () => {
  it('says so beside the figure, with the Bayesian interval that allows for differences between trials', () => {
    // 12/25 and 11/20: the GLMM estimates tau² = 0, so its interval is that of one pooled binomial.
    const row = rate(
      trials([
        [12, 25],
        [11, 20],
      ]),
    );
    expect(row.estimate.fit?.heterogeneity.tau2).toBe(0);
    expect(row.collapsedHeterogeneity).toContain('With 2 trials the variation between trials was estimated as none');
    expect(row.collapsedHeterogeneity).toContain(`${(row.bayes!.proportion.median * 100).toFixed(1)} %`);
    const spread = rate(
      trials([
        [2, 25],
        [18, 20],
      ]),
    );
    expect(spread.collapsedHeterogeneity).toBeNull();
  });
});

describe('publication bias', () => {
  it("says it cannot be assessed below 10 trials, and keeps the reviewers' judgement", () => {
    const noGap = { overdue: [], trials: 20 };
    expect(publicationBiasRating(3, { downgrade: 1, reason: 'Most trials unpublished.' }, noGap)).toMatchObject({
      downgrade: 1,
      judged: true,
      reason:
        'Not assessable statistically with fewer than 10 trials (k = 3). Reporting gap: 0 of 20 trials in the review are overdue. Most trials unpublished.',
    });
    expect(publicationBiasRating(10, { downgrade: 0, reason: 'x' }, noGap).reason).toMatch(/^With 10 trials the funnel plot/);
  });

  it('is at least serious when the reporting gap shows an overdue trial, naming it and the rule', () => {
    const rating = publicationBiasRating(3, { downgrade: 0, reason: 'None suspected.' }, { overdue: ['NCT00000001'], trials: 20 });
    expect(rating).toMatchObject({ downgrade: 1, judged: false, rule: 'publication-bias.reporting-gap', inputs: { k: 3, overdue: 1 } });
    expect(rating.reason).toContain('Reporting gap: 1 of 20 trials in the review is overdue (NCT00000001).');
    // A very serious judgement stands: the gap only raises.
    expect(publicationBiasRating(3, { downgrade: 2, reason: 'x' }, { overdue: ['NCT00000001'], trials: 20 })).toMatchObject({
      downgrade: 2,
      rule: 'publication-bias.reviewers',
    });
  });
});

describe('rating', () => {
  it('takes off one level per downgrade, and stops at very low', () => {
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
    const none = { downgrade: 0 as const, reason: 'No concern.', rule: 'risk-of-bias.weighted-share' as const, inputs: {}, judged: false };
    const sentences = domainSentences({
      riskOfBias: none,
      inconsistency: { ...none, downgrade: 2, reason: 'I² 80 %.' },
      indirectness: none,
      imprecision: { ...none, downgrade: 1, reason: 'Few patients.' },
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
const rate = (set: Trial[], thresholds: DecisionThreshold[] = []) =>
  summaryOfFindings(analyseBinaryOutcome(set, orr), trialsRiskOfBias(set), noConcerns, thresholds, { overdue: [], trials: 0 })!.rows[0]!;
const scholar: DecisionThreshold = {
  outcome: 'orr',
  population: { group: 'hematologic' },
  value: 0.26,
  comparator: 'salvage therapy',
  reason: 'why',
  source: { citation: 'Crump M. Blood. 2017.', year: 2017, doi: '10.1182/blood-2017-03-769620', location: 'Abstract', read: 'abstract' },
};

describe('summary of findings from trial files', () => {
  const consistent: [number, number][] = [
    [50, 100],
    [55, 100],
    [45, 100],
  ];

  it('starts three large, consistent trials at high, and judges imprecision on the Bayesian credible interval', () => {
    const summary = rate(trials(consistent));
    expect(summary.certainty.start).toBe('high');
    // Three trials leave the between-trial spread to the prior: the credible interval (39.3–60.7 %) is wider than 20 points.
    expect(summary.bayes?.proportion.cri[0]).toBeCloseTo(0.3927, 3);
    expect(summary.certainty.domains.imprecision).toMatchObject({
      downgrade: 1,
      rule: 'imprecision.interval-width',
      inputs: { interval: 'credible' },
    });
    expect(Object.values(summary.certainty.domains).map((d) => d.downgrade)).toEqual([0, 0, 0, 1, 0]);
    expect(summary.certainty.rating).toBe('moderate');
    expect(summary.counts).toBe('150 of 300 patients in 3 trials responded (complete or partial response)');
    expect(summary.absolute).toBe('50 per 100 patients (95 % CI 44 to 56)');
    expect(summary.statement).toBe('About 50 in 100 patients treated with CAR-NK cells probably respond (complete or partial response).');
  });

  it('reads the same trials against a threshold: one level for the missing comparator, none for an interval wholly above it', () => {
    const summary = rate(trials(consistent), [scholar]);
    expect(summary.threshold?.value).toBe(0.26);
    expect(summary.certainty.domains.indirectness).toMatchObject({ downgrade: 1, inputs: { reviewers: 0, comparator: 1 } });
    expect(summary.certainty.domains.imprecision).toMatchObject({ downgrade: 0, rule: 'imprecision.crosses-threshold' });
    expect(summary.certainty.rating).toBe('moderate');
    // The probability that the rate lies above the threshold, from the Bayesian model.
    expect(summary.pHoped).toBe(summary.bayes!.pAbove);
    expect(summary.pHoped).toBeGreaterThan(0.99);
  });

  it('moves down for small trials whose interval crosses the threshold', () => {
    const summary = rate(
      trials([
        [3, 9],
        [3, 9],
        [3, 9],
      ]),
      [scholar],
    );
    expect(summary.certainty.domains.imprecision.downgrade).toBeGreaterThan(0);
    expect(summary.downgrades.map((d) => d.label)).toEqual(['Indirectness', 'Imprecision']);
  });

  it('moves down when the trials disagree (I², no threshold)', () => {
    const summary = rate(
      trials([
        [10, 100],
        [50, 100],
        [90, 100],
      ]),
    );
    expect(summary.certainty.domains.inconsistency.downgrade).toBe(2);
  });

  it('moves down one more level when trials with most of the weight are at unclear risk of bias', () => {
    const set = trials(consistent);
    for (const trial of set.slice(0, 2)) trial.riskOfBias!.judgements.consecutive.judgement = 'unclear';
    const summary = rate(set);
    expect(summary.certainty.domains.riskOfBias.downgrade).toBe(1);
    expect(summary.certainty.rating).toBe('low');
  });
});

/** Three trials, two of them alike: enough for a part of the group that is not the whole group. */
const threeTrials: [number, number][] = [
  [50, 100],
  [55, 100],
  [20, 100],
];

describe('rows by target within a malignancy group', () => {
  it('adds a row for a target at least two trials share, when it is not the whole group', () => {
    const set = trials(threeTrials);
    set[2]!.product.targets = ['CD22'];
    const summary = summaryOfFindings(analyseBinaryOutcome(set, orr), trialsRiskOfBias(set), noConcerns, [scholar], { overdue: [], trials: 0 })!;
    const group = set[0]!.population.group;
    expect(summary.rows.map((row) => [row.population, row.trials, row.estimate.events, row.estimate.patients])).toEqual([
      [group, 3, 125, 300],
      [`${group}/${set[0]!.product.targets.join(' + ')}`, 2, 105, 200],
    ]);
    // One trial of CD22 is no population of its own; three trials of one target would repeat the group's row.
    const same = summaryOfFindings(
      analyseBinaryOutcome(
        trials([
          [50, 100],
          [55, 100],
        ]),
        orr,
      ),
      trialsRiskOfBias(set),
      noConcerns,
      [],
      { overdue: [], trials: 0 },
    )!;
    expect(same.rows).toHaveLength(1);
  });
});

describe('rows by disease within a malignancy group', () => {
  const lbcl = { ...scholar, population: { group: 'hematologic' as const, disease: 'lbcl' as const }, value: 0.3 };
  const summaryOf = (set: Trial[], thresholds: DecisionThreshold[] = []) =>
    summaryOfFindings(analyseBinaryOutcome(set, orr), trialsRiskOfBias(set), noConcerns, thresholds, { overdue: [], trials: 0 })!;

  it('adds a row for a disease whose patients alone at least two trials report, with its own threshold', () => {
    const set = trials([
      [50, 100],
      [55, 100],
      [20, 100],
      [30, 100],
    ]);
    set[0]!.population.diseaseCodes = ['lbcl'];
    set[1]!.population.diseaseCodes = ['lbcl'];
    // A trial of two diseases counts where the cohort pooled is said to hold one of them only ...
    set[2]!.population.diseaseCodes = ['lbcl', 'cll'];
    set[2]!.cohorts[1]!.diseaseCodes = ['lbcl'];
    // ... and a cohort of mixed diseases counts for none of them.
    set[3]!.population.diseaseCodes = ['lbcl', 'cll'];
    const summary = summaryOf(set, [lbcl, scholar]);
    expect(summary.rows.map((row) => [row.population, row.label, row.trials, row.estimate.events, row.estimate.patients])).toEqual([
      ['hematologic', 'Hematologic malignancies', 4, 155, 400],
      ['hematologic/lbcl', 'Diffuse large B-cell lymphoma and other large B-cell lymphomas', 3, 125, 300],
    ]);
    expect(summary.rows.map((row) => row.threshold?.value)).toEqual([scholar.value, lbcl.value]);
  });

  it('adds none for one trial of a disease, nor for a disease that is the whole group', () => {
    const set = trials(threeTrials);
    set[0]!.population.diseaseCodes = ['aml'];
    expect(summaryOf(set).rows.map((row) => row.population)).toEqual(['hematologic']);
    for (const trial of set) trial.population.diseaseCodes = ['aml'];
    expect(summaryOf(set).rows.map((row) => row.population)).toEqual(['hematologic']);
  });
});
