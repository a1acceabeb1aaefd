import type { APIRoute } from 'astro';
import { figureFile, versionFigurePaths, type FigureFileProps } from '../../../../queries/figures.ts';

export const getStaticPaths = versionFigurePaths;

/** Each plot of a frozen version as SVG, credited to that version: it never changes. */
export const GET: APIRoute<FigureFileProps> = ({ props, site }) => figureFile(props, 'svg', site, import.meta.env.BASE_URL);
