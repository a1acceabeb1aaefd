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
    error: (...args: unknown[]) => { throw new Error(`vega-lite: ${args.join(' ')}`); },
    warn: (...args: unknown[]) => { warnings.push(args.join(' ')); return logger; },
    info: () => logger,
    debug: () => logger,
  };
  const compiled = compile(spec, { logger: logger as never }).spec;
  if (warnings.length > 0) throw new Error(`vega-lite: ${warnings.join('; ')}`);
  const view = new View(parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
