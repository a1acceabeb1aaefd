import type { APIRoute } from 'astro';
import { figureFile, liveFigurePaths, type FigureFileProps } from '../../queries/figures.ts';

export const getStaticPaths = liveFigurePaths;

/** Each plot as a PNG at twice its size, for slides and documents, with its credit above it. */
export const GET: APIRoute<FigureFileProps> = ({ props, site }) => figureFile(props, 'png', site, import.meta.env.BASE_URL);
