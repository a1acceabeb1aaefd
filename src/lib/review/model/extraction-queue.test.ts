import { describe, expect, it } from 'vitest';
import { trialSchema, type Trial } from '../../schema/trial.ts';
import { extractionQueue } from './extraction-queue.ts';

const trial = (nct: string, publications: unknown[], status = 'published-not-extracted'): Trial =>
  trialSchema.parse({
    nct,
    title: `Trial ${nct}`,
    registry: { phase: '1', status: 'completed', checked: { source: 'Test', date: '2026-12-02' } },
    product: { targets: ['CD19'], nkSource: 'cord-blood' },
    population: { group: 'hematologic', diseases: ['NHL'], diseaseCodes: ['nhl-nos'] },
    inclusion: { status, reason: 'Test.' },
    publications,
    extraction: { extractedBy: 'Test', extractedOn: '2026-12-02' },
  });

const publication = (id: string, year: number, extraction?: unknown) => ({
  id,
  citation: `${id} citation`,
  year,
  type: 'article',
  pmid: '1',
  ...(extraction ? { extraction } : {}),
});

describe('extractionQueue', () => {
  const trials = [
    trial('NCT00000001', [
      publication('old-2020', 2020, { status: 'not-readable', missing: 'full text', wanted: ['orr'] }),
      publication('done-2024', 2024, { status: 'extracted' }),
      publication('design-2019', 2019),
    ]),
    trial('NCT00000002', [publication('new-2025', 2025, { status: 'awaiting-extraction', missing: 'Table 2' })]),
    trial('NCT00000003', [], 'awaiting-results'),
  ];

  it('lists only publications awaiting extraction or not readable, newest first', () => {
    expect(extractionQueue(trials).map((e) => [e.nct, e.publication.id, e.state])).toEqual([
      ['NCT00000002', 'new-2025', 'awaiting-extraction'],
      ['NCT00000001', 'old-2020', 'not-readable'],
    ]);
  });

  it('carries the citation, identifiers, what is missing and the outcomes wanted', () => {
    const [, old] = extractionQueue(trials);
    expect(old).toMatchObject({
      nct: 'NCT00000001',
      trialName: 'Trial NCT00000001',
      state: 'not-readable',
      missing: 'full text',
      wanted: ['orr'],
      publication: { id: 'old-2020', citation: 'old-2020 citation', year: 2020, type: 'article', pmid: '1' },
    });
  });

  it('is empty when every publication is extracted', () => {
    expect(extractionQueue([trial('NCT00000004', [publication('a', 2024, { status: 'extracted' })], 'awaiting-results')])).toEqual([]);
  });
});
