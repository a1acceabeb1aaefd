import { fixed, percent, plotInterval, plotRange, pValue, statistic } from '../format/numbers.ts';
import { tierLabel } from '../vocabulary/labels.ts';
import { modelInWords } from '../format/estimate.ts';
import type { StudyEstimate, SubgroupDimension } from '../review/analyses/analyses.ts';
import type { Heterogeneity, Interval } from '../pooling/types.ts';
import type { Estimate, Fit } from '../review/analyses/decided-estimate.ts';
import { overallEstimate, type OutcomeStudyView, type OutcomeView } from '../review/analyses/outcome-view.ts';
import type { HETEROGENEITY_TESTS } from '../schema/exports.ts';
import type { PublicationType } from '../schema/trial.ts';
import type { PlotFigure } from './data-table.ts';
import { forestSpec, forestTable, type ForestOptions, type ForestRow } from './forest.ts';
import { funnelSpec, funnelTable } from './funnel-plot.ts';

const summaryTooltip = (label: string, proportion: number, ci: readonly [number, number]) => `${label}: ${plotInterval(proportion, ci)} %`;

/** What each row's interval is, stated under every forest plot (only the marks it draws). */
export function forestKey(rows: ForestRow[], reference: boolean): string {
  return (
    [
      "Studies in order of publication year. Squares and lines: each study's proportion with its exact (Clopper–Pearson) 95 % CI",
      ...(rows.some((row) => row.kind === 'summary') ? ["diamonds: the model's 95 % CI"] : []),
      ...(rows.some((row) => row.kind === 'prediction') ? ['dashed bar: 95 % prediction interval'] : []),
      ...(reference ? ['vertical dashed line: the estimate across all studies'] : []),
      ...(rows.some((row) => row.kind === 'header' && row.interval) ? ['groups not pooled: the exact 95 % CI of their total'] : []),
    ].join('; ') + '.'
  );
}

/** RevMan's heterogeneity line: "Heterogeneity (DL): τ² = 0.57; Q = 5.20, df = 2 (p = 0.074); I² = 62 %". */
export function heterogeneityLine(
  model: string,
  heterogeneity: Pick<Heterogeneity, 'tau2' | 'Q' | 'df' | 'pQ' | 'I2'>,
  heterogeneityTest: (typeof HETEROGENEITY_TESTS)[number],
): string {
  const { tau2, Q, df, pQ, I2 } = heterogeneity;
  const test = heterogeneityTest === 'likelihood ratio' ? 'likelihood-ratio test' : 'Q';
  return `Heterogeneity (${model}): τ² = ${statistic(tau2)}; ${test} = ${statistic(Q)}, df = ${df} (p = ${pValue(pQ)}); I² = ${fixed(I2, 0)} %`;
}

/** A pooled figure's rows: the diamond, then the prediction interval where there is one. */
function pooledRows(label: string, proportion: number, ci: Interval, pi: Interval | null, count?: string): ForestRow[] {
  const diamond: ForestRow = {
    kind: 'summary',
    label,
    ...(count ? { count } : {}),
    estimate: proportion,
    lower: ci[0],
    upper: ci[1],
    interval: plotInterval(proportion, ci),
    tooltip: summaryTooltip(label, proportion, ci),
  };
  if (!pi) return [diamond];
  const range = plotRange(pi);
  return [
    diamond,
    {
      kind: 'prediction',
      label: '95% prediction interval',
      estimate: proportion,
      lower: pi[0],
      upper: pi[1],
      interval: range,
      tooltip: `Prediction interval: ${range} %`,
    },
  ];
}

/** A figure after the rules, as the model and the export both hold it. */
type DecidedEstimate = Pick<Estimate, 'basis' | 'model' | 'k' | 'patients' | 'events' | 'proportion' | 'ci' | 'pi'>;

/** The rows an estimate adds under its studies: a diamond and a prediction interval when pooled, else nothing drawn. */
function estimateRows(label: string, estimate: DecidedEstimate): ForestRow[] {
  const { proportion, ci, pi, k, events, patients } = estimate;
  const count = `${events}/${patients}`;
  if (estimate.basis !== 'pooled')
    return k > 1 ? [{ kind: 'header', label: `${label}: not pooled`, count, interval: plotInterval(proportion, ci) }] : [];
  return pooledRows(`${label}, ${estimate.model} (k = ${k})`, proportion, ci, pi, count);
}

