import type { APIRoute } from 'astro';
import { figureFile, liveFigurePaths, type FigureFileProps } from '../../queries/figures.ts';

export const getStaticPaths = liveFigurePaths;

/** Each plot as a standalone SVG file: the drawing the page shows, with its credit above it. */
export const GET: APIRoute<FigureFileProps> = ({ props, site }) => figureFile(props, 'svg', site, import.meta.env.BASE_URL);
