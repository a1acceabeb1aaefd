import { describe, expect, it } from 'vitest';
import { trialSchema } from '../schema/trial.ts';
import { provenanceSentence } from './provenance.ts';

const base = {
  nct: 'NCT00000001',
  title: 'Trial',
  registry: { phase: '1', status: 'completed', checked: { source: 'Test', date: '2026-12-02', kind: 'registry-copy' } },
  product: { targets: ['CD19'], nkSource: 'cord-blood' },
  population: { group: 'hematologic', diseases: ['NHL'], diseaseCodes: ['nhl-nos'] },
  inclusion: { status: 'awaiting-results', reason: 'Test.' },
  extraction: { extractedBy: 'Extraction: review team', extractedOn: '2026-12-02' },
};

describe('provenanceSentence', () => {
  it('says where the registry facts come from, that nothing was extracted, and that no second reader checked it', () => {
    expect(provenanceSentence(trialSchema.parse(base))).toBe(
      'Registry facts were read on 2026-12-02 from a copy of the ClinicalTrials.gov record kept by another site, flagged for checking against the registry. ' +
        'No report of results was found, so nothing was extracted. No second reader has checked it yet.',
    );
  });

  it('counts reports by how much was read, names the second reader, and flags a descriptive title', () => {
    const trial = trialSchema.parse({
      ...base,
      registry: { ...base.registry, checked: { source: 'Table', date: '2026-12-02', kind: 'review-table', descriptiveTitle: true } },
      inclusion: { status: 'published-not-extracted', reason: 'Test.' },
      publications: [
        { id: 'a', citation: 'A', year: 2024, type: 'article', pmid: '1', extraction: { status: 'extracted', read: 'full-text' } },
        { id: 'b', citation: 'B', year: 2023, type: 'conference-abstract', pmid: '2', extraction: { status: 'extracted' } },
        { id: 'c', citation: 'C', year: 2025, type: 'article', pmid: '3', extraction: { status: 'not-readable', missing: 'full text' } },
        { id: 'd', citation: 'D', year: 2022, type: 'article', pmid: '4' },
      ],
      extraction: { ...base.extraction, checkedBy: 'J. Doe', checkedOn: '2026-12-03' },
    });
    expect(provenanceSentence(trial)).toBe(
      "Registry facts were read on 2026-12-02 from a review article's table only, not the registry, flagged for checking against the registry. " +
        "The registry's own title was not read; the title shown is the review's description. " +
        'Of 4 known reports, 2 extracted (1 from the full text, 1 from the abstract only); 1 not yet extracted in full; 1 without outcome data. ' +
        'A second reader (J. Doe) checked the file on 2026-12-03.',
    );
  });
});
