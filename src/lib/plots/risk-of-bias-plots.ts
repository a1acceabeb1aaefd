import type { TopLevelSpec } from 'vega-lite';
import { percent } from '../format/numbers.ts';
import type { JudgementShare, TrialRiskOfBias } from '../review/model/trial-risk-of-bias.ts';
import { ROB_DOMAINS, ROB_JUDGEMENT_LABELS, ROB_JUDGEMENTS, ROB_TOOL, type RobJudgement } from '../schema/risk-of-bias.ts';
import type { PlotFigure } from './data-table.ts';
import { MAX_LABEL_WIDTH, PLOT_FONT, textWidth } from './text-width.ts';

// robvis's colours, darkened where white or black text must stay readable on them; a symbol repeats each judgement so colour is never the only cue.
const COLOURS: Record<RobJudgement, string> = { low: '#1a7f37', unclear: '#e3c000', high: '#b00020' };
const SYMBOLS: Record<RobJudgement, string> = { low: '+', unclear: '?', high: '−' };
const TEXT_COLOURS: Record<RobJudgement, string> = { low: '#ffffff', unclear: '#000000', high: '#ffffff' };
// The site's floor for text in plots, phones included.
const FONT_SIZE = 12;
const COLUMNS = [...ROB_DOMAINS.map((d) => ({ id: d.id, label: `${d.item}. ${d.short}` })), { id: 'overall', label: 'Overall' }];

const colour = (field: string) =>
  ({
    field,
    type: 'nominal',
    scale: { domain: [...ROB_JUDGEMENTS], range: ROB_JUDGEMENTS.map((j) => COLOURS[j]) },
    legend: {
      title: 'Judgement',
      orient: 'bottom',
      labelExpr: `{${ROB_JUDGEMENTS.map((j) => `'${j}': '${ROB_JUDGEMENT_LABELS[j].label}'`).join(', ')}}[datum.label]`,
    },
  }) as const;

const config = {
  font: PLOT_FONT,
  view: { stroke: null },
  axis: { labelFont: PLOT_FONT, titleFont: PLOT_FONT, labelFontSize: FONT_SIZE, titleFontSize: FONT_SIZE },
  legend: { labelFont: PLOT_FONT, titleFont: PLOT_FONT, labelFontSize: FONT_SIZE, titleFontSize: FONT_SIZE },
};

/** robvis's traffic-light plot: one row per trial, one circle per item and overall, coloured and marked by judgement. */
export function trafficLight(assessments: TrialRiskOfBias[], id: string): PlotFigure {
  const cells = assessments.flatMap((trial) =>
    [...trial.judgements.map((j) => ({ column: j.domain, judgement: j.judgement })), { column: 'overall', judgement: trial.overall }].map(
      ({ column, judgement }) => ({
        trial: trial.label,
        column: COLUMNS.find((c) => c.id === column)!.label,
        judgement,
        symbol: SYMBOLS[judgement],
        textColour: TEXT_COLOURS[judgement],
        tooltip: `${trial.label} (${trial.nct}), ${COLUMNS.find((c) => c.id === column)!.label}: ${ROB_JUDGEMENT_LABELS[judgement].label}`,
      }),
    ),
  );
  // A longer label ends in vega's ellipsis at the limit; the tooltip and the table keep it whole.
  const labelWidth = Math.min(MAX_LABEL_WIDTH, Math.ceil(Math.max(0, ...assessments.map((a) => textWidth(a.label, FONT_SIZE)))));
  const x = {
    field: 'column',
    type: 'nominal',
    sort: COLUMNS.map((c) => c.label),
    axis: { title: null, orient: 'top', labelAngle: -40, domain: false, ticks: false },
  } as const;
  const y = {
    field: 'trial',
    type: 'nominal',
    sort: assessments.map((a) => a.label),
    axis: { title: null, labelLimit: labelWidth + 4, domain: false, ticks: false },
  } as const;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `Traffic-light plot of risk of bias (${ROB_TOOL.shortName}) for ${assessments.length} included ${assessments.length === 1 ? 'trial' : 'trials'}: ${assessments.map((a) => `${a.label} ${ROB_JUDGEMENT_LABELS[a.overall].label.toLowerCase()} overall`).join('; ')}.`,
    data: { values: cells },
    width: { step: 34 },
    height: { step: 30 },
    layer: [
      { mark: { type: 'circle', size: 420, opacity: 1 }, encoding: { x, y, color: colour('judgement'), tooltip: { field: 'tooltip' } } },
      {
        mark: { type: 'text', fontSize: 14, fontWeight: 'bold' },
        encoding: { x, y, text: { field: 'symbol' }, color: { field: 'textColour', type: 'nominal', scale: null } },
      },
    ],
    config,
  } as TopLevelSpec;
  return {
    id,
    title: `Risk of bias (${ROB_TOOL.shortName}) of ${assessments.length === 1 ? assessments[0]!.label : `${assessments.length} trials`}: traffic-light plot`,
    spec,
    table: {
      columns: ['Trial', ...COLUMNS.map((c) => c.label)],
      rows: assessments.map((a) => [
        a.label,
        ...a.judgements.map((j) => ROB_JUDGEMENT_LABELS[j.judgement].label),
        ROB_JUDGEMENT_LABELS[a.overall].label,
      ]),
    },
  };
}

