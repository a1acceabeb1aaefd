/**
 * Rules over all trial files together: every number cites its own trial's publication,
 * and no patient enters the same analysis twice.
 */
import { describe, expect, it } from 'vitest';
import { OUTCOME_KEYS } from '../../src/lib/schema/trial.ts';
import { loadTrials } from '../../src/queries/trial-files.ts';

const { trials, errors } = loadTrials();

describe('the evidence in content/trials', () => {
  it('validates', () => {
    expect(errors).toEqual([]);
    expect(trials.length).toBeGreaterThanOrEqual(17);
  });

  it('cites, for every outcome number, a publication of the same trial', () => {
    const unsourced = trials.flatMap(({ trial }) =>
      trial.cohorts.flatMap((cohort) =>
        Object.entries(cohort.outcomes)
          .filter(([, value]) => value && !trial.publications.some((p) => p.id === value.source.publication))
          .map(([key]) => `${trial.nct}/${cohort.id}/${key}`),
      ),
    );
    expect(unsourced).toEqual([]);
  });

  it.each(OUTCOME_KEYS)('pools no patient twice for %s within a trial (overlapping cohorts)', (key) => {
    const doubles = trials.flatMap(({ trial }) => {
      const pooled = trial.cohorts.filter((cohort) => cohort.pooled.includes(key));
      return pooled.flatMap((a) =>
        pooled.filter((b) => a.id < b.id && (a.overlaps.includes(b.id) || b.overlaps.includes(a.id))).map((b) => `${trial.nct}: ${a.id} + ${b.id}`),
      );
    });
    expect(doubles).toEqual([]);
  });

  it.each(OUTCOME_KEYS)('pools no report for %s in two different trial files', (key) => {
    const seen = new Map<string, string>();
    const doubles: string[] = [];
    for (const { trial } of trials) {
      for (const cohort of trial.cohorts.filter((c) => c.pooled.includes(key))) {
        const publication = trial.publications.find((p) => p.id === cohort.outcomes[key]?.source.publication);
        const report = publication?.doi ?? publication?.pmid;
        if (!report) continue;
        const other = seen.get(report);
        if (other && other !== trial.nct) doubles.push(`${report}: ${other} and ${trial.nct}`);
        seen.set(report, trial.nct);
      }
    }
    expect(doubles).toEqual([]);
  });

  it('includes in pooling exactly the trials that pool an outcome', () => {
    const mismatched = trials
      .filter(({ trial }) => (trial.inclusion.status === 'included') !== trial.cohorts.some((c) => c.pooled.length > 0))
      .map(({ trial }) => trial.nct);
    expect(mismatched).toEqual([]);
  });

  it('keeps every seed trial, each with a reason for its status', () => {
    const seedRows = trials.flatMap(({ trial }) => (trial.seed ? [trial.seed.row] : [])).sort((a, b) => a - b);
    expect(seedRows).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });
});