/**
 * What a forest plot shows of one study: its label, trial and result; population, derivation
 * and evidence tier where known (`tier` null: a version frozen before tiers were recorded).
 */
export interface ForestStudy {
  label: string;
  nct: string;
  result: StudyEstimate;
  population?: string | undefined;
  derivedFrom?: string | undefined;
  tier?: PublicationType | null;
}

function studyRow({ label, nct, population, derivedFrom, tier, result: study }: ForestStudy): ForestRow {
  const weight = study.weight === null ? '' : `, weight ${percent(study.weight / 100)}`;
  return {
    kind: 'study',
    label: derivedFrom ? `${label} (derived)` : label,
    population,
    ...(tier === undefined ? {} : { evidence: tierLabel(tier), evidenceShort: tierLabel(tier, true) }),
    estimate: study.proportion,
    lower: study.ci[0],
    upper: study.ci[1],
    ...(study.weight === null ? {} : { weight: study.weight, weightText: percent(study.weight / 100) }),
    count: `${study.events}/${study.total}`,
    interval: plotInterval(study.proportion, study.ci),
    tooltip: `${label} (${nct}): ${study.events}/${study.total}, ${plotInterval(study.proportion, study.ci)} %${weight}`,
  };
}

/** What a downloaded figure names besides its own title: the outcome and the model its estimates come from. */
type FigureAbout = Pick<PlotFigure, 'title' | 'outcome' | 'model'>;

/** Both layouts of one forest plot. */
function forestFigure(id: string, about: FigureAbout, rows: ForestRow[], options: ForestOptions): PlotFigure {
  return { id, ...about, spec: forestSpec(rows, options), narrow: forestSpec(rows, options, 'narrow'), table: forestTable(rows, options) };
}

/** An outcome figure's title, outcome and model, as its downloads print them. */
function aboutOutcome(outcome: OutcomeView, title: string): FigureAbout {
  const overall = overallEstimate(outcome);
  return { title, outcome: outcome.outcome.title, ...(overall ? { model: modelInWords(overall) } : {}) };
}

/** A study row of an outcome's export, as its forest plot draws it. */
function exportedStudy(study: OutcomeStudyView): ForestStudy {
  return {
    label: study.study,
    nct: study.nct,
    population: study.population ?? undefined,
    derivedFrom: study.derivedFrom ?? undefined,
    tier: study.source.type,
    result: { study: study.id, events: study.events, total: study.n, proportion: study.proportion, ci: study.ci, weight: study.weight },
  };
}

/**
 * The outcome's forest plot: studies by malignancy group with each group's own figure,
 * then the figure across all studies (secondary when the groups differ), by year within groups.
 * Drawn from the export shape, so the live page and a frozen version draw through here alike.
 */
export function outcomeForest(outcome: OutcomeView): PlotFigure {
  const overall = overallEstimate(outcome);
  if (!outcome.result || !overall) throw new Error(`${outcome.outcome.slug}: no forest plot without studies`);
  const grouped = outcome.strata.length > 1;
  const rows: ForestRow[] = grouped
    ? outcome.strata.flatMap((stratum) => [
        { kind: 'header', label: stratum.label },
        ...outcome.studies.filter((study) => study.group === stratum.group).map((study) => studyRow(exportedStudy(study))),
        // RevMan's subtotal under each group's studies; the header above names the group.
        ...estimateRows('Subtotal', stratum),
      ])
    : outcome.studies.map((study) => studyRow(exportedStudy(study)));
  rows.push(...estimateRows(grouped ? 'Total, all cancers' : 'Total', overall));
  const pooled = overall.basis === 'pooled';
  const { heterogeneity } = outcome.result;
  const footer = [
    heterogeneity ? heterogeneityLine(overall.model, heterogeneity, heterogeneity.test) : (outcome.result.notes[0] ?? ''),
    forestKey(rows, pooled),
  ];
  const title = outcome.outcome.title;
  return forestFigure(`${outcome.outcome.slug}-forest`, aboutOutcome(outcome, 'Forest plot'), rows, {
    axisTitle: `${title} (%)`,
    ...(pooled ? { reference: overall.proportion } : {}),
    countTitle: 'Events/n',
    footer,
    description: `Forest plot of ${title.toLowerCase()}: ${overall.k} ${overall.k === 1 ? 'study' : 'studies'}, ${pooled ? `pooled ${plotInterval(overall.proportion, overall.ci)} %` : 'not pooled'}.`,
  });
}

