import type { TopLevelSpec } from 'vega-lite';
import type { DataTable } from './data-table.ts';
import { MAX_LABEL_WIDTH, PLOT_FONT, textWidth, truncateText } from './text-width.ts';

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
  /** Population column, e.g. "Glioblastoma, intracavitary". */
  population?: string;
  /** Evidence column: the source's publication type, e.g. "Peer-reviewed article". */
  evidence?: string;
  /** The same in a word, for the phone layout's line under the label, e.g. "article". */
  evidenceShort?: string;
  /** Count column, e.g. "12/37". */
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
  /** Header of the first column ("Study"). */
  labelTitle?: string;
  /** Header of the count column ("Events/n"); none when rows have no counts. */
  countTitle?: string;
  /** Lines under the plot: heterogeneity, the order of the rows, which interval each row uses. */
  footer?: string[];
  /** Description for screen readers. */
  description: string;
}

/** `wide` puts every number in its own column; `narrow` (phones) writes them under each label. */
export type ForestLayout = 'wide' | 'narrow';

/** No text in a plot is smaller than this, on any screen: the narrow variant is drawn at its natural size. */
export const FONT_SIZE = 12;
const ROW_HEIGHT = 22;
const NARROW_ROW_HEIGHT = 36;
const PLOT_WIDTH = 280;
const COLUMN_GAP = 14;
/** Total width of the narrow variant: fits a 390 px phone screen inside the page margins. */
export const NARROW_WIDTH = 340;
const NARROW_MIN_PLOT = 110;
const INTERVAL_TITLE = 'Proportion, % [95% CI]';
const EVIDENCE_TITLE = 'Evidence';

const columnWidth = (texts: string[], bold = false) => Math.ceil(Math.max(0, ...texts.map((t) => textWidth(t, FONT_SIZE, bold))));

/** Greedy word wrap to `width` pixels at the plot font size. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, FONT_SIZE) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The proportion axis scaled to the data, in steps of 10 percentage points (5 below 20 %). */
export function axisDomain(rows: ForestRow[]): [number, number] {
  const values = rows.flatMap((row) => [row.lower, row.upper, row.estimate]).filter((v): v is number => v !== undefined);
  const max = Math.max(0, ...values);
  const min = Math.min(1, ...values);
  const step = max <= 0.2 ? 0.05 : 0.1;
  const upper = Math.min(1, Math.max(step, Math.ceil(max / step - 1e-9) * step));
  const lower = Math.max(0, Math.floor(min / step + 1e-9) * step);
  return [Number(lower.toFixed(2)), Number(upper.toFixed(2))];
}

