import type { TopLevelSpec } from 'vega-lite';
import { fixed } from '../format/numbers.ts';
import type { DataTable } from './data-table.ts';
import { FONT_SIZE, NARROW_WIDTH } from './forest.ts';
import { PLOT_FONT } from './text-width.ts';

export interface FunnelPoint {
  label: string;
  /** Effect on the analysis scale (e.g. logit). */
  yi: number;
  sei: number;
  tooltip?: string;
}

export interface FunnelOptions {
  /** Pooled effect on the analysis scale. */
  pooled: number;
  /** Pseudo 95 % confidence limits around the pooled effect, by standard error. */
  limits: { sei: number; lower: number; upper: number }[];
  axisTitle: string;
  description: string;
}

/** Funnel plot: effect against standard error (0 at the top), with pseudo 95 % limits. */
export function funnelSpec(points: FunnelPoint[], options: FunnelOptions): TopLevelSpec {
  const y = {
    field: 'sei',
    type: 'quantitative',
    scale: { reverse: true, zero: true, nice: true },
    axis: { title: 'Standard error', grid: false },
  } as const;
  const x = { type: 'quantitative', scale: { zero: false, nice: true }, axis: { title: options.axisTitle, grid: false } } as const;
  const limits = options.limits.flatMap((limit, order) => [
    { side: 'lower', sei: limit.sei, x: limit.lower, order },
    { side: 'upper', sei: limit.sei, x: limit.upper, order },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: options.description,
    // Fits a phone screen at its natural size (NARROW_WIDTH with the axis labels).
    width: NARROW_WIDTH - 70,
    height: 240,
    layer: [
      {
        data: { values: limits },
        mark: { type: 'line', color: '#6b7280', strokeDash: [4, 3] },
        encoding: { x: { field: 'x', ...x }, y, detail: { field: 'side' }, order: { field: 'order' } },
      },
      {
        data: { values: [{ pooled: options.pooled }] },
        mark: { type: 'rule', color: '#b45309' },
        encoding: { x: { field: 'pooled', ...x } },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, color: '#1f5f8b', size: 60, opacity: 0.9 },
        encoding: { x: { field: 'yi', ...x }, y, tooltip: { field: 'tooltip' } },
      },
    ],
    config: {
      font: PLOT_FONT,
      view: { stroke: null },
      axis: { labelFont: PLOT_FONT, titleFont: PLOT_FONT, labelFontSize: FONT_SIZE, titleFontSize: FONT_SIZE },
    },
  };
}

/** The numbers of a funnel plot: each study's effect and standard error. */
export function funnelTable(points: FunnelPoint[], effectTitle: string): DataTable {
  return { columns: ['Study', effectTitle, 'Standard error'], rows: points.map((p) => [p.label, fixed(p.yi, 3), fixed(p.sei, 3)]) };
}
