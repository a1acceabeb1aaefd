import type { TopLevelSpec } from 'vega-lite';

/** A plot's numbers as a table: its text alternative for readers who cannot see the chart. */
export interface DataTable {
  columns: string[];
  rows: string[][];
}

/** A plot spec with the table of the numbers it draws. */
export interface PlotFigure {
  spec: TopLevelSpec;
  table: DataTable;
}
