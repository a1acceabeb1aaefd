import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { creditOf, withCredit } from './figure-credit.ts';
import { barSpec } from './bar.ts';
import { renderPng, renderSvg } from './render.ts';
import { NARROW_WIDTH } from './forest.ts';

const forest = { title: 'Forest plot', outcome: 'Overall response', model: 'random effects (GLMM)' };
const url = 'https://example.org/versions/2026-11-29/';

describe('figure credit', () => {
  it('names the outcome, the model, the frozen version with its page, and the licence', () => {
    expect(creditOf(forest, { frozen: '2026-11-29' }, url)).toEqual({
      title: 'Overall response: forest plot',
      lines: [
        'Model: random effects (GLMM)',
        'CAR-NK Living Review, version 2026-11-29: https://example.org/versions/2026-11-29/',
        'Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Credit: CAR-NK Living Review contributors.',
      ],
    });
  });

  it('says when the live site was built, and leaves out what a figure is not about', () => {
    const credit = creditOf({ title: 'Phases' }, { live: '2026-12-06' }, 'https://example.org/');
    expect(credit.title).toBe('Phases');
    expect(credit.lines[0]).toBe('CAR-NK Living Review, live, built 2026-12-06: https://example.org/');
    expect(credit.lines).toHaveLength(2);
  });

  it('puts the credit above the drawing in one SVG, wrapped to its width, and rasterises it', async () => {
    const drawing = await renderSvg(barSpec([{ label: 'Phase 1', value: 21 }], { axisTitle: 'Trials', description: 'Phases' }));
    const svg = withCredit(drawing, creditOf(forest, { frozen: '2026-11-29' }, url));
    const root = parse(svg).querySelector('svg')!;
    const width = Number(root.getAttribute('width'));
    expect(width).toBeGreaterThanOrEqual(NARROW_WIDTH);
    const lines = root.querySelectorAll(':scope > g > text').map((text) => text.text);
    expect(lines[0]).toBe('Overall response: forest plot');
    // Every word of the credit is printed once, in order, whatever the wrapping.
    expect(lines.join(' ')).toBe(
      'Overall response: forest plot Model: random effects (GLMM) CAR-NK Living Review, version 2026-11-29: https://example.org/versions/2026-11-29/ Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Credit: CAR-NK Living Review contributors.',
    );
    // The drawing follows, moved down under the credit, and the whole is as tall as both.
    const moved = root.querySelector(':scope > g[transform]')!;
    const top = Number(/translate\(0,(\d+)\)/.exec(moved.getAttribute('transform')!)![1]);
    expect(top).toBeGreaterThan(lines.length * 12);
    expect(Number(root.getAttribute('height'))).toBe(top + Number(parse(drawing).querySelector('svg')!.getAttribute('height')));
    expect(Buffer.from(renderPng(svg)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('escapes text and refuses what is not a drawing', () => {
    const svg = withCredit('<svg width="10" height="10"></svg>', { title: 'A < B & C', lines: [] });
    expect(svg).toContain('A &lt; B &amp; C');
    expect(() => withCredit('<p>no</p>', { title: 'x', lines: [] })).toThrow('figure credit: the drawing is not an SVG with a width and a height');
  });
});
