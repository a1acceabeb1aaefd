import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTrials } from '../../src/queries/trial-files.ts';
import { enrollmentLabel } from '../../src/lib/vocabulary/labels.ts';
import type { OutcomeExport, ReportingGapExport, RiskOfBiasExport } from '../../src/lib/schema/exports.ts';
import { readJson } from '../json.ts';
import { readPage, runBuild } from './site.ts';

const { trials } = loadTrials();

describe('the built site', () => {
  it('has a home page with the count of trials in the review', () => {
    const home = readPage('');
    expect(home.querySelector('h1')?.text).toBe('CAR-NK Living Review');
    const inReview = trials.filter(({ trial }) => trial.inclusion.status !== 'excluded');
    expect(home.querySelector('[data-count="trials"]')?.text).toBe(String(inReview.length));
  });

  it("sets the seed paper's overall response beside what the published data support", () => {
    const orr = readJson<OutcomeExport>('tests/.out/site/data/outcomes/orr.json');
    const contrast = readPage('').querySelector('[data-seed-contrast]')?.text.replace(/\s+/g, ' ') ?? '';
    expect(contrast).toContain('53 % (41–65) from 17 studies and 738 patients');
    expect(contrast).toContain(`from ${orr.result!.k} trials and ${orr.result!.patients} patients`);
  });

  it('leads the home and outcome pages with the summary of findings, the limitations and the search date', () => {
    const search = readFileSync('content/search.yaml', 'utf8').match(/^date: (\S+)/m)?.[1];
    for (const path of ['', 'outcomes/orr/']) {
      const page = readPage(path);
      expect(page.querySelector('[data-sof] [data-sof-outcome="orr"] [data-certainty]')?.getAttribute('data-certainty')).toMatch(
        /^(high|moderate|low|very low)$/,
      );
      expect(page.querySelector('[data-searched-up-to]')?.text).toBe(`Searched up to ${search}.`);
    }
    const orr = readJson<OutcomeExport>('tests/.out/site/data/outcomes/orr.json');
    const page = readPage('outcomes/orr/');
    // One row per malignancy group with its own rating, then the all-cancer figure as a footnoted secondary row.
    type Rating = NonNullable<OutcomeExport['certainty']>;
    const ratings: [string, Rating][] = [...orr.strata.map((s): [string, Rating] => [s.group, s.certainty]), ['all', orr.certainty!]];
    for (const [population, certainty] of ratings) {
      expect(page.querySelector(`[data-sof] [data-sof-population="${population}"] [data-certainty]`)?.getAttribute('data-certainty')).toBe(
        certainty.rating,
      );
    }
    expect(page.querySelector('[data-sof] [data-sof-population="all"]')?.hasAttribute('data-secondary')).toBe(true);
    expect(page.querySelectorAll('[data-sof-footnotes] li')).toHaveLength(
      ratings.reduce((sum, [, certainty]) => sum + Object.values(certainty.domains).filter((d) => d.downgrade > 0).length, 0),
    );
    // The evidence profile lists all five domains of every population, "not serious" included.
    for (const [population] of ratings) {
      expect(page.querySelectorAll(`[data-evidence-profile="${population}"] [data-domain]`)).toHaveLength(5);
    }
    expect(page.querySelector('[data-sensitivity-risk-of-bias] th')?.text).toBe('Excluding trials at high overall risk of bias');
  });

  it("publishes every included trial's risk of bias, with a traffic light on its page", () => {
    const data = readJson<RiskOfBiasExport>('tests/.out/site/data/risk-of-bias.json');
    const included = trials.filter(({ trial }) => trial.inclusion.status === 'included').map(({ trial }) => trial.nct);
    expect(data.trials.map((t) => t.nct)).toEqual(included);
    expect(data.domains).toHaveLength(8);
    for (const nct of included) {
      const section = readPage(`trials/${nct}/`).querySelector('[data-risk-of-bias]');
      expect(section?.getAttribute('data-risk-of-bias')).toBe(data.trials.find((t) => t.nct === nct)!.overall);
      expect(section?.querySelectorAll('[data-rob-domain]')).toHaveLength(8);
    }
  });

  it('publishes the reporting gap of every trial in the review, and lists it on the landscape page', () => {
    const gap = readJson<ReportingGapExport>('tests/.out/site/data/reporting-gap.json');
    const inReview = trials.filter(({ trial }) => trial.inclusion.status !== 'excluded');
    expect(gap.trials.map((t) => t.nct).toSorted()).toEqual(inReview.map(({ trial }) => trial.nct));
    for (const row of gap.trials) {
      const { trial } = inReview.find(({ trial }) => trial.nct === row.nct)!;
      expect(row.primaryCompletion).toBe(trial.registry.primaryCompletion?.date ?? null);
      expect(row.resultsFound).toBe(trial.publications.length > 0);
    }
    expect(gap.overdue).toEqual(gap.trials.filter((t) => !t.resultsFound && (t.monthsSinceCompletion ?? 0) > 12).map((t) => t.nct));
    const table = readPage('landscape/').querySelectorAll('[data-reporting-gap-table] tbody tr');
    expect(table.map((row) => row.getAttribute('data-nct'))).toEqual(gap.trials.map((t) => t.nct));
    const methods = readPage('methods/');
    expect(methods.querySelector('#rule-reporting-gap')?.text).toBe('Reporting gap');
    // The overdue trials are an update trigger, named by number.
    const trigger = methods.querySelector('#trigger-overdue-results')?.text ?? '';
    for (const nct of gap.overdue) expect(trigger).toContain(nct);
    expect(methods.querySelector('[data-update-triggers] dt')?.getAttribute('id')).toBe('trigger-comparative-trial');
  });

  it('lists every trial in the trials index, each linking to its page', () => {
    const rows = readPage('trials/').querySelectorAll('#trials-table tbody tr');
    expect(rows.map((row) => row.getAttribute('data-nct'))).toEqual(trials.map(({ trial }) => trial.nct));
    for (const row of rows) {
      const nct = row.getAttribute('data-nct');
      expect(row.querySelector('a')?.getAttribute('href')).toBe(`/trials/${nct}/`);
    }
  });

  it('renders one page per trial with its registry facts and narrative', () => {
    for (const { trial, body } of trials) {
      const page = readPage(`trials/${trial.nct}/`);
      expect(page.querySelector('h1')?.text).toContain(trial.nct);
      const facts = page.querySelector('#registry')?.parentNode?.text ?? '';
      expect(facts).toContain(enrollmentLabel(trial.registry.enrollment));
      // Compare words only: Markdown syntax and typographic quotes differ between source and page.
      const words = (text: string) =>
        text
          .replace(/\]\([^)]*\)/g, ' ')
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, ' ')
          .trim();
      const firstLine = words(body.trim().split('\n')[0] ?? '')
        .split(' ')
        .slice(0, 8)
        .join(' ');
      expect(words(page.querySelector('.narrative')?.text ?? '')).toContain(firstLine);
    }
  });

  it('never prints a missing weight as a number: a dash, with the reason beside it', () => {
    for (const { trial } of trials.filter(({ trial }) => trial.inclusion.status === 'included')) {
      const page = readPage(`trials/${trial.nct}/`);
      const weights = page.querySelectorAll('[data-in-analyses] [data-weight]').map((cell) => cell.text.trim());
      expect(weights.length).toBeGreaterThan(0);
      // The primary model (GLMM) gives no inverse-variance weights.
      expect(weights).toEqual(weights.map(() => '—'));
      expect(page.querySelector('[data-no-weight]')?.text).toContain('no inverse-variance weights');
    }
  });

  it('reads each population against its sourced decision threshold, beside its figure', () => {
    const orr = readJson<OutcomeExport>('tests/.out/site/data/outcomes/orr.json');
    const page = readPage('outcomes/orr/');
    for (const stratum of orr.strata) {
      const item = page.querySelector(`[data-stratum="${stratum.group}"]`);
      if (stratum.threshold) expect(item?.querySelector('[data-threshold]')?.getAttribute('data-threshold')).toBe(String(stratum.threshold.value));
      else expect(item?.querySelector('[data-no-threshold]')).not.toBeNull();
    }
    expect(orr.strata.find((s) => s.group === 'hematologic')!.threshold!.value).toBe(0.26);
  });

  it('shows what was given to whom in each study of an outcome, "not reported" where no report states it', () => {
    const table = readPage('outcomes/orr/').querySelector('[data-characteristics-table]');
    const orr = readJson<OutcomeExport>('tests/.out/site/data/outcomes/orr.json');
    expect(table?.querySelectorAll('tbody tr').map((row) => row.getAttribute('data-study'))).toEqual(orr.studies.map((s) => s.id));
    const route = table?.querySelector('[data-study="NCT03056339/marin-2024-all"] [data-label="Route"]');
    expect(route?.text.trim()).toBe('not reported');
  });

  it('says on every page that it is the live version, and when a version was last frozen', () => {
    const newest = readdirSync('content/releases')
      .filter((name) => /^\d{4}-\d{2}-\d{2}\.json$/.test(name))
      .sort()
      .at(-1)!
      .slice(0, 10);
    for (const path of ['', 'trials/', `trials/${trials[0]?.trial.nct}/`]) {
      const footer = readPage(path).querySelector('footer')!;
      expect(footer.querySelector('[data-version-date]')?.text).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(footer.text).toContain('Live version, built');
      expect(footer.querySelector('[data-last-frozen]')?.text).toBe(newest);
      expect(footer.querySelector('[data-last-frozen]')?.getAttribute('href')).toBe(`/versions/${newest}/`);
    }
  });
});

describe('a build from broken trial files', () => {
  const out = resolve('tests/.out/broken-build');

  it('fails with the one-line problem and leaves the previous output untouched', () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'marker.txt'), 'previous build');
    const dir = 'tests/fixtures/trials/invalid/events-exceed-n';
    const result = runBuild({ CARNK_TRIALS_DIR: dir, CARNK_OUT_DIR: out });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${dir}/NCT00000001.mdx: cohorts[1].outcomes.orr.events (14) exceeds n (12)`);
    expect(readdirSync(out)).toEqual(['marker.txt']);
    expect(readFileSync(join(out, 'marker.txt'), 'utf8')).toBe('previous build');
  });

  it('creates no output folder when there was none', () => {
    rmSync(out, { recursive: true, force: true });
    const result = runBuild({ CARNK_TRIALS_DIR: 'tests/fixtures/trials/invalid/mdx-script', CARNK_OUT_DIR: out });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('has a <script> element');
    expect(existsSync(out)).toBe(false);
  });
});
