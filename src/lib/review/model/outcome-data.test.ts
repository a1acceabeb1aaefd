import { describe, expect, it } from 'vitest';
import { perTrial, type StudyRow } from './outcome-data.ts';

const publication = { id: 'report', citation: 'Smith A, et al. Test Journal. 2024.', year: 2024, type: 'article' } as const;
const row = (cohort: string, diseaseCodes: StudyRow['diseaseCodes']): StudyRow => ({
  id: `NCT00000001/${cohort}`,
  label: `Smith 2024, ${cohort}`,
  nct: 'NCT00000001',
  cohort,
  events: 3,
  n: 10,
  population: 'As the source names them',
  diseaseCodes,
  year: 2024,
  citation: { publication, location: 'Table 2' },
  group: 'hematologic',
  nkSource: 'cord-blood',
  target: 'CD33',
  phase: '1',
});

describe('perTrial', () => {
  // A trial's AML and MDS cohorts summed are patients of both diseases: the entry stands for neither alone.
  it('gives a summed entry every disease of its cohorts, in the vocabulary order', () => {
    const [summed] = perTrial([row('mds', ['mds']), row('aml', ['aml']), row('aml-again', ['aml'])]);
    expect(summed).toMatchObject({ events: 9, n: 30, diseaseCodes: ['aml', 'mds'] });
  });

  it('keeps the disease of a lone cohort', () => {
    expect(perTrial([row('aml', ['aml'])]).map((entry) => entry.diseaseCodes)).toEqual([['aml']]);
  });
});
