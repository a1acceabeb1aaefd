/**
 * The built site in a real browser (Debian Chromium through playwright-core): what
 * readers see, with and without JavaScript, and what axe-core finds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import pLimit from 'p-limit';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SITE_DIR } from '../build/site.ts';
import { estimateInWords } from '../../src/lib/format/estimate.ts';
import type { OutcomeExport } from '../../src/lib/schema/exports.ts';
import { readJson } from '../json.ts';
import { useBrowserAndSite } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const orr = readJson<OutcomeExport>(join(SITE_DIR, 'data/outcomes/orr.json'));
// Overall response is pooled on the live site: its overall figure is there.
const orrResult = orr.result!;

function htmlPages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlPages(path);
    return name === 'index.html' ? [`/${relative(SITE_DIR, dir)}${dir === SITE_DIR ? '' : '/'}`] : [];
  });
}

const site = useBrowserAndSite();

async function open(
  path: string,
  options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await site.browser().newContext({ viewport: { width: 1100, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${path}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${path}: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${path}: HTTP ${response.status()} for ${response.url()}`);
  });
  await page.goto(`${site.url()}${path}`, { waitUntil: 'load' });
  return { page, errors };
}

describe('home page', () => {
  it('shows each headline by malignancy group, equal to the published analysis, with what it rests on', async () => {
    const { page } = await open('/');
    for (const stratum of orr.strata) {
      const figure = await page.locator(`[data-headline="orr"] [data-stratum="${stratum.group}"] .figure`).textContent();
      expect(figure).toBe(estimateInWords(stratum, 0));
    }
    expect(await page.locator('[data-headline="orr"] [data-rests-on]').textContent()).toContain(`${orrResult.patients} patients`);
    expect(await page.locator('[data-headline="orr"] [data-all-cancers]').textContent()).toContain('Caution');
    await page.context().close();
  });
});

describe('an outcome page', () => {
  it('shows a forest plot with one mark per study and the pooled diamond, rendered without JavaScript', async () => {
    const { page } = await open('/outcomes/orr/', { javaScriptEnabled: false });
    const forest = page.locator('[data-plot]').first();
    await expect.poll(() => forest.locator('.plot-wide g.mark-symbol path').count()).toBe(orrResult.k);
    // A diamond for each pooled malignancy group and one across all cancers; none for a group not pooled.
    const pooledStrata = orr.strata.filter((s) => s.basis === 'pooled').length;
    expect(await forest.locator('.plot-wide g.mark-area path').count()).toBe(pooledStrata + (orr.strata.length > 1 ? 1 : 0));
    expect(await page.locator('[data-studies-table] tbody tr').count()).toBe(orrResult.k);
    await page.context().close();
  });

  it('loads vega only from the "Interactive plot" button, keeps the plot, and shows a tooltip on hover', async () => {
    const { page, errors } = await open('/outcomes/orr/');
    const vegaRequests: string[] = [];
    page.on('request', (request) => {
      if (/vega|embed/i.test(request.url())) vegaRequests.push(request.url());
    });
    // Pointing at or touching a plot costs nothing.
    await page.locator('[data-plot]').first().hover();
    await page.waitForTimeout(500);
    expect(await page.locator('.plot-interactive').count()).toBe(0);
    expect(vegaRequests).toEqual([]);
    await page.locator('[data-plot] [data-plot-interactive]').first().click();
    const interactive = page.locator('.plot-interactive').first();
    await interactive.waitFor({ state: 'visible', timeout: 20_000 });
    const squares = interactive.locator('g.mark-symbol path');
    expect(await squares.count()).toBe(orrResult.k);
    await squares.first().hover({ force: true });
    const tooltip = page.locator('#vg-tooltip-element.visible');
    await tooltip.waitFor({ state: 'visible', timeout: 5_000 });
    expect(orr.studies.map((study) => study.study)).toContain((await tooltip.textContent())?.split(' (')[0]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the trials index', () => {
  it('filters by malignancy group and counts what it shows', async () => {
    const { page } = await open('/trials/');
    const rows = page.locator('#trials-table tbody tr');
    const total = await rows.count();
    await page.selectOption('select[name="group"]', 'solid');
    const visible = page.locator('#trials-table tbody tr:visible');
    const groups = await visible.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.group));
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.length).toBeLessThan(total);
    expect(new Set(groups)).toEqual(new Set(['solid']));
    expect(await page.locator('[data-filter-count]').textContent()).toBe(`${groups.length} of ${total} trials shown`);
    await page.context().close();
  });

  it('filters by disease code, showing exactly the trials whose file codes that disease', async () => {
    const { trials } = readJson<{ trials: { nct: string; population: { diseaseCodes: string[] } }[] }>(join(SITE_DIR, 'data/trials.json'));
    const { page } = await open('/trials/');
    const listed = await page.locator('#trials-table tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.nct));
    const expected = trials.filter((t) => listed.includes(t.nct) && t.population.diseaseCodes.includes('aml')).map((t) => t.nct);
    expect(expected.length).toBeGreaterThan(1);
    await page.selectOption('select[name="disease"]', 'aml');
    const shown = await page.locator('#trials-table tbody tr:visible').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.nct));
    expect(shown.sort()).toEqual(expected.sort());
    expect(await page.locator('select[name="disease"] option[value="aml"]').textContent()).toBe('Acute myeloid leukemia');
    await page.context().close();
  });

  it('sorts by enrollment when the column header is pressed', async () => {
    const { page } = await open('/trials/');
    await page.getByRole('button', { name: 'Enrollment' }).click();
    const values = await page
      .locator('#trials-table tbody td[data-value]')
      .evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.value)));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    await page.context().close();
  });

  it('is a complete plain table without JavaScript', async () => {
    const { page } = await open('/trials/', { javaScriptEnabled: false });
    expect(await page.locator('form.filters').isVisible()).toBe(false);
    const total = await page.locator('#trials-table tbody tr').count();
    expect(await page.locator('#trials-table tbody tr:visible').count()).toBe(total);
    await page.context().close();
  });
});

describe('search', () => {
  it('finds trials by target as the reader types, and says how many', async () => {
    const { page, errors } = await open('/search/');
    await page.fill('#search-input', 'HER2');
    const results = page.locator('[data-search-results] li');
    await results.first().waitFor();
    expect(await results.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('NCT03383978')]));
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/^\d+ trials? match(es)? “HER2”$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('every page', () => {
  const pages = htmlPages(SITE_DIR).sort();
  // Every page is opened once, with its own CSP in force, and read twice: what its console reported while it
  // loaded, then what axe finds (a script the test evaluates is not subject to the page's CSP). A few pages are
  // open at once, each in its own context: much of a visit is waiting for the network to fall quiet, so
  // three at a time keep both cores busy. About 4 s a page on a busy 2-core machine.
  const everyPageTimeout = Math.max(120_000, pages.length * 4_000);
  const eachPage = <T>(paths: string[], visit: (path: string) => Promise<T>): Promise<T[]> => {
    const limit = pLimit(3);
    return Promise.all(paths.map((path) => limit(() => visit(path))));
  };

  async function visit(path: string, viewport?: { width: number; height: number }): Promise<{ errors: string[]; violations: string[] }> {
    const { page, errors } = await open(path, { viewport });
    await page.waitForLoadState('networkidle');
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: (options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
      ).axe;
      return axe.run({ resultTypes: ['violations'] });
    });
    await page.context().close();
    const violations = result.violations.map(
      (v) =>
        `${path}: ${v.id} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
    return { errors, violations };
  }

  let everyVisit: Promise<{ errors: string[]; violations: string[] }[]> | undefined;
  const visitEveryPage = () => (everyVisit ??= eachPage(pages, (path) => visit(path)));

  it('finds the pages to check', () => {
    expect(pages).toContain('/');
    expect(pages).toContain('/outcomes/orr/');
    expect(pages.length).toBeGreaterThan(20);
  });

  it(
    'loads without console errors (including CSP violations)',
    async () => {
      expect((await visitEveryPage()).flatMap((v) => v.errors)).toEqual([]);
    },
    everyPageTimeout,
  );

  it(
    'has no axe-core violations',
    async () => {
      expect((await visitEveryPage()).flatMap((v) => v.violations)).toEqual([]);
    },
    everyPageTimeout,
  );

  it('has no axe-core violations on a phone-sized screen either', async () => {
    const sample = [
      '/',
      '/outcomes/orr/',
      '/trials/',
      '/trials/NCT03056339/',
      '/landscape/',
      '/methods/',
      pages.find((p) => p.startsWith('/versions/2')),
    ].filter((p): p is string => p !== undefined);
    const visits = await eachPage(sample, (path) => visit(path, { width: 390, height: 800 }));
    expect(visits.flatMap((v) => [...v.errors, ...v.violations])).toEqual([]);
  });

  it('fits every plot on a 390 px phone screen, with no plot text below 12 px', async () => {
    const problems: string[] = [];
    for (const path of ['/outcomes/orr/', '/outcomes/crs/', '/outcomes/cr/', '/landscape/']) {
      const { page } = await open(path, { viewport: { width: 390, height: 800 } });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
      problems.push(
        ...(
          await page.evaluate(() => {
            const found: string[] = [];
            for (const svg of document.querySelectorAll<SVGSVGElement>('[data-plot] svg')) {
              const box = svg.getBoundingClientRect();
              if (box.width === 0) continue; // the layout CSS hides on this screen
              if (box.right > document.documentElement.clientWidth + 0.5)
                found.push(`plot ${svg.closest('[data-plot]')?.getAttribute('data-plot')} is ${Math.round(box.right)} px wide`);
              const scale = box.width / (svg.width.baseVal.value || box.width);
              for (const text of svg.querySelectorAll('text')) {
                const size = parseFloat(getComputedStyle(text).fontSize) * scale;
                if (size < 11.95) found.push(`"${text.textContent}" at ${size.toFixed(1)} px`);
              }
            }
            return found;
          })
        ).map((problem) => `${path}: ${problem}`),
      );
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });

  it('reads without JavaScript: every plot is already an SVG', async () => {
    const { page } = await open('/landscape/', { javaScriptEnabled: false });
    const plots = page.locator('[data-plot]');
    const count = await plots.count();
    expect(count).toBeGreaterThan(0);
    expect(await page.locator('[data-plot] .plot-wide svg').count()).toBe(count);
    await page.context().close();
  });
});
