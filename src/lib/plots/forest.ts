import type { TopLevelSpec } from 'vega-lite';
import type { DataTable } from './data-table.ts';
import { PLOT_FONT, textWidth } from './text-width.ts';

/**
 * One row of a forest-style plot. `study` rows draw a square (sized by `weight` when
 * given) on a CI line; `summary` rows a diamond spanning the CI; `prediction` rows a
 * dashed prediction interval; `header` rows only their label.
 */
export interface ForestRow {
  kind: 'study' | 'summary' | 'prediction' | 'header';
  label: string;
  estimate?: number;
  lower?: number;
  upper?: number;
  /** Weight in percent. */
  weight?: number;
  /** Left text column, e.g. "12/37". */
  count?: string;
  /** Right text columns, already formatted. */
  interval?: string;
  weightText?: string;
  /** Shown on hover in the browser. */
  tooltip?: string;
}

export interface ForestOptions {
  /** Axis title of the proportion scale. */
  axisTitle: string;
  /** Reference line, usually the pooled estimate. */
  reference?: number;
  /** Header of the left count column ("Events/n"); none when rows have no counts. */
  countTitle?: string;
  /** Description for screen readers. */
  description: string;
}

const FONT_SIZE = 12;
const ROW_HEIGHT = 22;
const PLOT_WIDTH = 280;
const COLUMN_GAP = 14;

const columnWidth = (texts: string[], bold = false) => Math.ceil(Math.max(0, ...texts.map((t) => textWidth(t, FONT_SIZE, bold))));