/**
 * Forest plot of one fit from the fit and its studies alone: a reader's re-analysis in the
 * browser draws through here (diamond and, where the fit has one, the HTS prediction interval).
 */
export function studiesForest(title: string, result: Fit, studies: ForestStudy[]): PlotFigure {
  const { proportion, ci } = result.pooled;
  const rows: ForestRow[] = [...studies.map(studyRow), ...pooledRows(`Total, ${result.method} (k = ${result.k})`, proportion, ci, result.piHts)];
  return forestFigure('reanalysis-forest', { title: `${title}: a re-analysis`, model: `random effects (${result.method})` }, rows, {
    axisTitle: `${title} (%)`,
    reference: proportion,
    countTitle: 'Events/n',
    footer: [heterogeneityLine(result.method, result.heterogeneity, result.heterogeneityTest), forestKey(rows, true)],
    description: `Forest plot of a re-analysis of ${title.toLowerCase()}: ${result.k} studies, pooled ${plotInterval(proportion, ci)} %.`,
  });
}

/** A study's value of the characteristic a subgroup analysis groups on (the export names it by its field). */
function characteristic(study: OutcomeStudyView, dimension: string): string {
  return study[dimension as SubgroupDimension];
}

/** Forest plot of one subgroup analysis that passed the subgroup rule, from the export shape. */
export function subgroupForest(outcome: OutcomeView, subgroup: OutcomeView['subgroups'][number]): PlotFigure {
  const overall = overallEstimate(outcome);
  if (!overall) throw new Error(`${outcome.outcome.slug}: no subgroup forest without studies`);
  const { slug, title } = outcome.outcome;
  const rows: ForestRow[] = subgroup.groups.flatMap((group) => [
    { kind: 'header', label: group.label },
    ...outcome.studies.filter((study) => characteristic(study, subgroup.dimension) === group.group).map((study) => studyRow(exportedStudy(study))),
    ...(group.k > 1
      ? [
          {
            kind: 'summary',
            label: `Subgroup (k = ${group.k})`,
            estimate: group.proportion,
            lower: group.ci[0],
            upper: group.ci[1],
            interval: plotInterval(group.proportion, group.ci),
            tooltip: summaryTooltip(group.label, group.proportion, group.ci),
          } as ForestRow,
        ]
      : []),
  ]);
  rows.push(...estimateRows('Pooled', overall));
  const between = subgroup.between;
  return forestFigure(`${slug}-forest-${subgroup.dimension}`, aboutOutcome(outcome, `Forest plot by ${subgroup.title.toLowerCase()}`), rows, {
    axisTitle: `${title} (%)`,
    reference: overall.proportion,
    countTitle: 'Events/n',
    footer: [
      between
        ? `Test for subgroup differences: Q = ${statistic(between.Q)}, df = ${between.df} (p = ${pValue(between.p)})`
        : 'Test for subgroup differences: not estimable',
      forestKey(rows, true),
    ],
    description: `Forest plot of ${title.toLowerCase()} by ${subgroup.title.toLowerCase()}.`,
  });
}

/** Funnel plot on the analysis scale, from the export: only where the small-study rule allowed it (the export holds its data then). */
export function outcomeFunnel(outcome: OutcomeView): PlotFigure | undefined {
  const funnel = outcome.result?.funnel;
  if (!funnel) return undefined;
  const points = funnel.studies.map(({ study, yi, sei }) => ({
    label: study,
    yi,
    sei,
    tooltip: `${study}: effect ${fixed(yi, 2)}, SE ${fixed(sei, 2)}`,
  }));
  const { slug, title } = outcome.outcome;
  const axisTitle = `${title} (${funnel.measure === 'PLO' ? 'logit' : 'transformed'} scale)`;
  return {
    id: `${slug}-funnel`,
    ...aboutOutcome(outcome, 'Funnel plot'),
    spec: funnelSpec(points, {
      pooled: funnel.pooledEffect,
      limits: funnel.limits,
      axisTitle,
      description: `Funnel plot of ${title.toLowerCase()}: ${funnel.studies.length} studies against their standard errors, with pseudo 95% limits.`,
    }),
    table: funnelTable(points, axisTitle),
  };
}

/** A refit row that gave no estimate: its label, no point, and "did not converge" where the interval would be. */
function notConverged(label: string, problem: string): ForestRow {
  return { kind: 'study', label, interval: 'did not converge', tooltip: `${label}: no estimate (${problem})` };
}

