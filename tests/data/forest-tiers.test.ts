/**
 * Every forest row names its evidence tier: the outcome's forest, each subgroup forest and a
 * reader's re-analysis. Drawn from 40 generated trials, enough for subgroup analyses to pass
 * the subgroup rule (the real review has too few studies for any).
 */
import { describe, expect, it } from 'vitest';
import { generatedOrr, generatedOrrExport } from './generated-orr.ts';
import { subgroupForest, studiesForest } from '../../src/lib/plots/outcome-plots.ts';
import { PUBLICATION_TYPE_LABELS } from '../../src/lib/vocabulary/labels.ts';

const orr = generatedOrr;

describe('evidence tiers in forest plots', () => {
  it('name each study row of a subgroup forest', () => {
    // Subgroup forests draw from the export, as every page and download does.
    const exported = generatedOrrExport();
    expect(exported.subgroups.length).toBeGreaterThan(0);
    for (const subgroup of exported.subgroups) {
      const { columns, rows } = subgroupForest(exported, subgroup).table;
      const evidence = columns.indexOf('Evidence');
      expect(evidence).toBeGreaterThan(0);
      const studyRows = rows.filter((row) => orr.studies.some((study) => study.label === row[0]));
      expect(studyRows.length).toBe(orr.studies.length);
      for (const row of studyRows) {
        const study = orr.studies.find((s) => s.label === row[0])!;
        expect(row[evidence]).toBe(PUBLICATION_TYPE_LABELS[study.citation.publication.type]);
      }
    }
  });

  it("name each study row of a reader's re-analysis", () => {
    const fit = orr.result!;
    const studies = orr.studies.map((s) => ({ label: s.label, nct: s.nct, tier: 'sponsor-report' as const, result: s.result }));
    const { columns, rows } = studiesForest('Overall response', fit, studies).table;
    const evidence = columns.indexOf('Evidence');
    expect(rows.slice(0, studies.length).map((row) => row[evidence])).toEqual(studies.map(() => 'Sponsor report'));
  });
});
