import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trialWarnings } from './trial-warnings.ts';
import { validateTrialFiles } from './validate-trial-files.ts';

// The hostile fixture counts 40 patients in a trial whose registry records 12 actually enrolled.
const hostile = readFileSync('tests/fixtures/trials/hostile/n-above-enrollment/NCT00000001.mdx', 'utf8');
const validate = (text: string) => validateTrialFiles([{ path: 'NCT00000001.mdx', text }]);
const ACTUAL = '  enrollment:\n    count: 12\n    type: actual\n';

describe('counts bounded by the enrollment', () => {
  it('accept more patients than the registry records when a publication of the trial says it over-enrolled', () => {
    const sourced = hostile.replace(ACTUAL, `${ACTUAL}    overEnrolled: { count: 40, source: { publication: full-2024, location: Results } }\n`);
    expect(sourced).not.toBe(hostile);
    const { trials, errors } = validate(sourced);
    expect(errors).toEqual([]);
    expect(trials[0]?.trial.registry.enrollment?.overEnrolled).toEqual({ count: 40, source: { publication: 'full-2024', location: 'Results' } });
  });

  it('bound counts by the over-enrolment a publication reports, not beyond', () => {
    const sourced = hostile.replace(ACTUAL, `${ACTUAL}    overEnrolled: { count: 30, source: { publication: full-2024, location: Results } }\n`);
    expect(validate(sourced).errors).toEqual([
      "NCT00000001.mdx: cohorts[1].outcomes.cr.n (40) exceeds the enrollment the trial's publication reports (registry.enrollment.overEnrolled.count, 30)",
    ]);
  });

  it('warn, without refusing, when a trial with counts has no enrollment on record', () => {
    const { trials, errors } = validate(hostile.replace(ACTUAL, ''));
    expect(errors).toEqual([]);
    expect(trialWarnings(trials[0]!.trial)).toEqual([
      'registry.enrollment is not on record: its counts are bounded only by the plausibility ceiling (100000)',
    ]);
    const counted = validate(hostile.replace('n: 40', 'n: 12')).trials[0]!.trial;
    expect(trialWarnings(counted)).toEqual([]);
  });
});
