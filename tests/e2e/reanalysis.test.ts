/**
 * Re-analysis in the reader's browser: a shared URL recomputes what `npm run pool` computes
 * for the same studies, the panel's code loads only when it is opened, and it stays within
 * its budget.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PoolContract } from '../../scripts/pool.ts';
import { SITE_DIR } from '../build/site.ts';
import { parseJson } from '../json.ts';
import { useBrowserAndSite } from './browser.ts';

/** Pooling and controls, gzip, loaded when the panel opens (the plot's Vega bundle is the site's existing one). */
const BUDGET_GZIP = 30 * 1024;
/** What every outcome page pays for the panel before it is opened: the loader. */
const LOADER_BUDGET_GZIP = 1024;
/**
 * The binomial-normal model is fitted by an optimiser (Brent's method on the profile
 * likelihood): Chromium's and Node's Math functions may differ in the last bit, which moves
 * the optimum, and on a flat likelihood its standard error more (seen: 4e-6 relative on a
 * CI bound). Browser and Node must agree within 1e-5 relative, ten times tighter than the
 * 1e-4 held against metafor. The closed-form inverse-variance models agree to 1e-12.
 */
const RELATIVE = { GLMM: 1e-5, closedForm: 1e-12 };
/**
 * The Bayesian model is deterministic quadrature with no optimiser to amplify differences: the
 * browser and Node can differ only by last-bit Math differences carried through the root
 * finding of each quantile. 1e-6 absolute, a thousand times tighter than its 1e-3 against R.
 */
const BAYES_ABSOLUTE = 1e-6;

function expectClose(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(relative * Math.abs(expected) + 1e-15);
}

interface Study {
  id: string;
  study: string;
  events: number;
  n: number;
  riskOfBias: string | null;
}
const outcome = (slug: string) =>
  JSON.parse(readFileSync(join(SITE_DIR, `data/outcomes/${slug}.json`), 'utf8')) as {
    studies: Study[];
    sponsorReports: Study[];
    result: { k: number; pooled: { proportion: number; ci: number[] } };
  };
/** Every evidence tier: the primary ones, sponsor reports and secondary reports. */
const ALL_TIERS = 'tiers=article,conference-abstract,letter,registry-results,preprint,sponsor-report,secondary-report';
/** The tiers that only the sensitivity analysis adds. */
const SENSITIVITY_TIERS = ['sponsor-report', 'secondary-report'];

const site = useBrowserAndSite();

async function open(path: string, javaScriptEnabled = true): Promise<{ page: Page; errors: string[]; scripts: string[] }> {
  const context = await site.browser().newContext({ viewport: { width: 1100, height: 900 }, javaScriptEnabled });
  const page = await context.newPage();
  const errors: string[] = [];
  const scripts: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} for ${response.url()}`);
    if (response.url().endsWith('.js')) scripts.push(new URL(response.url()).pathname);
  });
  await page.goto(`${site.url()}${path}`, { waitUntil: 'load' });
  return { page, errors, scripts };
}

/** The CLI on the same studies and settings: `npm run --silent pool -- --csv FILE ...`. */
function cli(studies: Study[], args: string[]): PoolContract {
  const dir = join('tests/.out', 'reanalysis');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `studies-${process.pid}.csv`);
  writeFileSync(file, `study,events,total\n${studies.map((s) => `"${s.study}",${s.events},${s.n}`).join('\n')}\n`);
  return cliOnFile(file, args);
}

/** The CLI on a CSV as it stands, such as an outcome's own download. */
function cliOnFile(file: string, args: string[]): PoolContract {
  const run = spawnSync('npm', ['run', '--silent', 'pool', '--', '--csv', file, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pool failed: ${run.stderr}`);
  return parseJson<PoolContract>(run.stdout);
}

async function estimate(page: Page): Promise<{ value: number; ci: number[]; pi: number[]; basis: string; label: string | null }> {
  const element = page.locator('[data-reanalysis-estimate][data-value]');
  await element.waitFor({ timeout: 20_000 });
  const attribute = async (name: string) => (await element.getAttribute(name)) ?? '';
  return {
    value: Number(await attribute('data-value')),
    ci: (await attribute('data-ci')).split(',').map(Number),
    pi: (await attribute('data-pi')).split(',').filter(Boolean).map(Number),
    basis: await attribute('data-basis'),
    label: await page.locator('[data-reanalysis-label]').getAttribute('data-reanalysis-label'),
  };
}

const gzipSize = (path: string) => gzipSync(readFileSync(join(SITE_DIR, path))).length;

