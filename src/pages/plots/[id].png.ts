import type { APIRoute } from 'astro';
import { renderPng, renderSvg } from '../../lib/plots/render.ts';
import type { PlotFigure } from '../../lib/plots/data-table.ts';
import { figurePaths } from '../../queries/figures.ts';

export const getStaticPaths = figurePaths;

/** Each plot as a PNG at twice its size, for slides and documents. */
export const GET: APIRoute<{ figure: PlotFigure }> = async ({ props }) =>
  new Response(Buffer.from(renderPng(await renderSvg(props.figure.spec))), { headers: { 'Content-Type': 'image/png' } });