/** A forest plot as a Vega-Lite spec: text columns left and right of the interval plot, sharing rows. */
export function forestSpec(rows: ForestRow[], options: ForestOptions, layout: ForestLayout = 'wide'): TopLevelSpec {
  const narrow = layout === 'narrow';
  const rowHeight = narrow ? NARROW_ROW_HEIGHT : ROW_HEIGHT;
  const hasEvidence = rows.some((row) => row.evidence);
  // Labels drawn at most MAX_LABEL_WIDTH wide (bold, as header and summary rows are); the table keeps them whole.
  const fit = (text: string) => truncateText(text, MAX_LABEL_WIDTH, FONT_SIZE, true);
  const values = rows.map((row, index) => ({
    ...row,
    label: fit(row.label),
    ...(hasEvidence ? { evidence: row.evidence ?? '' } : {}),
    population: fit(row.population ?? ''),
    count: row.count ?? '',
    interval: row.interval ?? '',
    weightText: row.weightText ?? '',
    detail: [row.count, row.interval, row.evidenceShort].filter(Boolean).join('  '),
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
  const height = Math.max(1, rows.length) * rowHeight;
  const y = {
    field: 'row',
    type: 'quantitative',
    axis: null,
    scale: { domain: [-0.5, rows.length - 0.5], reverse: true, nice: false, zero: false },
  } as const;

  const labelTitle = options.labelTitle ?? 'Study';
  const labelWidth = columnWidth([labelTitle, ...values.map((v) => v.label), ...(narrow ? values.map((v) => v.detail) : [])], true);
  const hasPopulation = !narrow && rows.some((row) => row.population);
  const populationWidth = hasPopulation ? columnWidth(['Population', ...values.map((v) => v.population)], true) : 0;
  const evidenceWidth = hasEvidence && !narrow ? columnWidth([EVIDENCE_TITLE, ...rows.map((r) => r.evidence ?? '')], true) : 0;
  const hasCounts = !narrow && rows.some((row) => row.count);
  const countWidth = hasCounts ? columnWidth([options.countTitle ?? '', ...rows.map((r) => r.count ?? '')], true) : 0;
  const intervalWidth = columnWidth([INTERVAL_TITLE, ...rows.map((r) => r.interval ?? '')], true);
  const hasWeights = !narrow && rows.some((row) => row.weightText);
  const weightWidth = hasWeights ? columnWidth(['Weight', ...rows.map((r) => r.weightText ?? '')], true) : 0;

  // Vega-Lite has no font-weight channel: bold rows (headers, summaries) get a layer of their own.
  const textLayer = (field: string, x: number, align: 'left' | 'right', dy = 0, boldRows = true, only?: string) =>
    [false, true].map((bold) => ({
      transform: [{ filter: `${bold ? 'datum.bold' : '!datum.bold'}${only ? ` && ${only}` : ''}` }],
      mark: { type: 'text', align, baseline: 'middle', dy, fontSize: FONT_SIZE, font: PLOT_FONT, fontWeight: bold && boldRows ? 'bold' : 'normal' },
      encoding: { y, x: { value: x }, text: { field } },
    }));
  const header = (text: string, x: number, align: 'left' | 'right') => ({
    data: { values: [{}] },
    mark: { type: 'text', align, baseline: 'bottom', fontSize: FONT_SIZE, font: PLOT_FONT, fontWeight: 'bold', y: -6 },
    encoding: { x: { value: x }, text: { value: text } },
  });

  const beforeEvidence = labelWidth + (hasPopulation ? COLUMN_GAP + populationWidth : 0);
  const evidenceX = beforeEvidence + COLUMN_GAP;
  const beforeCount = beforeEvidence + (evidenceWidth ? COLUMN_GAP + evidenceWidth : 0);
  const countX = beforeCount + COLUMN_GAP + countWidth;
  const left = {
    width: beforeCount + (hasCounts ? COLUMN_GAP + countWidth : 0),
    height,
    layer: [
      header(labelTitle, 0, 'left'),
      ...(narrow
        ? [
            ...textLayer('label', 0, 'left', -8, true, 'datum.detail'),
            ...textLayer('label', 0, 'left', 0, true, '!datum.detail'),
            ...textLayer('detail', 0, 'left', 8, false),
          ]
        : textLayer('label', 0, 'left')),
      ...(hasPopulation
        ? [...textLayer('population', labelWidth + COLUMN_GAP, 'left', 0, false), header('Population', labelWidth + COLUMN_GAP, 'left')]
        : []),
      ...(evidenceWidth ? [...textLayer('evidence', evidenceX, 'left', 0, false), header(EVIDENCE_TITLE, evidenceX, 'left')] : []),
      ...(hasCounts ? [...textLayer('count', countX, 'right'), header(options.countTitle ?? '', countX, 'right')] : []),
    ],
  };

  const plotWidth = narrow ? Math.max(NARROW_MIN_PLOT, NARROW_WIDTH - left.width - COLUMN_GAP) : PLOT_WIDTH;
  const x = {
    type: 'quantitative',
    scale: { domain: axisDomain(rows), nice: false },
    // The outcome's name is in the caption; on a phone the axis says only what it measures, so it fits.
    axis: { format: '.0%', title: narrow ? 'Proportion (%)' : options.axisTitle, grid: false, tickCount: narrow ? 3 : 5 },
  } as const;
  const plot = {
    width: plotWidth,
    height,
    layer: [
      ...(options.reference === undefined
        ? []
        : [
            {
              data: { values: [{ reference: options.reference }] },
              mark: { type: 'rule', strokeDash: [4, 3], color: '#6b7280' },
              encoding: { x: { field: 'reference', ...x } },
            },
          ]),
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
          size: hasWeights ? { field: 'weight', type: 'quantitative', scale: { domain: [0, 100], range: [16, 360] }, legend: null } : { value: 50 },
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
      header(INTERVAL_TITLE, intervalWidth, 'right'),
      ...(hasWeights
        ? [
            ...textLayer('weightText', intervalWidth + COLUMN_GAP + weightWidth, 'right'),
            header('Weight', intervalWidth + COLUMN_GAP + weightWidth, 'right'),
          ]
        : []),
    ],
  };

  const width = narrow ? NARROW_WIDTH : left.width + PLOT_WIDTH + right.width + 2 * COLUMN_GAP;
  const footer = (options.footer ?? []).flatMap((line) => wrapText(line, width));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: options.description,
    data: { values },
    hconcat: narrow ? [left, plot] : [left, plot, right],
    spacing: COLUMN_GAP,
    resolve: { scale: { y: 'shared' } },
    ...(footer.length > 0
      ? {
          title: {
            text: footer,
            orient: 'bottom',
            anchor: 'start',
            frame: 'group',
            fontSize: FONT_SIZE,
            fontWeight: 'normal',
            font: PLOT_FONT,
            color: '#1b1f24',
            lineHeight: 16,
            offset: 10,
          },
        }
      : {}),
    config: {
      font: PLOT_FONT,
      view: { stroke: null },
      axis: { labelFontSize: FONT_SIZE, titleFontSize: FONT_SIZE, labelFont: PLOT_FONT, titleFont: PLOT_FONT },
      concat: { spacing: COLUMN_GAP },
    },
    padding: { top: 22, left: 4, right: 4, bottom: 4 },
  } as TopLevelSpec;
}

/** The numbers of a forest-style plot, row by row. */
export function forestTable(rows: ForestRow[], options: Pick<ForestOptions, 'labelTitle' | 'countTitle'> = {}): DataTable {
  const hasPopulation = rows.some((row) => row.population);
  const hasEvidence = rows.some((row) => row.evidence);
  const hasCounts = rows.some((row) => row.count);
  const hasWeights = rows.some((row) => row.weightText);
  return {
    columns: [
      options.labelTitle ?? 'Study',
      ...(hasPopulation ? ['Population'] : []),
      ...(hasEvidence ? [EVIDENCE_TITLE] : []),
      ...(hasCounts ? [options.countTitle ?? 'Events/n'] : []),
      INTERVAL_TITLE,
      ...(hasWeights ? ['Weight'] : []),
    ],
    rows: rows.map((row) => [
      row.label,
      ...(hasPopulation ? [row.population ?? ''] : []),
      ...(hasEvidence ? [row.evidence ?? ''] : []),
      ...(hasCounts ? [row.count ?? ''] : []),
      row.interval ?? '',
      ...(hasWeights ? [row.weightText ?? ''] : []),
    ]),
  };
}
