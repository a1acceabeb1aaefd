import type { APIRoute } from 'astro';
import { renderSvg } from '../../lib/plots/render.ts';
import type { PlotFigure } from '../../lib/plots/data-table.ts';
import { figurePaths } from '../../queries/figures.ts';

export const getStaticPaths = figurePaths;

/** Each plot as a standalone SVG file, the same drawing the page shows. */
export const GET: APIRoute<{ figure: PlotFigure }> = async ({ props }) =>
  new Response(await renderSvg(props.figure.spec), { headers: { 'Content-Type': 'image/svg+xml' } });
