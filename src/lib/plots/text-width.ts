/**
 * Text width in pixels for the plot font, from Helvetica/Arial advance widths
 * (Adobe AFM, 1/1000 em; Arial and Liberation Sans share them).
 *
 * Vega measures text with a canvas; at build time there is none, and its fallback
 * (0.8 em a character) makes label gutters far too wide. Plots pin their font to
 * PLOT_FONT so that these widths hold in the browser too.
 */
export const PLOT_FONT = 'Arial, "Liberation Sans", Helvetica, sans-serif';

// Printable ASCII from space (32) to tilde (126).
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584,
  584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667,
  611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500,
  722, 500, 500, 500, 334, 260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584,
  584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667,
  611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556,
  778, 556, 556, 500, 389, 280, 389, 584,
];
// Characters outside ASCII that plots use; anything else is taken as a digit's width.
const EXTRA: Record<string, number> = {
  '\u2013': 556,
  '\u2014': 1000,
  '\u2265': 549,
  '\u2264': 549,
  '\u00b2': 333,
  '\u00b7': 278,
  '\u00a0': 278,
  '\u2009': 167,
  '\u03c4': 430,
  '\u2026': 1000,
};

/**
 * Widest a text label in a figure may be, in pixels (about 150 characters; the longest real
 * study label is 830 px). A longer label ends in an ellipsis, so no figure grows with one
 * long word; the full text stays in the figure's tooltip and its data table.
 */
export const MAX_LABEL_WIDTH = 900;

export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    units += code >= 32 && code <= 126 ? (table[code - 32] ?? 556) : (EXTRA[char] ?? 556);
  }
  return (units * fontSize) / 1000;
}

/** `text` cut to at most `width` pixels, ending in an ellipsis where it was cut. */
export function truncateText(text: string, width: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= width) return text;
  const room = width - textWidth('\u2026', fontSize, bold);
  let kept = '';
  let used = 0;
  for (const char of text) {
    used += textWidth(char, fontSize, bold);
    if (used > room) break;
    kept += char;
  }
  return `${kept.trimEnd()}\u2026`;
}
