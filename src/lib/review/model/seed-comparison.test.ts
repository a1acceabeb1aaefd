import { describe, expect, it } from 'vitest';
import type { Trial } from '../../schema/trial.ts';
import { SEED_FACT_FIELDS, seedComparison } from './seed-comparison.ts';

const trial = {
  nct: 'NCT00000001',
  product: { targets: ['CD70'], nkSource: 'cord-blood' },
  population: { group: 'hematologic', diseases: ['AML', 'Myeloma'], diseaseCodes: ['aml', 'myeloma'] },
  registry: { phase: '1/2', status: 'active-not-recruiting', enrollment: { count: 30, type: 'planned' } },
  seed: {
    row: 7,
    target: 'CD70',
    cancerType: 'B cell malignancies',
    group: 'hematologic',
    nkSource: 'cord-blood',
    phase: 'I/II',
    enrollment: 94,
    status: 'Recruiting',
  },
} as unknown as Trial;

describe('seed comparison', () => {
  it('flags the facts a primary source corrected and only those', () => {
    const differing = seedComparison(trial)
      .filter((fact) => fact.differs)
      .map((fact) => fact.field);
    expect(differing).toEqual(['Enrollment', 'Status']);
  });

  it("does not flag the seed's comments in its status column", () => {
    const status = seedComparison({ ...trial, seed: { ...trial.seed!, status: 'Limited public efficacy data' } }).find((f) => f.field === 'Status');
    expect(status?.differs).toBe(false);
  });

  it('gives its facts in the order of the header columns', () => {
    expect(seedComparison(trial).map((fact) => fact.field)).toEqual([...SEED_FACT_FIELDS]);
  });

  it('is empty for a trial the seed did not list', () => {
    expect(seedComparison({ ...trial, seed: undefined })).toEqual([]);
  });
});
