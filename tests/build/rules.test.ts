/**
 * The rules of inference hold on the built site itself: every page and download, not
 * only the model they are rendered from (rules.ts; unit tests in src/lib/review).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutcomeExport } from '../../src/lib/schema/exports.ts';
import { THRESHOLDS } from '../../src/lib/rules/thresholds.ts';
import { BINARY_OUTCOMES } from '../../src/lib/vocabulary/outcomes.ts';
import { readJson } from '../json.ts';
import { readPage, SITE_DIR } from './site.ts';

const outcomes = BINARY_OUTCOMES.map((outcome) => readJson<OutcomeExport>(join(SITE_DIR, 'data/outcomes', `${outcome.slug}.json`)));
// The outcomes with an overall figure, typed as having one.
const withResult = outcomes.flatMap((o) => (o.result ? [{ ...o, result: o.result }] : []));

function files(dir: string, ending: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ending) : name.endsWith(ending) ? [path] : [];
  });
}

const text = (path: string) => readPage(path).querySelector('main')?.text.replace(/\s+/g, ' ') ?? '';

describe('downloads carry the decisions', () => {
  it.each(withResult)('$outcome.slug: model, pooled, pi, egger and notes follow the rules', ({ result, strata }) => {
    expect(result.notes.length).toBeGreaterThan(0);
    if (result.events === 0) expect([result.model, result.pooled, result.heterogeneity]).toEqual(['none', null, null]);
    if (result.k < THRESHOLDS.poolMinStudies) expect([result.model, result.pooled]).toEqual(['none', null]);
    if (result.k < THRESHOLDS.predictionMinStudies) expect(result.pooled?.pi ?? null).toBeNull();
    if (result.k < THRESHOLDS.smallStudyMinStudies) expect(result.egger).toBeNull();
    for (const stratum of strata) {
      if (stratum.events === 0 || stratum.k < THRESHOLDS.poolMinStudies) expect(stratum.model).toBe('none');
      if (stratum.k < THRESHOLDS.predictionMinStudies) expect(stratum.pi).toBeNull();
    }
  });

  it('holds no proportion or interval outside [0, 1]', () => {
    const numbers: number[] = [];
    const walk = (value: unknown, key = ''): void => {
      if (Array.isArray(value)) value.forEach((v) => walk(v, key));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
      else if (typeof value === 'number' && ['proportion', 'ci', 'pi'].includes(key)) numbers.push(value);
    };
    walk(outcomes);
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.filter((x) => x < 0 || x > 1)).toEqual([]);
  });
});

describe('pages follow the rules', () => {
  const pages = files(SITE_DIR, 'index.html').map((file) => `${relative(SITE_DIR, file).replace(/index\.html$/, '')}`);
  const zeroEvent = withResult.filter((o) => o.result.events === 0);

  it('has zero-event outcomes to check', () => {
    expect(zeroEvent.map((o) => o.outcome.slug)).toContain('crs');
  });

  it.each(zeroEvent)(
    '$outcome.slug: shows 0 of N with its exact interval, never a pooled rate, on every page that names it',
    ({ outcome, result }) => {
      const page = text(`outcomes/${outcome.slug}/`);
      expect(page).toContain(`0 of ${result.patients} patients`);
      expect(page).not.toMatch(/Random effects|prediction interval \d/);
      const home = readPage('').querySelector(`[data-headline="${outcome.slug}"]`);
      if (home) expect(home.text).toContain('0 of');
      const safety = readPage('safety/').querySelector(`[data-outcome="${outcome.slug}"]`)?.text ?? '';
      expect(safety).toContain('0 of');
    },
  );

  it('never pools one study: a one-study figure is labelled as such', () => {
    for (const { outcome } of outcomes.filter((o) => o.result?.k === 1 && o.result.events > 0)) {
      expect(text(`outcomes/${outcome.slug}/`)).toContain('one study, not pooled');
    }
  });

  it("shows no prediction interval below k = 3 and no Egger's test or funnel plot below k = 10", () => {
    for (const { outcome, result, sensitivity } of withResult) {
      const page = readPage(`outcomes/${outcome.slug}/`);
      // The analysis adding sponsor reports is a figure of its own, with its own k (checked below).
      const added = page.querySelector('[data-sponsor-reports]');
      const addedText = added?.text.replace(/\s+/g, ' ') ?? '';
      added?.remove();
      const body = page.querySelector('main')!.text.replace(/\s+/g, ' ');
      if (result.k < THRESHOLDS.predictionMinStudies) expect(body).not.toMatch(/prediction interval \d/);
      const addedRow = sensitivity.find((row) => row.label === 'Adding sponsor reports and secondary reports');
      if (addedRow) expect(/prediction interval \d/.test(addedText)).toBe(addedRow.k >= THRESHOLDS.predictionMinStudies);
      if (result.k < THRESHOLDS.smallStudyMinStudies) {
        expect(body).not.toMatch(/Egger's regression test: t =/);
        expect(page.querySelector('[data-plot$="-funnel"]')).toBeNull();
      }
    }
    expect(pages.flatMap((p) => (/Egger's regression test: t =/.test(text(p)) ? [p] : []))).toEqual([]);
  });

  it('prints no percentage outside 0–100 % on any page', () => {
    const offenders: string[] = [];
    for (const path of pages) {
      // Text node by text node: a table row read as one string would run "37" and "0.0 %" together.
      const texts: string[] = [];
      const walk = (node: { nodeType: number; rawText: string; rawTagName?: string; childNodes: unknown[] }): void => {
        if (node.nodeType === 3) texts.push(node.rawText);
        else if (!['script', 'style'].includes(node.rawTagName ?? '')) for (const child of node.childNodes) walk(child as typeof node);
      };
      walk(readPage(path).querySelector('main')!);
      for (const match of texts.join('\n').matchAll(/(?<![\d.])(-?\d+(?:\.\d+)?)\s?%|(?<![\d.])(-?\d+\.\d)–(-?\d+\.\d)/g)) {
        const values = [match[1], match[2], match[3]].filter((v): v is string => v !== undefined).map(Number);
        if (values.some((v) => v < 0 || v > 100)) offenders.push(`${path}: ${match[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('puts "not reported" nowhere beside a derived grade ≥ 3 zero', () => {
    const home = readPage('').querySelector('[data-headline="crs-grade-3"]');
    if (home) expect(home.text).not.toContain('not reported');
    expect(readPage('safety/').querySelector('[data-outcome="crs-grade-3"]')?.text).toContain('derived');
  });

  it('prints every rule on Methods', () => {
    const methods = readPage('methods/');
    expect(methods.querySelectorAll('[data-rules] dt').length).toBeGreaterThanOrEqual(7);
    expect(methods.querySelector('[data-conventions]')?.text).toContain('regtest(res, model = "lm")');
  });
});

describe('plot downloads', () => {
  it('ship every plot on the pages as SVG and PNG, rendered at build time, credited to the live site', () => {
    // A frozen version's plots link to its own downloads (versions.test.ts).
    const ids = new Set(
      files(SITE_DIR, 'index.html')
        .filter((file) => !relative(SITE_DIR, file).startsWith('versions/'))
        .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/data-plot="([^"]+)"/g)].map((m) => m[1]!)),
    );
    expect(ids.size).toBeGreaterThan(3);
    for (const id of ids) {
      const svg = readFileSync(join(SITE_DIR, 'plots', `${id}.svg`), 'utf8');
      expect(svg).toMatch(/^<svg/);
      expect(svg).toMatch(/>CAR-NK Living Review, live, built \d{4}-\d{2}-\d{2}:/);
      expect(svg).toContain('Licence: CC BY 4.0');
      expect(
        readFileSync(join(SITE_DIR, 'plots', `${id}.png`))
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
    }
  });
});

describe('evidence tiers on the pages', () => {
  const withSponsorReports = outcomes.filter((o) => o.sponsorReports.length > 0);

  it('has outcomes with studies known only from sponsor reports', () => {
    expect(withSponsorReports.map((o) => o.outcome.slug)).toEqual(['orr', 'cr']);
  });

  it.each(withSponsorReports)(
    '$outcome.slug: lists them apart, with their tier, and never among the primary studies',
    ({ outcome, result, sponsorReports, studies, sensitivity }) => {
      const page = readPage(`outcomes/${outcome.slug}/`);
      const listed = page.querySelectorAll('[data-sponsor-reports-table] tr[data-study]');
      expect(listed.map((row) => row.getAttribute('data-study'))).toEqual(sponsorReports.map((s) => s.id));
      // Each row names its own tier, which is never a primary one.
      sponsorReports.forEach((study, i) =>
        expect(listed[i]?.text).toContain(study.source.type === 'secondary-report' ? 'Secondary report' : 'Sponsor report'),
      );
      expect(new Set(sponsorReports.map((s) => s.source.type))).toEqual(new Set(['sponsor-report', 'secondary-report']));
      const primary = page.querySelectorAll('[data-studies-table] tr[data-study]').map((row) => row.getAttribute('data-study'));
      expect(primary).toEqual(studies.map((s) => s.id));
      const row = sensitivity.find((r) => r.label === 'Adding sponsor reports and secondary reports')!;
      expect(row.k).toBe(studies.length + sponsorReports.length);
      expect(Number(page.querySelector('[data-sponsor-reports-estimate]')?.getAttribute('data-value'))).toBe(row.proportion);
      // Where the primary analysis is pooled, the row sits in the sensitivity table too.
      const table = page.querySelector('[data-sensitivity]')?.text ?? '';
      expect(table.includes('Adding sponsor reports and secondary reports')).toBe(result!.pooled !== null);
    },
  );

  it('prints the evidence-tier rule and the re-analysis parameters on Methods', () => {
    const methods = readPage('methods/');
    expect(methods.querySelector('#rule-evidence-tiers')?.text).toBe('Evidence tiers');
    expect(methods.querySelector('[data-reanalysis-parameters]')?.text.replace(/\s+/g, ' ')).toContain(
      'Default: article,conference-abstract,letter,registry-results,preprint (sponsor and secondary reports left out',
    );
  });
});
