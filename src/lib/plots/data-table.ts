import type { TopLevelSpec } from 'vega-lite';

/** A plot's numbers as a table: its text alternative for readers who cannot see the chart. */
export interface DataTable {
  columns: string[];
  rows: string[][];
}

/** A plot spec with the table of the numbers it draws. */
export interface PlotFigure {
  /** File name of its downloads (`/plots/<id>.svg`, `.png`): unique across the site. */
  id: string;
  /** What the plot shows, as its downloads print it above the drawing ("Forest plot"). */
  title: string;
  /** The outcome it is about, where it is about one. */
  outcome?: string;
  /** The model its estimates come from, in words, where it draws any. */
  model?: string;
  spec: TopLevelSpec;
  /** The same plot laid out for a phone screen, when the wide one would not fit. */
  narrow?: TopLevelSpec;
  table: DataTable;
}
