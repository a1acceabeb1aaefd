/**
 * An outcome's plots are drawn from its export alone, so the live page, its downloads and a
 * frozen version draw the same figures from the same numbers. Drawn from 40 generated trials:
 * enough studies for the funnel plot and for subgroup analyses to pass their rules.
 */
import { describe, expect, it } from 'vitest';
import { generatedOrr, generatedOrrExport } from './generated-orr.ts';
import { figureList, outcomeFigures } from '../../src/lib/plots/outcome-plots.ts';
import { outcomeExportSchema } from '../../src/lib/schema/exports.ts';
import { releaseSchema } from '../../src/lib/schema/release.ts';
import { frozenOutcome } from '../../src/lib/review/history/frozen-outcome.ts';

const orr = generatedOrr;
// Through JSON and the schema, as a download or a frozen version holds it.
const exported = outcomeExportSchema.parse(JSON.parse(JSON.stringify(generatedOrrExport())));

describe('outcome figures from the export', () => {
  const figures = outcomeFigures(exported);

  it("draw the funnel from the export's funnel data: each study by its label, at the analysis's effect and standard error", () => {
    expect(orr.smallStudy).toBe(true);
    const funnel = orr.result!.funnel!;
    const labels = new Map(orr.studies.map((study) => [study.id, study.label]));
    expect(figures.funnel!.table.rows).toEqual(funnel.studies.map(({ study, yi, sei }) => [labels.get(study), yi.toFixed(3), sei.toFixed(3)]));
    expect(figures.funnel!.table.columns[1]).toBe('Overall response (logit scale)');
  });

  it('draw one subgroup forest per exported subgroup analysis, each study under its own subgroup', () => {
    expect(exported.subgroups.length).toBeGreaterThan(0);
    for (const subgroup of exported.subgroups) {
      const rows = figures.subgroups.get(subgroup.dimension)!.table.rows.map((row) => row[0]);
      for (const group of subgroup.groups) {
        const members = orr.studies.filter((study) => study[subgroup.dimension as 'group'] === group.group).map((study) => study.label);
        const start = rows.indexOf(group.label);
        expect(rows.slice(start + 1, start + 1 + members.length)).toEqual(members);
      }
    }
  });

  it('name every figure by outcome, title and model, under a download name of its own', () => {
    const list = figureList(figures);
    expect(new Set(list.map((figure) => figure.id)).size).toBe(list.length);
    for (const figure of list) {
      expect(figure.outcome).toBe('Overall response');
      expect(figure.model).toBe(`random effects (${orr.estimate!.model})`);
    }
  });

  it('leave out the funnel where the small-study rule does', () => {
    expect(outcomeFigures({ ...exported, result: { ...exported.result!, funnel: null } }).funnel).toBeUndefined();
  });

  it('draw a version frozen in the current shape before funnel data was exported, without its funnel', () => {
    const { funnel: _funnel, ...result } = exported.result!;
    const snapshot = {
      version: '2026-12-02',
      date: '2026-12-02',
      commit: null,
      trials: [],
      survival: [],
      counts: { trials: 0, trialsInReview: 0, trialsIncluded: 0 },
    };
    const release = releaseSchema.parse({ ...snapshot, outcomes: [{ ...exported, result }] });
    const frozen = outcomeFigures(frozenOutcome(release.outcomes[0]!, release.trials));
    expect(frozen.funnel).toBeUndefined();
    expect(frozen.forest).toEqual(figures.forest);
    expect(frozen.leaveOneOut).toEqual(figures.leaveOneOut);
  });
});
