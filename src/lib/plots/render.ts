import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { useTextWidthTable } from './vega-setup.ts';

useTextWidthTable();

/**
 * Render a Vega-Lite spec to an SVG string, without a browser or canvas, so every
 * plot reads and prints without JavaScript. Throws on any Vega-Lite warning: a
 * warning means the spec is not what we meant.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...args: unknown[]) => {
      throw new Error(`vega-lite: ${args.join(' ')}`);
    },
    warn: (...args: unknown[]) => {
      warnings.push(args.join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  const compiled = compile(spec, { logger }).spec;
  if (warnings.length > 0) throw new Error(`vega-lite: ${warnings.join('; ')}`);
  const view = new View(parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Pixels per SVG unit in the PNG download: sharp on a laptop screen and in a slide. */
const PNG_SCALE = 2;

/**
 * Rasterise a rendered plot for the PNG download. Vega's own PNG path needs the native
 * `canvas` package; resvg ships its prebuilt renderer inside npm packages and reads the
 * system's Liberation Sans, the font the plots are measured with.
 */
export function renderPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    background: 'white',
  });
  return resvg.render().asPng();
}
