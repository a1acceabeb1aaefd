/**
 * On a 390 px phone the outcome and trial pages, their study tables and the opened re-analysis
 * panel fit the screen: nothing wider than the viewport, so nothing needs horizontal scrolling.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from './browser.ts';

const PHONE = { width: 390, height: 844 };
const site = useBrowserAndSite();

async function phonePage(path: string): Promise<Page> {
  const context = await site.browser().newContext({ viewport: PHONE, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${site.url()}/${path}`);
  return page;
}

/** The page's own width, and every table or panel whose right edge leaves the screen (with its scroll width). */
function overflow(page: Page) {
  return page.evaluate((width) => {
    const tooWide = [...document.querySelectorAll<HTMLElement>('table, [data-reanalysis], .table-wrap')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5 || element.scrollWidth > element.clientWidth + 1)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}${element.dataset.reanalysis !== undefined ? '[data-reanalysis]' : ''} ${element.scrollWidth}px`,
      );
    return { page: document.documentElement.scrollWidth, tooWide };
  }, PHONE.width);
}

describe('a 390 px phone', () => {
  it.each(['outcomes/orr/', 'outcomes/crs/', 'trials/NCT03056339/', 'trials/NCT03383978/', 'outcomes/pfs/'])(
    '%s fits without horizontal scrolling',
    async (path) => {
      const page = await phonePage(path);
      expect(await overflow(page)).toEqual({ page: PHONE.width, tooWide: [] });
      await page.context().close();
    },
  );

  it.each(['outcomes/orr/?model=REML', 'outcomes/orr/?model=GLMM&hakn=1', 'outcomes/orr/?model=BAYES&tauPrior=1&threshold=0.3'])(
    'fits the re-analysis panel that %s opens',
    async (path) => {
      // A shared address with choices opens the panel by itself.
      const page = await phonePage(path);
      await page.locator('[data-reanalysis-estimate][data-value]').waitFor({ timeout: 20_000 });
      // The Bayesian answer draws no forest plot; it adds its own facts (probability above the threshold, the prior).
      if (path.includes('model=BAYES')) await page.locator('[data-reanalysis-bayes]').waitFor({ timeout: 20_000 });
      else await page.locator('[data-reanalysis-plot="ready"]').waitFor({ timeout: 20_000 });
      expect(await overflow(page)).toEqual({ page: PHONE.width, tooWide: [] });
      await page.context().close();
    },
  );
});
