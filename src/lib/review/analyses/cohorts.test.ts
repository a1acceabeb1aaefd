import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trialSchema, type Trial } from '../../schema/trial.ts';
import { validateTrialFiles } from '../../validation/validate-trial-files.ts';
import { analyseBinaryOutcome } from './analyses.ts';
import { estimate } from './decided-estimate.ts';
import { BINARY_OUTCOMES } from '../../vocabulary/outcomes.ts';
import { COHORTS_AS_STUDIES, NOTES } from './rules.ts';
import { POOLING } from './settings.ts';

const dir = 'tests/fixtures/trials/valid';
const fixtures = validateTrialFiles(
  readdirSync(dir).map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') })),
).trials.map((t) => t.trial);
const orr = BINARY_OUTCOMES.find((o) => o.key === 'orr')!;
const base = fixtures.find((t) => t.nct === 'NCT00000001')!;

/** The included fixture trial with a second cohort of other patients (a higher dose level), pooled for response. */
function withSecondCohort(): Trial {
  return trialSchema.parse({
    ...base,
    cohorts: [
      ...base.cohorts,
      {
        id: 'dose-3',
        label: 'Dose level 3, 6 other patients',
        report: 'full-2024',
        patients: 6,
        separateFrom: ['full', 'early'],
        pooled: ['orr'],
        outcomes: { orr: { events: 2, n: 6, source: { publication: 'full-2024', location: 'Table 4' } } },
      },
    ],
  });
}

describe('a trial with cohorts of different patients', () => {
  it('enters the primary analysis once, its cohorts summed', () => {
    const analysis = analyseBinaryOutcome([withSecondCohort()], orr);
    expect(analysis.rows.map((row) => [row.id, row.label, row.events, row.n])).toEqual([['NCT00000001/full+dose-3', 'Full 2024, 2 cohorts', 8, 18]]);
    expect(analysis.totals).toEqual({ k: 1, trials: 1, patients: 18, events: 8 });
    expect(analysis.rows[0]?.note).toBe(
      'Sum of 2 cohorts of different patients: All 12 patients: 6/12 (Full 2024, Table 2); Dose level 3, 6 other patients: 2/6 (Full 2024, Table 4).',
    );
  });

  it('pools the cohorts as separate studies only in a labelled sensitivity analysis', () => {
    const analysis = analyseBinaryOutcome([withSecondCohort()], orr);
    const row = analysis.sensitivity.find((r) => r.label === COHORTS_AS_STUDIES)!;
    expect(row.k).toBe(2);
    expect(row.patients).toBe(18);
    const cohorts = [
      { study: 'NCT00000001/full', events: 6, total: 12, year: 2024 },
      { study: 'NCT00000001/dose-3', events: 2, total: 6, year: 2024 },
    ];
    expect(row.proportion).toBe(estimate(cohorts, POOLING).proportion);
    expect(analysis.notes).toContainEqual(NOTES.cohortsSummed(1, 2));
  });

  it('adds no such row when every trial has one cohort', () => {
    const analysis = analyseBinaryOutcome(fixtures, orr);
    expect(analysis.sensitivity.map((r) => r.label)).not.toContain(COHORTS_AS_STUDIES);
  });

  it('is refused when the cohorts are not said to hold different patients', () => {
    const issues = trialSchema.safeParse({ ...withSecondCohort(), cohorts: withSecondCohort().cohorts.map((c) => ({ ...c, separateFrom: [] })) })
      .error?.issues;
    expect(issues?.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      [
        'cohorts.2.pooled',
        `"orr" is also pooled from cohort "full": list one in the other's separateFrom (different patients) or overlaps (same patients)`,
      ],
    ]);
  });

  it('is refused when the second cohort reports some of the same patients', () => {
    const issues = trialSchema.safeParse({
      ...base,
      cohorts: [...base.cohorts, { ...withSecondCohort().cohorts[2], separateFrom: [], overlaps: ['full'], relation: 'subset' }],
    }).error?.issues;
    expect(issues?.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['cohorts.2.pooled', '"orr" is also pooled from overlapping cohort "full"'],
    ]);
  });
});
