/**
 * Every forest row names its evidence tier: the outcome's forest, each subgroup forest and a
 * reader's re-analysis. Drawn from 40 generated trials, enough for subgroup analyses to pass
 * the subgroup rule (the real review has too few studies for any).
 */
import { loadCertaintyJudgements } from '../../scripts/lib/review-files.ts';
import { summaryOfFindings } from '../../src/lib/review/analyses/summary-of-findings.ts';
import { trialsRiskOfBias } from '../../src/lib/review/model/trial-risk-of-bias.ts';
import { describe, expect, it } from 'vitest';
import { syntheticTrialFiles } from '../../scripts/lib/synthetic-trials.ts';
import { subgroupForest, studiesForest } from '../../src/lib/plots/outcome-plots.ts';
import { analyseBinaryOutcome } from '../../src/lib/review/analyses/analyses.ts';
import { outcomeExport } from '../../src/lib/review/exports/review-exports.ts';
import { BINARY_OUTCOMES } from '../../src/lib/vocabulary/outcomes.ts';
import { PUBLICATION_TYPE_LABELS } from '../../src/lib/vocabulary/labels.ts';
import { validateTrialFiles } from '../../src/lib/validation/validate-trial-files.ts';

const trials = validateTrialFiles(syntheticTrialFiles(40).map(({ name, text }) => ({ path: `generated/${name}`, text }))).trials.map((t) => t.trial);
const orr = analyseBinaryOutcome(
  trials,
  BINARY_OUTCOMES.find((o) => o.key === 'orr')!,
);
// The export carries each population's rating, so it is built with the summary of findings, as the review builds it.
const assessments = trialsRiskOfBias(trials.filter((trial) => trial.inclusion.status === 'included'));
const judged = loadCertaintyJudgements();
if (!judged.ok) throw new Error(judged.errors.join('\n'));
const judgements = judged.value;

describe('evidence tiers in forest plots', () => {
  it('name each study row of a subgroup forest', () => {
    // Subgroup forests draw from the export, as every page and download does.
    const exported = outcomeExport(
      orr,
      { date: '2026-12-01', commit: undefined },
      summaryOfFindings(orr, assessments, judgements, [], { overdue: [], trials: 0 }),
      assessments,
    );
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
