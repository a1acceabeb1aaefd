import { describe, expect, it } from 'vitest';
import { trialSchema, type Trial } from '../../schema/trial.ts';
import { countReview } from './counts.ts';

const trial = (nct: string, over: Record<string, unknown>): Trial =>
  trialSchema.parse({
    nct,
    title: `Trial ${nct}`,
    registry: { phase: '1', status: 'completed', checked: { source: 'Test', date: '2026-12-02', kind: 'registry' } },
    product: { targets: ['CD19'], nkSource: 'cord-blood' },
    population: { group: 'hematologic', diseases: ['NHL'], diseaseCodes: ['nhl-nos'] },
    inclusion: { status: 'awaiting-results', reason: 'Test.' },
    extraction: { extractedBy: 'Test', extractedOn: '2026-12-02' },
    ...over,
  });

const waiting = { id: 'p', citation: 'P', year: 2025, type: 'article', pmid: '1', extraction: { status: 'awaiting-extraction', missing: 'Table 2' } };
const cohort = {
  id: 'all',
  label: 'All',
  outcomes: { crsAny: { events: 1, n: 10, source: { publication: 'p', location: 'Abstract' } } },
};

describe('countReview', () => {
  const trials = [
    // Published, one report waiting, numbers extracted but not second-checked, facts from a registry copy.
    trial('NCT00000001', {
      registry: { phase: '1', status: 'completed', checked: { source: 'Copy', date: '2026-12-02', kind: 'registry-copy' } },
      inclusion: { status: 'published-not-extracted', reason: 'Test.' },
      publications: [waiting],
      cohorts: [cohort],
    }),
    // Same, but checked by a second reader.
    trial('NCT00000002', {
      inclusion: { status: 'published-not-extracted', reason: 'Test.' },
      publications: [{ ...waiting, extraction: { status: 'not-readable', missing: 'full text' } }],
      cohorts: [cohort],
      extraction: { extractedBy: 'Test', extractedOn: '2026-12-02', checkedBy: 'Second', checkedOn: '2026-12-03' },
    }),
    // Excluded: its waiting report and unchecked numbers are not work to do.
    trial('NCT00000003', { inclusion: { status: 'excluded', reason: 'Not a CAR-NK product.' }, publications: [waiting], cohorts: [cohort] }),
    // No kind recorded: counts as not checked against the registry.
    trial('NCT00000004', { registry: { phase: '1', checked: { source: 'Old file', date: '2026-11-29' } } }),
  ];
  const search = {
    identifiedNotAdded: [{ id: 'X', description: 'x', why: 'no number' }],
    excludedRegistrations: [
      { id: 'NCT09999998', reason: 'CAR-T cells, not NK cells' as const, description: 'x' },
      { id: 'NCT09999997', reason: 'NK cells without a CAR' as const, description: 'y' },
    ],
  };

  it('counts trials, reports to extract, second checks, registry facts and registrations from one definition each', () => {
    expect(countReview(trials, search)).toEqual({
      trials: 4,
      inReview: 3,
      byInclusion: { included: 0, 'published-not-extracted': 2, 'awaiting-results': 1, excluded: 1 },
      pooled: 0,
      reportsToExtract: 2,
      reportsNotReadable: 1,
      secondChecksPending: 1,
      registryFactsToCheck: 2,
      registrationsAwaitingClassification: 1,
      registrationsExcluded: 2,
    });
  });
});
