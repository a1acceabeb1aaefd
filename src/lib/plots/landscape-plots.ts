import { NK_SOURCE_LABELS, phaseLabel, statusLabel } from '../vocabulary/labels.ts';
import type { Trial } from '../schema/trial.ts';
import { barSpec, barTable, type Bar } from './bar.ts';
import type { PlotFigure } from './data-table.ts';

const tally = (values: string[]): Bar[] =>
  [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>())].map(([label, value]) => ({ label, value }));

/** The landscape page's bar charts over the trials in the review (excluded trials left out). */
export function landscapeFigures(trials: Trial[]): PlotFigure[] {
  const live = trials.filter((trial) => trial.inclusion.status !== 'excluded');
  const charts = [
    { id: 'targets', title: 'Target antigens', bars: tally(live.flatMap((t) => t.product.targets)) },
    { id: 'nk-sources', title: 'NK cell sources', bars: tally(live.map((t) => NK_SOURCE_LABELS[t.product.nkSource])) },
    { id: 'phases', title: 'Phases', bars: tally(live.map((t) => phaseLabel(t.registry.phase))) },
    { id: 'registry-status', title: 'Registry status', bars: tally(live.map((t) => statusLabel(t.registry.status))) },
  ];
  return charts.map((chart) => ({
    id: `landscape-${chart.id}`,
    title: chart.title,
    spec: barSpec(chart.bars, {
      axisTitle: 'Trials',
      description: `${chart.title} of the ${live.length} trials: ${chart.bars.map((b) => `${b.label} ${b.value}`).join(', ')}.`,
    }),
    table: barTable(chart.bars, chart.title, 'Trials'),
  }));
}