/** A forest plot as a Vega-Lite spec: text columns left and right of the interval plot, sharing rows. */
export function forestSpec(rows: ForestRow[], options: ForestOptions): TopLevelSpec {
  const values = rows.map((row, index) => ({
    ...row,
    count: row.count ?? '',
    interval: row.interval ?? '',
    weightText: row.weightText ?? '',
    row: index,
    bold: row.kind !== 'study',
  }));
  const diamonds = values
    .filter((row) => row.kind === 'summary' && row.estimate !== undefined)
    .flatMap((row) => [
      { row: row.row, x: row.lower, top: row.row, bottom: row.row, tooltip: row.tooltip },
      { row: row.row, x: row.estimate, top: row.row - 0.38, bottom: row.row + 0.38, tooltip: row.tooltip },
      { row: row.row, x: row.upper, top: row.row, bottom: row.row, tooltip: row.tooltip },
    ]);
  const height = Math.max(1, rows.length) * ROW_HEIGHT;
  const y = { field: 'row', type: 'quantitative', axis: null, scale: { domain: [-0.5, rows.length - 0.5], reverse: true, nice: false, zero: false } } as const;

  const labelWidth = columnWidth(rows.map((r) => r.label), true);
  const hasCounts = rows.some((row) => row.count);
  const countWidth = hasCounts ? columnWidth([options.countTitle ?? '', ...rows.map((r) => r.count ?? '')], true) : 0;
  const intervalWidth = columnWidth(['Estimate [95% CI]', ...rows.map((r) => r.interval ?? '')], true);
  const hasWeights = rows.some((row) => row.weightText);
  const weightWidth = hasWeights ? columnWidth(['Weight', ...rows.map((r) => r.weightText ?? '')], true) : 0;

  // Vega-Lite has no font-weight channel: bold rows (headers, summaries) get a layer of their own.
  const textLayer = (field: string, x: number, align: 'left' | 'right') =>
    [false, true].map((bold) => ({
      transform: [{ filter: bold ? 'datum.bold' : '!datum.bold' }],
      mark: { type: 'text', align, baseline: 'middle', fontSize: FONT_SIZE, font: PLOT_FONT, fontWeight: bold ? 'bold' : 'normal' },
      encoding: { y, x: { value: x }, text: { field } },
    }));
  const header = (text: string, x: number, align: 'left' | 'right') => ({
    data: { values: [{}] },
    mark: { type: 'text', align, baseline: 'bottom', fontSize: FONT_SIZE, font: PLOT_FONT, fontWeight: 'bold', y: -6 },
    encoding: { x: { value: x }, text: { value: text } },
  });

  const left = {
    width: labelWidth + (hasCounts ? COLUMN_GAP + countWidth : 0),
    height,
    layer: [
      ...textLayer('label', 0, 'left'),
      ...(hasCounts ? [...textLayer('count', labelWidth + COLUMN_GAP + countWidth, 'right'), header(options.countTitle ?? '', labelWidth + COLUMN_GAP + countWidth, 'right')] : []),
    ],
  };

  const x = { type: 'quantitative', scale: { domain: [0, 1], nice: false }, axis: { format: '.0%', title: options.axisTitle, grid: false, tickCount: 5 } } as const;
  const plot = {
    width: PLOT_WIDTH,
    height,
    layer: [
      ...(options.reference === undefined
        ? []
        : [{ data: { values: [{ reference: options.reference }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#6b7280' }, encoding: { x: { field: 'reference', ...x } } }]),
      {
        transform: [{ filter: "datum.kind === 'study' || datum.kind === 'prediction'" }],
        mark: { type: 'rule', color: '#1b1f24' },
        encoding: {
          y,
          x: { field: 'lower', ...x },
          x2: { field: 'upper' },
          strokeDash: { condition: { test: "datum.kind === 'prediction'", value: [5, 3] }, value: [1, 0] },
        },
      },
      {
        transform: [{ filter: "datum.kind === 'study'" }],
        mark: { type: 'point', shape: 'square', filled: true, color: '#1f5f8b', opacity: 1 },
        encoding: {
          y,
          x: { field: 'estimate', ...x },
          size: hasWeights
            ? { field: 'weight', type: 'quantitative', scale: { domain: [0, 100], range: [16, 360] }, legend: null }
            : { value: 50 },
          tooltip: { field: 'tooltip' },
        },
      },
      {
        data: { values: diamonds },
        mark: { type: 'area', orient: 'vertical', color: '#b45309', opacity: 1 },
        encoding: {
          x: { field: 'x', ...x },
          y: { field: 'top', type: 'quantitative', axis: null, scale: y.scale },
          y2: { field: 'bottom' },
          detail: { field: 'row' },
          tooltip: { field: 'tooltip' },
        },
      },
    ],
  };

  const right = {
    width: intervalWidth + (hasWeights ? COLUMN_GAP + weightWidth : 0),
    height,
    layer: [
      ...textLayer('interval', intervalWidth, 'right'),
      header('Estimate [95% CI]', intervalWidth, 'right'),
      ...(hasWeights ? [...textLayer('weightText', intervalWidth + COLUMN_GAP + weightWidth, 'right'), header('Weight', intervalWidth + COLUMN_GAP + weightWidth, 'right')] : []),
    ],
  };

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: options.description,
    data: { values },
    hconcat: [left, plot, right],
    spacing: COLUMN_GAP,
    resolve: { scale: { y: 'shared' } },
    config: {
      font: PLOT_FONT,
      view: { stroke: null },
      axis: { labelFontSize: FONT_SIZE - 1, titleFontSize: FONT_SIZE, labelFont: PLOT_FONT, titleFont: PLOT_FONT },
      concat: { spacing: COLUMN_GAP },
    },
    padding: { top: 22, left: 4, right: 4, bottom: 4 },
  } as TopLevelSpec;
}

/** The numbers of a forest-style plot, row by row. */
export function forestTable(rows: ForestRow[], countTitle?: string): DataTable {
  const hasCounts = rows.some((row) => row.count);
  const hasWeights = rows.some((row) => row.weightText);
  return {
    columns: ['Row', ...(hasCounts ? [countTitle ?? 'Events/n'] : []), 'Estimate [95% CI], %', ...(hasWeights ? ['Weight'] : [])],
    rows: rows.map((row) => [row.label, ...(hasCounts ? [row.count ?? ''] : []), row.interval ?? '', ...(hasWeights ? [row.weightText ?? ''] : [])]),
  };
}
