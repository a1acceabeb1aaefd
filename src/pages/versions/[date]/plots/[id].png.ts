import type { APIRoute } from 'astro';
import { figureFile, versionFigurePaths, type FigureFileProps } from '../../../../queries/figures.ts';

export const getStaticPaths = versionFigurePaths;

/** Each plot of a frozen version as PNG at twice its size, credited to that version. */
export const GET: APIRoute<FigureFileProps> = ({ props, site }) => figureFile(props, 'png', site, import.meta.env.BASE_URL);
