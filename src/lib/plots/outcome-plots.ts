import { fixed, percent, plotInterval, plotRange } from '../format/numbers.ts';
import type { BinaryOutcomeAnalysis, PooledStudy, SubgroupAnalysis } from '../review/analyses.ts';
import type { PlotFigure } from './data-table.ts';
import { forestSpec, forestTable, type ForestRow } from './forest.ts';
import { funnelSpec, funnelTable } from './funnel.ts';

const summaryTooltip = (label: string, proportion: number, ci: readonly [number, number]) => `${label}: ${plotInterval(proportion, ci)} %`;

function overallRows(analysis: BinaryOutcomeAnalysis): ForestRow[] {
  const result = analysis.result!;
  const { proportion, ci, pi } = result.pooled;
  return [
    { kind: 'summary', label: `Random effects (k = ${result.k})`, estimate: proportion, lower: ci[0], upper: ci[1], interval: plotInterval(proportion, ci), tooltip: summaryTooltip('Pooled', proportion, ci) },
    { kind: 'prediction', label: '95% prediction interval', estimate: proportion, lower: pi[0], upper: pi[1], interval: plotRange(pi), tooltip: `Prediction interval: ${plotRange(pi)} %` },
  ];
}

function studyRow({ label, nct, result: study }: PooledStudy): ForestRow {
  return {
    kind: 'study',
    label,
    estimate: study.proportion,
    lower: study.ci[0],
    upper: study.ci[1],
    weight: study.weight,
    count: `${study.events}/${study.total}`,
    interval: plotInterval(study.proportion, study.ci),
    weightText: percent(study.weight / 100),
    tooltip: `${label} (${nct}): ${study.events}/${study.total}, ${plotInterval(study.proportion, study.ci)} %, weight ${percent(study.weight / 100)}`,
  };
}

/** The pooling names studies by id; readers see each study's label. */
function studyOf(analysis: BinaryOutcomeAnalysis, id: string): PooledStudy {
  const study = analysis.studies.find((s) => s.id === id);
  if (!study) throw new Error(`${analysis.outcome.slug}: no study with id ${id}`);
  return study;
}

/** Forest plot of every study, optionally grouped by one subgroup dimension with subgroup diamonds. */
export function outcomeForest(analysis: BinaryOutcomeAnalysis, subgroup?: SubgroupAnalysis): PlotFigure {
  const result = analysis.result!;
  const rows: ForestRow[] = subgroup
    ? (subgroup.result.subgroups ?? []).flatMap((group) => {
        const label = subgroup.labels[group.group] ?? group.group;
        const members = analysis.studies.filter((study) => study[subgroup.dimension] === group.group);
        return [
          { kind: 'header', label } as ForestRow,
          ...members.map(studyRow),
          { kind: 'summary', label: `Subgroup (k = ${group.k})`, estimate: group.proportion, lower: group.ci[0], upper: group.ci[1], interval: plotInterval(group.proportion, group.ci), tooltip: summaryTooltip(label, group.proportion, group.ci) } as ForestRow,
        ];
      })
    : analysis.studies.map(studyRow);
  const all = [...rows, ...overallRows(analysis)];
  return {
    spec: forestSpec(all, {
      axisTitle: `${analysis.outcome.title} (proportion)`,
      reference: result.pooled.proportion,
      countTitle: 'Events/n',
      description: `Forest plot of ${analysis.outcome.title.toLowerCase()}${subgroup ? ` by ${subgroup.title.toLowerCase()}` : ''}: ${result.k} studies, pooled ${plotInterval(result.pooled.proportion, result.pooled.ci)} %.`,
    }),
    table: forestTable(all, 'Events/n'),
  };
}

/** Funnel plot on the analysis scale; undefined when it cannot be drawn (k < 2). */
export function outcomeFunnel(analysis: BinaryOutcomeAnalysis): PlotFigure | undefined {
  const funnel = analysis.result?.funnel;
  if (!funnel) return undefined;
  const points = funnel.studies.map((s) => {
    const label = studyOf(analysis, s.study).label;
    return { label, yi: s.yi, sei: s.sei, tooltip: `${label}: effect ${fixed(s.yi, 2)}, SE ${fixed(s.sei, 2)}` };
  });
  const axisTitle = `${analysis.outcome.title} (${analysis.result!.measure === 'PLO' ? 'logit' : 'transformed'} scale)`;
  return {
    spec: funnelSpec(points, {
      pooled: funnel.pooledEffect,
      limits: funnel.limits,
      axisTitle,
      description: `Funnel plot of ${analysis.outcome.title.toLowerCase()}: ${funnel.studies.length} studies against their standard errors, with pseudo 95% limits.`,
    }),
    table: funnelTable(points, axisTitle),
  };
}

/** Leave-one-out: the pooled estimate with each study omitted in turn. */
export function outcomeLeaveOneOut(analysis: BinaryOutcomeAnalysis): PlotFigure | undefined {
  const results = analysis.result?.leaveOneOut;
  if (!results) return undefined;
  const rows: ForestRow[] = results.map((r) => {
    const label = `Without ${studyOf(analysis, r.omitted).label}`;
    return { kind: 'study', label, estimate: r.proportion, lower: r.ci[0], upper: r.ci[1], interval: plotInterval(r.proportion, r.ci), tooltip: `${label}: ${plotInterval(r.proportion, r.ci)} %` };
  });
  const all = [...rows, overallRows(analysis)[0]!];
  return {
    spec: forestSpec(all, {
      axisTitle: `${analysis.outcome.title} (proportion)`,
      reference: analysis.result!.pooled.proportion,
      description: `Leave-one-out analysis of ${analysis.outcome.title.toLowerCase()}: the pooled estimate with each study omitted.`,
    }),
    table: forestTable(all),
  };
}

/** Cumulative meta-analysis in order of publication year. */
export function outcomeCumulative(analysis: BinaryOutcomeAnalysis): PlotFigure | undefined {
  const results = analysis.result?.cumulative;
  if (!results) return undefined;
  const rows: ForestRow[] = results.map((r) => {
    const study = studyOf(analysis, r.study);
    const label = study.label.includes(String(study.year)) ? study.label : `${study.label} (${study.year})`;
    return { kind: 'study', label: `+ ${label}`, estimate: r.proportion, lower: r.ci[0], upper: r.ci[1], interval: plotInterval(r.proportion, r.ci), tooltip: `Up to ${study.label}: ${plotInterval(r.proportion, r.ci)} %` };
  });
  return {
    spec: forestSpec(rows, {
      axisTitle: `${analysis.outcome.title} (proportion)`,
      reference: analysis.result!.pooled.proportion,
      description: `Cumulative meta-analysis of ${analysis.outcome.title.toLowerCase()}, adding studies in order of publication year.`,
    }),
    table: forestTable(rows),
  };
}
