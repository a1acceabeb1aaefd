/**
 * A site built from the hostile trial files that are valid (tests/fixtures/trials/hostile/
 * csv-formula and html-in-fields): their payloads are published inert. Every CSV cell
 * is checked, here and in the real site, and each page is opened in a browser.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMULA_START } from '../../src/lib/format/csv.ts';
import { readPage, runBuild, SITE_DIR } from '../build/site.ts';
import { launchChromium } from './browser.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';

const HOSTILE = 'tests/fixtures/trials/hostile';
const TRIALS = resolve('tests/.out/hostile-site-trials');
const SITE = resolve('tests/.out/hostile-site');

function files(dir: string, extension: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, extension) : path.endsWith(extension) ? [path] : [];
  });
}

/** Every cell of every CSV download under `site` that a spreadsheet would run as a formula. */
function formulaCells(site: string): string[] {
  const csvs = files(site, '.csv');
  expect(csvs.length).toBeGreaterThan(0);
  return csvs.flatMap((path) =>
    parseCsv(readFileSync(path, 'utf8'))
      .flat()
      .filter((cell) => FORMULA_START.test(cell))
      .map((cell) => `${path}: ${cell}`),
  );
}

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  rmSync(TRIALS, { recursive: true, force: true });
  mkdirSync(TRIALS, { recursive: true });
  for (const attack of ['csv-formula', 'html-in-fields']) cpSync(join(HOSTILE, attack), TRIALS, { recursive: true });
  rmSync(SITE, { recursive: true, force: true });
  const result = runBuild({ CARNK_TRIALS_DIR: TRIALS, CARNK_OUT_DIR: SITE });
  if (result.status !== 0) throw new Error(`the hostile site did not build:\n${result.stderr}`);
  [browser, server] = await Promise.all([launchChromium(), serveStatic(SITE)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('CSV downloads', () => {
  it('hold no cell a spreadsheet would run as a formula, in the real site', () => {
    expect(formulaCells(SITE_DIR)).toEqual([]);
  });

  it('hold no such cell when trial files try to inject formulas, and keep the text readable', () => {
    expect(formulaCells(SITE)).toEqual([]);
    const trials = parseCsv<Record<string, string>>(readFileSync(join(SITE, 'data/trials.csv'), 'utf8'), { columns: true });
    const row = trials.find((t) => t.nct === 'NCT00000004');
    expect(row).toMatchObject({ title: `'=HYPERLINK("https://example.org/","click")`, sponsor: "'@SUM(1+1)", enrollment: '12' });
    const extracted = parseCsv<Record<string, string>>(readFileSync(join(SITE, 'data/extracted.csv'), 'utf8'), { columns: true });
    expect(extracted.find((r) => r.outcome === 'orr' && r.cohort === 'full')).toMatchObject({
      cohort_label: "'-2+3",
      source_location: "'=1+1",
      events: '6',
      n: '12',
    });
  });
});

describe('markup written in trial fields', () => {
  it('is published as text: no refresh, base, form or image element reaches the page', () => {
    const page = readPage('trials/NCT00000003/', SITE);
    expect(page.querySelectorAll('meta[http-equiv]').map((meta) => meta.getAttribute('http-equiv')?.toLowerCase())).toEqual([
      'content-security-policy',
    ]);
    expect(page.querySelectorAll('base, form, main img, main script')).toEqual([]);
    expect(page.querySelector('h1')?.text).toContain('<script>document.title=1</script>');
    expect(page.querySelector('.narrative')?.text).toContain('<base href="https://example.org/">');
  });

  it.each(['trials/NCT00000003/', 'trials/NCT00000004/', 'trials/', 'search/'])(
    '%s keeps its base URL, its links and its location in a browser',
    async (path) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const url = `${server.url}/${path}`;
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(500);
      expect(page.url()).toBe(url);
      const { baseURI, title, hrefs } = await page.evaluate(() => ({
        baseURI: document.baseURI,
        title: document.title,
        hrefs: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      }));
      expect(baseURI).toBe(url);
      expect(title).not.toBe('1');
      for (const href of hrefs) expect(href.startsWith(`${server.url}/`) || href.startsWith('https://')).toBe(true);
      await context.close();
    },
  );
});
