import { describe, expect, it } from 'vitest';
import { barSpec, barTable } from './bar.ts';
import { axisDomain, FONT_SIZE, forestSpec, forestTable, NARROW_WIDTH, type ForestRow } from './forest.ts';
import { funnelSpec } from './funnel-plot.ts';
import { renderSvg } from './render.ts';
import { MAX_LABEL_WIDTH, textWidth, truncateText } from './text-width.ts';

const rows: ForestRow[] = [
  { kind: 'header', label: 'Hematologic' },
  {
    kind: 'study',
    label: 'Alpha 2020',
    estimate: 0.5,
    lower: 0.3,
    upper: 0.7,
    weight: 60,
    count: '10/20',
    interval: '50.0 [30.0–70.0]',
    weightText: '60.0 %',
  },
  {
    kind: 'study',
    label: 'Beta 2022',
    estimate: 0.25,
    lower: 0.05,
    upper: 0.57,
    weight: 40,
    count: '3/12',
    interval: '25.0 [5.5–57.2]',
    weightText: '40.0 %',
  },
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
    expect(forestTable(rows, { countTitle: 'Events/n' })).toEqual({
      columns: ['Study', 'Events/n', 'Proportion, % [95% CI]', 'Weight'],
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

describe('forest plot conventions', () => {
  it('scales the percent axis to the data in steps of 5 (below 20 %) or 10 points', () => {
    expect(axisDomain(rows)).toEqual([0, 0.8]);
    expect(axisDomain([{ kind: 'study', label: 'A', estimate: 0, lower: 0, upper: 0.095 }])).toEqual([0, 0.1]);
    expect(axisDomain([{ kind: 'study', label: 'A', estimate: 0, lower: 0, upper: 0.336 }])).toEqual([0, 0.4]);
  });

  it('prints a footer under the plot, wrapped to the plot width', () => {
    const spec = forestSpec(rows, { ...options, footer: ['Heterogeneity (DL): τ² = 0.1', 'x '.repeat(200).trim()] }, 'narrow') as {
      title: { text: string[]; orient: string };
    };
    expect(spec.title.orient).toBe('bottom');
    expect(spec.title.text[0]).toBe('Heterogeneity (DL): τ² = 0.1');
    expect(spec.title.text.length).toBeGreaterThan(2);
    for (const line of spec.title.text) expect(textWidth(line, FONT_SIZE)).toBeLessThanOrEqual(NARROW_WIDTH);
  });

  it('draws the narrow variant within the phone width, with every number under its label and no text below 12 px', async () => {
    const svg = await renderSvg(forestSpec(rows, options, 'narrow'));
    const width = Number(svg.match(/<svg[^>]* width="([\d.]+)"/)?.[1]);
    // A 390 px phone less the page's 1rem margins.
    expect(width).toBeLessThanOrEqual(390 - 32);
    expect(svg).toContain('10/20  50.0 [30.0–70.0]');
    const sizes = [...svg.matchAll(/font-size="?([\d.]+)px/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
  });
});

describe('forest plot evidence tiers', () => {
  const tiered: ForestRow[] = rows.map((row, i) =>
    row.kind !== 'study'
      ? row
      : i === 1
        ? { ...row, evidence: 'Peer-reviewed article', evidenceShort: 'article' }
        : { ...row, evidence: 'not recorded', evidenceShort: 'not recorded' },
  );

  it("gives each study row's tier a column of its own, headed Evidence", async () => {
    expect(forestTable(tiered, { countTitle: 'Events/n' }).columns).toEqual(['Study', 'Evidence', 'Events/n', 'Proportion, % [95% CI]', 'Weight']);
    expect(forestTable(tiered).rows.map((row) => row[1])).toEqual(['', 'Peer-reviewed article', 'not recorded', '', '']);
    const svg = await renderSvg(forestSpec(tiered, options));
    expect(svg).toContain('Evidence');
    expect(svg).toContain('Peer-reviewed article');
  });

  it('writes the tier in a word under each label on a phone, within the phone width', async () => {
    const svg = await renderSvg(forestSpec(tiered, options, 'narrow'));
    expect(svg).toContain('10/20  50.0 [30.0–70.0]  article');
    expect(svg).not.toContain('Peer-reviewed article');
    expect(Number(svg.match(/<svg[^>]* width="([\d.]+)"/)?.[1])).toBeLessThanOrEqual(390 - 32);
  });
});

describe('long labels', () => {
  // One 20,000-character word in a citation once drew a forest plot 454,980 px wide.
  const word = `Author${'x'.repeat(20_000)} 2024`;
  const svgWidth = (svg: string) => Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1]);

  it('are cut to the label width with an ellipsis, and left whole when they fit', () => {
    const cut = truncateText(word, MAX_LABEL_WIDTH, FONT_SIZE, true);
    expect(cut.endsWith('\u2026')).toBe(true);
    expect(textWidth(cut, FONT_SIZE, true)).toBeLessThanOrEqual(MAX_LABEL_WIDTH);
    expect(textWidth(cut, FONT_SIZE, true)).toBeGreaterThan(MAX_LABEL_WIDTH - 20);
    expect(truncateText('Alpha 2020', MAX_LABEL_WIDTH, FONT_SIZE, true)).toBe('Alpha 2020');
  });

  it('keep a forest plot within the label width, the full text in its tooltip and table', async () => {
    const long: ForestRow[] = [...rows, { ...rows[1]!, label: word, population: word, tooltip: `${word}: 10/20` }];
    const spec = forestSpec(long, options);
    const svg = await renderSvg(spec);
    const short = svgWidth(await renderSvg(forestSpec(rows, options)));
    expect(svgWidth(svg)).toBeLessThanOrEqual(short + 2 * MAX_LABEL_WIDTH);
    const drawnTexts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    expect(drawnTexts.some((t) => t?.includes(word))).toBe(false);
    const drawn = (spec.data as { values: { label: string; tooltip?: string }[] }).values.at(-1)!;
    expect(drawn.label.endsWith('\u2026')).toBe(true);
    expect(drawn.tooltip).toBe(`${word}: 10/20`);
    expect(forestTable(long).rows.at(-1)?.[0]).toBe(word);
  });

  it('keep a bar chart within the label width, the full text in its table', async () => {
    const bars = [
      { label: word, value: 2 },
      { label: 'CD19', value: 1 },
    ];
    const svg = await renderSvg(barSpec(bars, { axisTitle: 'Trials', description: 'Test' }));
    expect(svgWidth(svg)).toBeLessThanOrEqual(MAX_LABEL_WIDTH + NARROW_WIDTH);
    expect(svg).toContain('\u2026');
    expect(barTable(bars, 'Target', 'Trials').rows[0]?.[0]).toBe(word);
  });
});

describe('funnel and bar charts', () => {
  it('compile without warnings', async () => {
    const funnel = funnelSpec(
      [
        { label: 'A', yi: 0.1, sei: 0.3 },
        { label: 'B', yi: -0.4, sei: 0.6 },
      ],
      {
        pooled: 0,
        limits: [
          { sei: 0, lower: 0, upper: 0 },
          { sei: 0.6, lower: -1.18, upper: 1.18 },
        ],
        axisTitle: 'Logit',
        description: 'Funnel',
      },
    );
    await expect(renderSvg(funnel)).resolves.toContain('<svg');
    await expect(renderSvg(barSpec([{ label: 'CD19', value: 3 }], { axisTitle: 'Trials', description: 'Bars' }))).resolves.toContain('CD19');
  });

  it('orders bars largest first, ties by label', () => {
    expect(
      barTable(
        [
          { label: 'b', value: 1 },
          { label: 'a', value: 1 },
          { label: 'c', value: 5 },
        ],
        'Target',
        'Trials',
      ).rows,
    ).toEqual([
      ['c', '5'],
      ['a', '1'],
      ['b', '1'],
    ]);
  });
});
