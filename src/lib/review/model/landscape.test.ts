import { describe, expect, it } from 'vitest';
import { landscape, trialsByDisease, type LandscapeRecord } from './landscape.ts';
import type { Trial } from '../../schema/trial.ts';

const record = (
  nct: string,
  group: LandscapeRecord['group'],
  nkSource: LandscapeRecord['nkSource'],
  enrollment: number,
  targets: string[],
): LandscapeRecord => ({
  nct,
  group,
  nkSource,
  enrollment,
  targets,
});

describe('landscape', () => {
  const records = [
    record('NCT1', 'hematologic', 'cord-blood', 30, ['CD19']),
    record('NCT2', 'hematologic', 'nk-92', 10, ['CD19', 'CD7']),
    record('NCT3', 'solid', 'cord-blood', 60, ['HER2']),
  ];

  it('counts trials and patients by group, with distinct targets', () => {
    expect(landscape(records).byGroup).toEqual([
      { group: 'hematologic', trials: 2, patients: 40, targets: ['CD19', 'CD7'] },
      { group: 'solid', trials: 1, patients: 60, targets: ['HER2'] },
    ]);
  });

  it('gives each NK source its share of enrolled patients, summing to 1', () => {
    const { bySource, patients } = landscape(records);
    expect(patients).toBe(100);
    expect(bySource).toEqual([
      { nkSource: 'cord-blood', trials: 2, patients: 90, share: 0.9 },
      { nkSource: 'nk-92', trials: 1, patients: 10, share: 0.1 },
    ]);
  });

  it('counts a trial with unstated enrollment as a trial, never as 0 patients', () => {
    const unknown: LandscapeRecord = { nct: 'NCT4', group: 'solid', nkSource: 'undisclosed', targets: ['MUC1'] };
    const result = landscape([...records, unknown]);
    expect(result).toMatchObject({ trials: 4, patients: 100, enrollmentUnknown: 1 });
    expect(result.byGroup.find((row) => row.group === 'solid')).toEqual({ group: 'solid', trials: 2, patients: 60, targets: ['HER2', 'MUC1'] });
  });

  it('is empty for no trials', () => {
    expect(landscape([])).toEqual({ trials: 0, patients: 0, enrollmentUnknown: 0, byGroup: [], bySource: [] });
  });
});

describe('trialsByDisease', () => {
  const trial = (diseaseCodes: Trial['population']['diseaseCodes'], status: Trial['inclusion']['status']) => ({
    population: { group: 'hematologic' as const, diseases: ['As the source names them'], diseaseCodes },
    inclusion: { status, reason: 'Test.' },
  });

  it('counts each trial under each of its diseases, by where its results stand, in the vocabulary order', () => {
    const rows = trialsByDisease([
      trial(['mds', 'aml'], 'included'),
      trial(['aml'], 'awaiting-results'),
      trial(['aml'], 'published-not-extracted'),
      trial(['myeloma'], 'awaiting-results'),
      // An excluded registry entry is no trial of the review.
      trial(['cll'], 'excluded'),
    ]);
    expect(rows).toEqual([
      { disease: 'aml', group: 'hematologic', trials: 3, resultsExtracted: 1, publishedNotExtracted: 1, awaitingResults: 1 },
      { disease: 'mds', group: 'hematologic', trials: 1, resultsExtracted: 1, publishedNotExtracted: 0, awaitingResults: 0 },
      { disease: 'myeloma', group: 'hematologic', trials: 1, resultsExtracted: 0, publishedNotExtracted: 0, awaitingResults: 1 },
    ]);
  });

  it('lists solid tumours after hematologic diseases', () => {
    const rows = trialsByDisease([trial(['ovarian'], 'awaiting-results'), trial(['aml'], 'awaiting-results')]);
    expect(rows.map((row) => [row.disease, row.group])).toEqual([
      ['aml', 'hematologic'],
      ['ovarian', 'solid'],
    ]);
  });
});
