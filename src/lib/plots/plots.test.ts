import { describe, expect, it } from 'vitest';
import { barSpec, barTable } from './bar.ts';
import { forestSpec, forestTable, type ForestRow } from './forest.ts';
import { funnelSpec } from './funnel.ts';
import { renderSvg } from './render.ts';
import { textWidth } from './text-width.ts';

const rows: ForestRow[] = [
  { kind: 'header', label: 'Hematologic' },
  { kind: 'study', label: 'Alpha 2020', estimate: 0.5, lower: 0.3, upper: 0.7, weight: 60, count: '10/20', interval: '50.0 [30.0–70.0]', weightText: '60.0 %' },
  { kind: 'study', label: 'Beta 2022', estimate: 0.25, lower: 0.05, upper: 0.57, weight: 40, count: '3/12', interval: '25.0 [5.5–57.2]', weightText: '40.0 %' },
  { kind: 'summary', label: 'Random effects (k = 2)', estimate: 0.4, lower: 0.25, upper: 0.57, interval: '40.0 [25.0–57.0]' },
  { kind: 'prediction', label: '95% prediction interval', estimate: 0.4, lower: 0.1, upper: 0.8, interval: '[10.0–80.0]' },
];
const options = { axisTitle: 'Response', reference: 0.4, countTitle: 'Events/n', description: 'Test forest' };

describe('text width table', () => {
  it('sums Helvetica advance widths: "Hello" at 10 px is (722 + 556 + 222 + 222 + 556) / 100', () => {
    expect(textWidth('Hello', 10)).toBeCloseTo(22.78, 10);
  });

  it('is wider in bold', () => {
    expect(textWidth('Hello', 10, true)).toBeGreaterThan(textWidth('Hello', 10));
  });
});

describe('forest plot', () => {
  it('matches its golden spec', async () => {
    await expect(JSON.stringify(forestSpec(rows, options), null, 2)).toMatchFileSnapshot('__golden__/forest.vl.json');
  });

  it('compiles without warnings and draws one square per study and one diamond', async () => {
    const svg = await renderSvg(forestSpec(rows, options));
    const symbols = svg.match(/<g class="mark-symbol[^"]*"[^>]*>(.*?)<\/g>/s)?.[1] ?? '';
    expect(symbols.match(/<path/g)?.length).toBe(2);
    const areas = svg.match(/<g class="mark-area[^"]*"[^>]*>(.*?)<\/g>/s)?.[1] ?? '';
    expect(areas.match(/<path/g)?.length).toBe(1);
    expect(svg).toContain('Alpha 2020');
  });

  it('lists its numbers row by row', () => {
    expect(forestTable(rows, 'Events/n')).toEqual({
      columns: ['Row', 'Events/n', 'Estimate [95% CI], %', 'Weight'],
      rows: [
        ['Hematologic', '', '', ''],
        ['Alpha 2020', '10/20', '50.0 [30.0–70.0]', '60.0 %'],
        ['Beta 2022', '3/12', '25.0 [5.5–57.2]', '40.0 %'],
        ['Random effects (k = 2)', '', '40.0 [25.0–57.0]', ''],
        ['95% prediction interval', '', '[10.0–80.0]', ''],
      ],
    });
  });
});

describe('funnel and bar charts', () => {
  it('compile without warnings', async () => {
    const funnel = funnelSpec([{ label: 'A', yi: 0.1, sei: 0.3 }, { label: 'B', yi: -0.4, sei: 0.6 }], {
      pooled: 0, limits: [{ sei: 0, lower: 0, upper: 0 }, { sei: 0.6, lower: -1.18, upper: 1.18 }], axisTitle: 'Logit', description: 'Funnel',
    });
    await expect(renderSvg(funnel)).resolves.toContain('<svg');
    await expect(renderSvg(barSpec([{ label: 'CD19', value: 3 }], { axisTitle: 'Trials', description: 'Bars' }))).resolves.toContain('CD19');
  });

  it('orders bars largest first, ties by label', () => {
    expect(barTable([{ label: 'b', value: 1 }, { label: 'a', value: 1 }, { label: 'c', value: 5 }], 'Target', 'Trials').rows).toEqual([
      ['c', '5'], ['a', '1'], ['b', '1'],
    ]);
  });
});
