/**
 * The credit a downloaded figure carries in the image itself, so a copy pasted into a slide or
 * a paper still says what it shows, from which model, which version of the review and under
 * which licence. Pages show the plain drawing: their own text says all this around it.
 */
import { ATTRIBUTION, DATA_LICENCE } from '../licence/licences.ts';
import type { PlotFigure } from './data-table.ts';
import { FONT_SIZE, NARROW_WIDTH, wrapText } from './forest.ts';
import { PLOT_FONT, textWidth } from './text-width.ts';

/** Which version a figure belongs to: a frozen version's date, or the build date of the live site. */
export type FigureEdition = { frozen: string } | { live: string };

export interface FigureCredit {
  title: string;
  /** Model, version and licence, one statement a line. */
  lines: string[];
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * What a downloaded figure says about itself. `url` is the page of the version it belongs to.
 * @example creditOf({ title: 'Forest plot', outcome: 'Overall response', model: 'random effects (GLMM)', ... }, { frozen: '2026-11-29' }, url).title
 * // 'Overall response: forest plot'
 */
export function creditOf(figure: Pick<PlotFigure, 'title' | 'outcome' | 'model'>, edition: FigureEdition, url: string): FigureCredit {
  const version = 'frozen' in edition ? `version ${edition.frozen}` : `live, built ${edition.live}`;
  return {
    title: figure.outcome ? `${figure.outcome}: ${lowerFirst(figure.title)}` : figure.title,
    lines: [
      ...(figure.model ? [`Model: ${figure.model}`] : []),
      `CAR-NK Living Review, ${version}: ${url}`,
      `Licence: ${DATA_LICENCE.spdx.replaceAll('-', ' ')} (${DATA_LICENCE.url}). Credit: ${ATTRIBUTION}.`,
    ],
  };
}

const MARGIN = 8;
const LINE_HEIGHT = 16;
// wrapText measures regular weight; the bold title runs up to a tenth wider.
const BOLD_WIDTH = 0.9;

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function svgSize(svg: string): { width: number; height: number } {
  const open = /^<svg\b[^>]*>/.exec(svg)?.[0];
  const width = Number(/\swidth="([\d.]+)"/.exec(open ?? '')?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(open ?? '')?.[1]);
  if (!open || !(width > 0) || !(height > 0)) throw new Error('figure credit: the drawing is not an SVG with a width and a height');
  return { width, height };
}

/**
 * The rendered drawing with its credit above it, as one SVG: the credit's lines wrapped to the
 * drawing's width (at least a phone's), the drawing moved down under them.
 */
export function withCredit(svg: string, credit: FigureCredit): string {
  const drawing = svgSize(svg);
  // Wide enough for the longest word (the version's address), which no wrapping can break.
  const longestWord = Math.max(...credit.lines.flatMap((line) => line.split(' ')).map((word) => textWidth(word, FONT_SIZE)));
  const width = Math.ceil(Math.max(drawing.width, NARROW_WIDTH, longestWord + 2 * MARGIN));
  const lineWidth = width - 2 * MARGIN;
  const rows = [
    ...wrapText(credit.title, lineWidth * BOLD_WIDTH).map((text) => ({ text, bold: true })),
    ...credit.lines.flatMap((line) => wrapText(line, lineWidth)).map((text) => ({ text, bold: false })),
  ];
  const top = MARGIN + rows.length * LINE_HEIGHT + MARGIN;
  const height = top + drawing.height;
  const text = rows
    .map(
      ({ text: line, bold }, i) =>
        `<text x="${MARGIN}" y="${MARGIN + (i + 1) * LINE_HEIGHT - 4}"${bold ? ' font-weight="bold" fill="#1b1f24"' : ' fill="#4b5563"'}>${escapeXml(line)}</text>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<g font-family="${escapeXml(PLOT_FONT)}" font-size="${FONT_SIZE}">${text}</g>`,
    `<g transform="translate(0,${top})">${svg}</g>`,
    '</svg>',
  ].join('');
}