/** robvis's summary plot: for each item and overall, the share of weight at each judgement. */
export function riskOfBiasSummary(shares: JudgementShare[], weighting: string, id: string): PlotFigure {
  const labelOf = (domain: string) => COLUMNS.find((c) => c.id === domain)!.label;
  const values = shares.map((s) => ({
    domain: labelOf(s.domain),
    judgement: s.judgement,
    order: ROB_JUDGEMENTS.indexOf(s.judgement),
    share: s.share,
    tooltip: `${labelOf(s.domain)}: ${ROB_JUDGEMENT_LABELS[s.judgement].label.toLowerCase()}, ${percent(s.share, 0)} of ${weighting}`,
  }));
  const labelWidth = Math.ceil(Math.max(...COLUMNS.map((c) => textWidth(c.label, FONT_SIZE))));
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `Risk of bias summary: for each ${ROB_TOOL.shortName} item and overall, the share of ${weighting} at low, unclear and high risk. Overall: ${ROB_JUDGEMENTS.map((j) => `${ROB_JUDGEMENT_LABELS[j].label.toLowerCase()} ${percent(shares.find((s) => s.domain === 'overall' && s.judgement === j)?.share ?? 0, 0)}`).join(', ')}.`,
    data: { values },
    width: 260,
    height: { step: 22 },
    mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 0.5 },
    encoding: {
      y: { field: 'domain', type: 'nominal', sort: COLUMNS.map((c) => c.label), axis: { title: null, labelLimit: labelWidth + 4 } },
      x: {
        field: 'share',
        type: 'quantitative',
        stack: 'zero',
        scale: { domain: [0, 1] },
        axis: { title: `Share of ${weighting}`, format: '.0%', grid: false },
      },
      color: colour('judgement'),
      order: { field: 'order', type: 'quantitative' },
      tooltip: { field: 'tooltip' },
    },
    config,
  } as TopLevelSpec;
  return {
    id,
    title: `Risk of bias (${ROB_TOOL.shortName}) summary: share of ${weighting} at each judgement`,
    spec,
    table: {
      columns: ['Item', ...ROB_JUDGEMENTS.map((j) => ROB_JUDGEMENT_LABELS[j].label)],
      rows: COLUMNS.map((c) => [
        c.label,
        ...ROB_JUDGEMENTS.map((j) => percent(shares.find((s) => s.domain === c.id && s.judgement === j)?.share ?? 0, 0)),
      ]),
    },
  };
}