/**
 * Leave-one-out analysis: the estimate with each study omitted. Drawn from the export shape,
 * which names each omitted study by its label, so a frozen version draws it too.
 */
export function outcomeLeaveOneOut(outcome: OutcomeView): PlotFigure | undefined {
  const overall = overallEstimate(outcome);
  const results = outcome.result?.leaveOneOut ?? [];
  if (results.length === 0 || !overall) return undefined;
  const { slug, title } = outcome.outcome;
  const rows: ForestRow[] = results.map((r) => {
    const label = `Without ${r.omitted}`;
    if ('problem' in r) return notConverged(label, r.problem);
    return {
      kind: 'study',
      label,
      estimate: r.proportion,
      lower: r.ci[0],
      upper: r.ci[1],
      interval: plotInterval(r.proportion, r.ci),
      tooltip: `${label}: ${plotInterval(r.proportion, r.ci)} %`,
    };
  });
  rows.push(...estimateRows('All studies', overall).slice(0, 1));
  return forestFigure(`${slug}-leave-one-out`, aboutOutcome(outcome, 'Leave-one-out analysis'), rows, {
    axisTitle: `${title} (%)`,
    labelTitle: 'Omitted',
    reference: overall.proportion,
    footer: ["Each row: the model's estimate and 95 % CI with one study left out."],
    description: `Leave-one-out analysis of ${title.toLowerCase()}: the pooled estimate with each study omitted.`,
  });
}

/** Cumulative meta-analysis in order of publication year, from the export shape like the leave-one-out plot. */
export function outcomeCumulative(outcome: OutcomeView): PlotFigure | undefined {
  const overall = overallEstimate(outcome);
  const results = outcome.result?.cumulative ?? [];
  if (results.length === 0 || !overall) return undefined;
  const { slug, title } = outcome.outcome;
  // The export names each added study by its label, which is unique within an outcome.
  const years = new Map(outcome.studies.map((study) => [study.study, study.year]));
  const rows: ForestRow[] = results.map((r) => {
    const year = years.get(r.study);
    const label = year === undefined || r.study.includes(String(year)) ? r.study : `${r.study} (${year})`;
    if ('problem' in r) return notConverged(`+ ${label}`, r.problem);
    return {
      kind: 'study',
      label: `+ ${label}`,
      estimate: r.proportion,
      lower: r.ci[0],
      upper: r.ci[1],
      interval: plotInterval(r.proportion, r.ci),
      tooltip: `Up to ${r.study}: ${plotInterval(r.proportion, r.ci)} %`,
    };
  });
  return forestFigure(`${slug}-cumulative`, aboutOutcome(outcome, 'Cumulative meta-analysis'), rows, {
    axisTitle: `${title} (%)`,
    labelTitle: 'Added',
    reference: overall.proportion,
    footer: ["Each row: the model's estimate and 95 % CI over the studies published up to that one, in order of year."],
    description: `Cumulative meta-analysis of ${title.toLowerCase()}, adding studies in order of publication year.`,
  });
}

/**
 * Every plot of an outcome, built once from its export: the live page, its downloads and a
 * frozen version's page and downloads all take them from here. Absent where the outcome has
 * no data for the plot.
 */
export interface OutcomeFigures {
  forest: PlotFigure | undefined;
  /** One per subgroup analysis, by its dimension. */
  subgroups: Map<string, PlotFigure>;
  funnel: PlotFigure | undefined;
  leaveOneOut: PlotFigure | undefined;
  cumulative: PlotFigure | undefined;
}

export function outcomeFigures(outcome: OutcomeView): OutcomeFigures {
  const drawn = outcome.result !== null;
  return {
    forest: drawn ? outcomeForest(outcome) : undefined,
    subgroups: new Map(drawn ? outcome.subgroups.map((subgroup) => [subgroup.dimension, subgroupForest(outcome, subgroup)]) : []),
    funnel: outcomeFunnel(outcome),
    leaveOneOut: outcomeLeaveOneOut(outcome),
    cumulative: outcomeCumulative(outcome),
  };
}

/** An outcome's figures as a list, in page order. */
export function figureList({ forest, subgroups, funnel, leaveOneOut, cumulative }: OutcomeFigures): PlotFigure[] {
  return [forest, ...subgroups.values(), funnel, leaveOneOut, cumulative].filter((figure) => figure !== undefined);
}
