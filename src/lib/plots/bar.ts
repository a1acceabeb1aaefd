import type { TopLevelSpec } from 'vega-lite';
import type { DataTable } from './data-table.ts';
import { FONT_SIZE, NARROW_WIDTH } from './forest.ts';
import { MAX_LABEL_WIDTH, PLOT_FONT, textWidth } from './text-width.ts';

export interface Bar {
  label: string;
  value: number;
}

function largestFirst(bars: Bar[]): Bar[] {
  return [...bars].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

/** Horizontal bar chart of counts, largest first, with the count printed at each bar's end. */
export function barSpec(bars: Bar[], options: { axisTitle: string; description: string }): TopLevelSpec {
  // A longer label ends in vega's ellipsis at the limit; the tooltip and the table keep it whole.
  const labelWidth = Math.min(MAX_LABEL_WIDTH, Math.ceil(Math.max(0, ...bars.map((bar) => textWidth(bar.label, FONT_SIZE)))));
  const y = { field: 'label', type: 'nominal', sort: null, axis: { title: null, labelLimit: labelWidth + 4 } } as const;
  const x = { field: 'value', type: 'quantitative', axis: { title: options.axisTitle, tickMinStep: 1, grid: false } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: options.description,
    data: { values: largestFirst(bars).map((bar) => ({ ...bar, tooltip: `${bar.label}: ${bar.value}` })) },
    // Label gutter plus bars stay within NARROW_WIDTH, so the chart fits a phone at its natural size.
    width: Math.max(120, NARROW_WIDTH - labelWidth - 30),
    height: { step: 20 },
    layer: [
      { mark: { type: 'bar', color: '#1f5f8b' }, encoding: { y, x, tooltip: { field: 'tooltip' } } },
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: FONT_SIZE }, encoding: { y, x, text: { field: 'value' } } },
    ],
    config: {
      font: PLOT_FONT,
      view: { stroke: null },
      axis: { labelFont: PLOT_FONT, titleFont: PLOT_FONT, labelFontSize: FONT_SIZE, titleFontSize: FONT_SIZE },
    },
  };
}

/** The counts of a bar chart, largest first. */
export function barTable(bars: Bar[], labelTitle: string, valueTitle: string): DataTable {
  return { columns: [labelTitle, valueTitle], rows: largestFirst(bars).map((bar) => [bar.label, String(bar.value)]) };
}