describe('a shared re-analysis URL reproduces the CLI', () => {
  const orr = outcome('orr');
  const cr = outcome('cr');
  const primary = (slug: string) => outcome(slug).studies;
  // Only overall response has events in more than one study today; the other outcomes follow the rules (below).
  const cases = [
    { slug: 'orr', query: '?model=REML', studies: primary('orr'), args: ['--method', 'REML'] },
    {
      slug: 'orr',
      query: `?exclude=${encodeURIComponent(orr.studies[0]!.id)}&model=PM&hakn=1`,
      studies: orr.studies.slice(1),
      args: ['--method', 'PM', '--hakn'],
    },
    { slug: 'orr', query: '?measure=PFT&model=DL', studies: primary('orr'), args: ['--measure', 'PFT', '--method', 'DL'] },
    { slug: 'orr', query: '?measure=PAS&model=REML&hakn=1', studies: primary('orr'), args: ['--measure', 'PAS', '--method', 'REML', '--hakn'] },
    { slug: 'orr', query: '?model=GLMM&hakn=1', studies: primary('orr'), args: ['--method', 'GLMM', '--hakn'] },
    // Evidence tiers: sponsor reports added to the primary studies, under the primary model (GLMM) and another.
    { slug: 'orr', query: `?${ALL_TIERS}`, studies: [...orr.studies, ...orr.sponsorReports], args: ['--method', 'GLMM'] },
    { slug: 'cr', query: `?${ALL_TIERS}&model=REML`, studies: [...cr.studies, ...cr.sponsorReports], args: ['--method', 'REML'] },
    // Risk of bias: most sponsor and secondary reports' trials have no judgement ("none"); an included trial's has one.
    {
      slug: 'cr',
      query: `?${ALL_TIERS}&rob=none&model=DL`,
      studies: cr.sponsorReports.filter((s) => s.riskOfBias === null),
      args: ['--method', 'DL'],
    },
    {
      slug: 'orr',
      query: `?${ALL_TIERS}&rob=low,unclear,high&model=PM`,
      studies: [...orr.studies, ...orr.sponsorReports].filter((s) => s.riskOfBias !== null),
      args: ['--method', 'PM'],
    },
  ];

  it('has sponsor reports and risk-of-bias judgements to filter', () => {
    expect(orr.sponsorReports.length).toBeGreaterThan(0);
    expect(cr.sponsorReports.length).toBeGreaterThan(1);
    expect(orr.studies.every((s) => s.riskOfBias !== null)).toBe(true);
    expect(orr.sponsorReports.every((s) => s.riskOfBias === null)).toBe(true);
  });

  it.each(cases)('/outcomes/$slug/$query', async ({ slug, query, studies, args }) => {
    const { page, errors } = await open(`/outcomes/${slug}/${query}`);
    const shown = await estimate(page);
    const expected = cli(studies, args);
    expect(shown.basis).toBe('pooled');
    const relative = args.includes('GLMM') ? RELATIVE.GLMM : RELATIVE.closedForm;
    expectClose(shown.value, expected.pooled.proportion, relative);
    shown.ci.forEach((v, i) => expectClose(v, expected.pooled.ci[i]!, relative));
    // The review's prediction interval: Higgins–Thompson–Spiegelhalter, t on k − 2 df, only from k = 3.
    expect(shown.pi.length > 0).toBe(expected.pooled.pi_hts !== null);
    shown.pi.forEach((v, i) => expectClose(v, expected.pooled.pi_hts![i]!, relative));
    expect(shown.label).toBe('differs');
    expect(await page.locator('[data-reanalysis-label] a[href$="#pooled"]').getAttribute('href')).toBe(`/outcomes/${slug}/#pooled`);
    // The recomputed forest plot: one square per study pooled (Vega under the strict CSP, no eval).
    const plot = page.locator('[data-reanalysis-plot="ready"]');
    await plot.waitFor({ timeout: 30_000 });
    expect(await plot.locator('g.mark-symbol path').count()).toBe(studies.length);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('a shared Bayesian re-analysis URL reproduces the CLI', () => {
  it('/outcomes/orr/?model=BAYES&tauPrior=1&threshold=0.3', async () => {
    const query = '?model=BAYES&tauPrior=1&threshold=0.3';
    const { page, errors } = await open(`/outcomes/orr/${query}`);
    const shown = await estimate(page);
    // The outcome's own CSV download: its primary studies, as a reader would pool them.
    const expected = cliOnFile(join(SITE_DIR, 'data/outcomes/orr.csv'), ['--method', 'BAYES', '--tau-prior', '1', '--threshold', '0.3']).bayes!;
    expect(await page.locator('[data-reanalysis-estimate]').textContent()).toContain(`${outcome('orr').studies.length} studies`);
    expect([shown.basis, shown.label]).toEqual(['bayes', 'differs']);
    const close = (actual: number, wanted: number) => expect(Math.abs(actual - wanted), `${actual} vs ${wanted}`).toBeLessThanOrEqual(BAYES_ABSOLUTE);
    close(shown.value, expected.proportion.median);
    shown.ci.forEach((v, i) => close(v, expected.proportion.cri[i]!));
    shown.pi.forEach((v, i) => close(v, expected.predictive.cri[i]!));
    expect(shown.pi).toHaveLength(2);
    close(Number(await page.locator('[data-reanalysis-estimate]').getAttribute('data-p-above')), expected.pAbove!);
    close(Number(await page.locator('[data-reanalysis-bayes]').getAttribute('data-tau')), expected.tau.median);
    // What the reader reads: the probability above 30 %, the prior, and the prior's part when it decides.
    const facts = await page.locator('[data-reanalysis-bayes]').textContent();
    expect(facts).toContain(`Above 30.0 %${expected.pAbove!.toFixed(3)}: probability that the pooled rate is above 30.0 %`);
    expect(facts).toContain('τ ~ Half-Normal(1)');
    const reasons = await page.locator('[data-reanalysis-prior-driven] + ul li').allTextContents();
    expect(reasons).toEqual(expected.priorDriven);
    expect(new URL(page.url()).search).toBe(query);
    expect(await page.locator('select[name="tauPrior"]').inputValue()).toBe('1');
    expect(await page.locator('input[name="threshold"]').inputValue()).toBe('0.3');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('names a threshold that is not a rate without repeating it, and drops the prior under another model', async () => {
    const { page, errors } = await open('/outcomes/orr/?model=BAYES&threshold=%3Cb%3E7%3C%2Fb%3E');
    await expect
      .poll(() => page.locator('[data-reanalysis-address]').textContent())
      .toBe("Not understood in the address: left at the review's setting: threshold.");
    expect(await page.locator('[data-reanalysis-output]').textContent()).not.toContain('<b>');
    expect(await page.locator('[data-reanalysis-estimate]').getAttribute('data-p-above')).toBe('');
    await page.selectOption('select[name="model"]', 'REML');
    await expect.poll(() => new URL(page.url()).search).toBe('?model=REML');
    expect(await page.locator('input[name="threshold"]').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('a re-analysis follows the review rules', () => {
  it('pools nothing from studies without an event, whatever model the URL asks for', async () => {
    const crs = outcome('crs');
    const { page, errors } = await open('/outcomes/crs/?measure=PFT&model=DL');
    const shown = await estimate(page);
    expect([shown.basis, shown.value, shown.pi]).toEqual(['no-events', 0, []]);
    const patients = crs.studies.reduce((sum, s) => sum + s.n, 0);
    expect(await page.locator('[data-reanalysis-estimate]').textContent()).toContain(`0 of ${patients}`);
    expect(await page.locator('[data-reanalysis-plot]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the re-analysis panel', () => {
  it('opens on the primary analysis, and follows the controls into the URL', async () => {
    const orr = outcome('orr');
    const { page, errors } = await open('/outcomes/orr/');
    await page.locator('details[data-reanalysis] summary').click();
    const primary = await estimate(page);
    expect(primary.label).toBe('primary');
    // The primary model is the binomial-normal one (GLMM).
    expectClose(primary.value, orr.result.pooled.proportion, RELATIVE.GLMM);

    await page.locator(`input[name="include"][value="${orr.studies[2]!.id}"]`).uncheck();
    await page.selectOption('select[name="model"]', 'REML');
    await expect.poll(() => new URL(page.url()).search).toBe(`?exclude=${encodeURIComponent(orr.studies[2]!.id)}&model=REML`);
    const changed = await estimate(page);
    expect(changed.label).toBe('differs');
    // The link to share lands on the panel.
    expect(await page.locator('[data-reanalysis-link]').getAttribute('href')).toBe(`/outcomes/orr/${new URL(page.url()).search}#reanalyse`);
    const expected = cli(orr.studies.slice(0, 2), ['--method', 'REML']);
    expect(changed.value).toBeCloseTo(expected.pooled.proportion, 12);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('leaves sponsor and secondary reports out until their tiers are ticked, and writes the tiers into the URL', async () => {
    const cr = outcome('cr');
    const { page, errors } = await open('/outcomes/cr/');
    await page.locator('details[data-reanalysis] summary').click();
    const primary = await estimate(page);
    expect([primary.label, primary.basis]).toEqual(['primary', 'single-study']);
    const sponsorBox = (id: string) => page.locator(`input[name="include"][value="${id}"]`);
    for (const study of cr.sponsorReports) expect(await sponsorBox(study.id).isDisabled()).toBe(true);
    for (const tier of SENSITIVITY_TIERS) expect(await page.locator(`input[name="tiers"][value="${tier}"]`).isChecked()).toBe(false);

    for (const tier of SENSITIVITY_TIERS) await page.locator(`input[name="tiers"][value="${tier}"]`).check();
    await expect.poll(() => new URL(page.url()).search).toBe(`?${ALL_TIERS}`);
    for (const study of cr.sponsorReports) expect(await sponsorBox(study.id).isDisabled()).toBe(false);
    const added = await estimate(page);
    expect(added.label).toBe('differs');
    const expected = cli([...cr.studies, ...cr.sponsorReports], ['--method', 'GLMM']);
    expectClose(added.value, expected.pooled.proportion, RELATIVE.GLMM);

    // Studies without a judgement are labelled so, and can be left out by risk of bias.
    expect(await page.locator('label', { has: page.locator('input[name="rob"][value="none"]') }).textContent()).toContain(
      'No risk-of-bias judgement',
    );
    await page.locator('input[name="rob"][value="none"]').uncheck();
    await expect.poll(() => new URL(page.url()).search).toBe(`?${ALL_TIERS}&rob=low,unclear,high`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says so when every study is excluded, and names what it did not understand without repeating it', async () => {
    const ids = outcome('orr')
      .studies.map((s) => encodeURIComponent(s.id))
      .join(',');
    const { page } = await open(`/outcomes/orr/?exclude=${ids},NCT00000000%2Fnone&model=XYZ%E2%80%AE%3Cb%3Eproven%3C%2Fb%3E`);
    await expect.poll(() => page.locator('[data-reanalysis-estimate]').textContent()).toContain('nothing to pool');
    expect(await page.locator('[data-reanalysis-address]').textContent()).toBe(
      "Not understood in the address: left at the review's setting: model; one study id matches no study of this outcome (unknown, ignored).",
    );
    const output = await page.locator('[data-reanalysis-output]').textContent();
    for (const echoed of ['XYZ', 'proven', 'NCT00000000']) expect(output).not.toContain(echoed);
    // The unknown id is dropped from the address too; the known ones stay.
    expect(new URL(page.url()).searchParams.get('exclude')).toBe(
      outcome('orr')
        .studies.map((s) => s.id)
        .join(','),
    );
    await page.context().close();
  });

  it('reads without JavaScript: the panel explains itself and points to the data', async () => {
    const { page } = await open('/outcomes/orr/', false);
    await page.locator('details[data-reanalysis] summary').click();
    expect(await page.locator('carnk-reanalysis').textContent()).toContain('needs JavaScript');
    expect(await page.locator('[data-pooled]').isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('budget', () => {
  it('loads the re-analysis code only when the panel opens, within 30 KB gzip; the page pays only a small loader', async () => {
    // What a reader who never opens the panel loads.
    const unopened = await open('/outcomes/orr/');
    await unopened.page.waitForTimeout(500);
    const onLoad = new Set(unopened.scripts);
    // The plot's own interactive bundle, which the site already loads when a reader points at a plot.
    await unopened.page.locator('[data-plot-interactive]').first().click();
    await unopened.page.locator('.plot-interactive').first().waitFor({ timeout: 20_000 });
    const plotBundle = new Set(unopened.scripts.filter((s) => !onLoad.has(s)));
    await unopened.page.context().close();

    const opened = await open('/outcomes/orr/');
    await opened.page.waitForTimeout(500);
    await opened.page.locator('details[data-reanalysis] summary').click();
    await opened.page.locator('[data-reanalysis-plot="ready"]').waitFor({ timeout: 30_000 });
    const reanalysisCode = opened.scripts.filter((s) => !onLoad.has(s) && !plotBundle.has(s));
    const size = reanalysisCode.reduce((sum, path) => sum + gzipSize(path), 0);
    const loader = [...onLoad].filter((s) => s.includes('Reanalysis'));

    console.log(
      `re-analysis code ${(size / 1024).toFixed(1)} KB gzip (${reanalysisCode.join(', ')}); loader ${loader.map(gzipSize).join('+')} B gzip`,
    );
    expect(reanalysisCode.length).toBeGreaterThan(0);
    expect(size).toBeLessThanOrEqual(BUDGET_GZIP);
    expect(reanalysisCode.filter((s) => onLoad.has(s))).toEqual([]);
    expect(loader).toHaveLength(1);
    expect(gzipSize(loader[0]!)).toBeLessThanOrEqual(LOADER_BUDGET_GZIP);
    await opened.page.context().close();
  });
});
