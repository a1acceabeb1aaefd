/**
 * The landscape's "Trials by disease" table, read back from the built page and recounted here
 * from the trial files themselves: every disease code a trial of the review carries has its row,
 * with its trials and how many have results extracted, published or awaited.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadTrials } from '../../src/queries/trial-files.ts';
import { DISEASE_LABELS } from '../../src/lib/vocabulary/labels.ts';
import { readPage, SITE_DIR } from './site.ts';

const inReview = loadTrials()
  .trials.map(({ trial }) => trial)
  .filter((trial) => trial.inclusion.status !== 'excluded');
const table = readPage('landscape/').querySelector('[data-trials-by-disease]')!;

describe('/landscape/ trials by disease', () => {
  it('has a row for exactly the diseases the trials in the review are coded with', () => {
    const coded = new Set(inReview.flatMap((trial) => trial.population.diseaseCodes));
    const rows = table.querySelectorAll('[data-disease]').map((row) => row.getAttribute('data-disease'));
    expect(new Set(rows)).toEqual(coded);
    expect(rows).toHaveLength(coded.size);
  });

  it('counts each disease as the trial files do', () => {
    for (const row of table.querySelectorAll('[data-disease]')) {
      const disease = row.getAttribute('data-disease') as keyof typeof DISEASE_LABELS;
      const studying = inReview.filter((trial) => (trial.population.diseaseCodes as string[]).includes(disease));
      const cell = (column: string) => Number(row.querySelector(`[data-column="${column}"]`)?.text.trim());
      const withStatus = (status: string) => studying.filter((trial) => trial.inclusion.status === status).length;
      expect([disease, row.querySelector('th')?.text.trim()]).toEqual([disease, DISEASE_LABELS[disease]]);
      expect([disease, cell('trials'), cell('results-extracted'), cell('published-not-extracted'), cell('awaiting-results')]).toEqual([
        disease,
        studying.length,
        withStatus('included'),
        withStatus('published-not-extracted'),
        withStatus('awaiting-results'),
      ]);
    }
  });

  it('groups the diseases under their malignancy group', () => {
    for (const body of table.querySelectorAll('tbody')) {
      const group = body.getAttribute('data-group');
      for (const row of body.querySelectorAll('[data-disease]')) {
        const disease = row.getAttribute('data-disease')!;
        expect([disease, inReview.find((trial) => (trial.population.diseaseCodes as string[]).includes(disease))?.population.group]).toEqual([
          disease,
          group,
        ]);
      }
    }
  });

  it('gives each trial its disease codes in the trials download too', () => {
    const rows = parseCsv<{ nct: string; disease_codes: string }>(readFileSync(join(SITE_DIR, 'data/trials.csv'), 'utf8'), { columns: true });
    const byNct = new Map(loadTrials().trials.map(({ trial }) => [trial.nct, trial.population.diseaseCodes.join('; ')]));
    expect(rows.length).toBe(byNct.size);
    for (const row of rows) expect([row.nct, row.disease_codes]).toEqual([row.nct, byNct.get(row.nct)]);
  });
});
