import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { exportedFigure } from '../../src/lib/format/estimate.ts';
import { REVIEW_TITLE } from '../../src/lib/format/cite.ts';
import { execFileSync, spawnSync } from 'node:child_process';
import { RELEASES_DIR } from '../../src/lib/content-paths.ts';
import { percent, percentRange, percentWithInterval, plotInterval } from '../../src/lib/format/numbers.ts';
import { PUBLICATION_TYPE_LABELS } from '../../src/lib/vocabulary/labels.ts';
import type { PublicationType } from '../../src/lib/schema/trial.ts';
import type { ChangesExport, OutcomeExport } from '../../src/lib/schema/exports.ts';
import type { Release } from '../../src/lib/schema/release.ts';
import { readReleases } from '../../src/queries/releases.ts';
import { readJson } from '../json.ts';
import { readPage, runBuild, SITE_DIR } from './site.ts';

const releases = readReleases();
const release = releases.find((r) => r.version === '2026-11-29')!;

describe('frozen versions', () => {
  it('has the committed snapshot of 2026-11-29', () => {
    expect(release).toBeDefined();
  });

  it('lists every version newest first, after the current one', () => {
    const rows = readPage('versions/').querySelectorAll('[data-versions-table] tbody tr');
    expect(rows.map((row) => row.getAttribute('data-version'))).toEqual(['current', ...releases.map((r) => r.version)]);
  });

  it("renders each version with the frozen banner and the snapshot's own numbers", () => {
    for (const { version, outcomes, trials } of releases) {
      const page = readPage(`versions/${version}/`);
      expect(page.querySelector('[data-frozen-banner]')?.text.replace(/\s+/g, ' ').trim()).toBe(
        `This is the frozen version of ${version}. The current version is the live review.`,
      );
      for (const frozen of outcomes) {
        const { outcome, result } = frozen;
        const row = page.querySelector(`[data-outcomes-table] tr[data-outcome="${outcome.slug}"]`)!;
        expect(row.querySelector('[data-k]')?.text).toBe(String(result?.k ?? 0));
        expect(row.querySelector('[data-patients]')?.text).toBe(String(result?.patients ?? 0));
        // The figure across all studies: the only one of a version frozen before malignancy groups, secondary where groups differ.
        const strata = 'strata' in frozen ? frozen.strata.length : 0;
        const allCancers = row.querySelector('[data-pooled]')?.text;
        if (!result || strata === 1) expect(allCancers).toBe('—');
        else if (strata === 0) expect(allCancers).toBe(exportedFigure(result));
        else expect(allCancers).toMatch(/\(mixed populations\)$/);
      }
      expect(page.querySelectorAll('[data-release-trials] tbody tr').map((tr) => tr.getAttribute('data-nct'))).toEqual(trials.map((t) => t.nct));
      expect(page.querySelector('meta[name="citation_public_url"]')?.getAttribute('content')).toMatch(new RegExp(`/versions/${version}/$`));
      expect(page.querySelector('[data-bibtex]')?.text).toContain(`version = {${version}}`);
    }
  });

  it('serves each snapshot, unchanged, as data.json', () => {
    for (const { version } of releases) {
      const served = readFileSync(join(SITE_DIR, `versions/${version}/data.json`), 'utf8');
      expect(served).toBe(readFileSync(join(RELEASES_DIR, `${version}.json`), 'utf8'));
    }
  });
});

describe('what changed', () => {
  it('compares the latest version with the current data', () => {
    const page = readPage('changes/');
    expect(page.querySelector('h1')?.text).toBe('What changed');
    expect(page.querySelector(`[data-comparison="${releases[0]!.version}..current"]`)).not.toBeNull();
  });

  it('lists each change as its own entry with its cause, as /data/changes.json has them, registry housekeeping apart', () => {
    const page = readPage('changes/');
    const events = page.querySelectorAll('[data-event]');
    expect(events.length).toBeGreaterThan(0);
    const data = readJson<ChangesExport>(join(SITE_DIR, 'data/changes.json'));
    expect(events.map((event) => event.getAttribute('id'))).toEqual(data.changes.map((c) => c.id));
    for (const event of page.querySelectorAll('[data-registry-changes] [data-event]')) expect(event.getAttribute('data-event')).toBe('registry');
    for (const event of page.querySelectorAll('[data-evidence-changes] [data-event]')) expect(event.getAttribute('data-event')).not.toBe('registry');
    for (const change of data.changes) {
      expect(['new-data', 'correction', 'method', 'registry']).toContain(change.kind);
      expect(change.reason.length).toBeGreaterThan(10);
    }
  });

  it('gives every moved estimate its cause: the zero-event rule by 2026-12-02, the change of primary model after it', () => {
    const data = readJson<ChangesExport>(join(SITE_DIR, 'data/changes.json'));
    const change = (outcome: string, from: string) => data.changes.find((c) => c.outcome === outcome && c.from === from)!;
    // 2026-12-02 is the last version pooled by DerSimonian–Laird (frozen afterwards from its own commit).
    expect(change('orr', '2026-12-02').reason).toContain('Primary model changed from DerSimonian–Laird to binomial-normal model, maximum likelihood');
    expect(change('crs', '2026-11-29')).toMatchObject({ to: '2026-12-02', kind: 'method', after: { pooled: null } });
    expect(change('crs', '2026-11-29').reason).toContain('The zero-event rule now applies');
  });
});

describe('the feed', () => {
  const feed = parse(readFileSync(join(SITE_DIR, 'feed.xml'), 'utf8'), { lowerCaseTagName: false });

  it('is Atom, with an entry per frozen version', () => {
    const root = feed.querySelector('feed')!;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
    const entries = root.querySelectorAll('entry');
    for (const entry of entries) {
      for (const field of ['title', 'id', 'updated']) expect(entry.querySelector(field)?.text.trim()).toBeTruthy();
    }
    const links = entries.map((entry) => entry.querySelector('link')?.getAttribute('href'));
    for (const { version } of releases) expect(links).toContainEqual(expect.stringMatching(new RegExp(`/versions/${version}/$`)));
  });

  it('announces evidence changes, never commit subjects', () => {
    const titles = feed.querySelectorAll('entry > title').map((title) => title.text.trim());
    const subjects = execFileSync('git', ['log', '--format=%s'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.length > 20);
    expect(titles.filter((title) => subjects.some((subject) => title.includes(subject)))).toEqual([]);
    const pageEvents = readPage('changes/')
      .querySelectorAll('[data-event]')
      .map((li) => li.getAttribute('id'));
    const linked = feed.querySelectorAll('entry > link').map((link) => decodeURIComponent(link.getAttribute('href')!.split('#')[1] ?? ''));
    expect(linked.filter(Boolean).toSorted()).toEqual(pageEvents.toSorted());
  });

  it('is linked from every page', () => {
    expect(readPage('').querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href')).toBe('/feed.xml');
  });
});

describe('citation', () => {
  it('gives the home page Highwire tags for Google Scholar', () => {
    const home = readPage('');
    expect(home.querySelector('meta[name="citation_title"]')?.getAttribute('content')).toBe(REVIEW_TITLE);
    expect(home.querySelector('meta[name="citation_publication_date"]')?.getAttribute('content')).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
  });

  it('has a cite page with BibTeX and RIS for the current version, and CITATION.cff', () => {
    const page = readPage('cite/');
    expect(page.querySelector('[data-bibtex]')?.text).toMatch(/^@misc\{carnk-living-review-\d{4}-\d{2}-\d{2},/);
    expect(page.querySelector('[data-ris]')?.text).toMatch(/^TY {2}- DATA\n/);
    expect(page.querySelector('[data-citation-cff]')?.text).toBe(readFileSync('CITATION.cff', 'utf8'));
    expect(page.querySelector('meta[name="citation_title"]')).not.toBeNull();
  });

  it('puts Versions, What changed, Cite and Downloads in the navigation', () => {
    const labels = readPage('')
      .querySelectorAll('nav[aria-label="Main"] a')
      .map((a) => a.text.trim());
    expect(labels).toEqual(expect.arrayContaining(['Versions', 'What changed', 'Cite', 'Downloads']));
  });
});

describe('a build with no frozen versions', () => {
  const releasesDir = resolve('tests/.out/no-releases');
  const out = resolve('tests/.out/no-releases-site');

  it('says so on /versions/ and /changes/, and still has a feed', () => {
    rmSync(releasesDir, { recursive: true, force: true });
    mkdirSync(releasesDir, { recursive: true });
    const result = runBuild({ CARNK_RELEASES_DIR: releasesDir, CARNK_OUT_DIR: out });
    expect(result.stderr).not.toContain('frozen versions are broken');
    expect(result.status).toBe(0);
    expect(readPage('versions/', out).querySelector('[data-no-versions]')).not.toBeNull();
    expect(readPage('changes/', out).querySelector('[data-no-comparisons]')).not.toBeNull();
    expect(existsSync(join(out, 'versions/2026-11-29'))).toBe(false);
    expect(readFileSync(join(out, 'feed.xml'), 'utf8')).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  });
});

describe('a build with a broken frozen version', () => {
  it('fails, naming the file and the field', () => {
    const releasesDir = resolve('tests/.out/broken-releases');
    rmSync(releasesDir, { recursive: true, force: true });
    mkdirSync(releasesDir, { recursive: true });
    const broken = readJson<Release>(join(RELEASES_DIR, '2026-11-29.json'));
    broken.counts.trialsInReview = -1;
    const file = join(releasesDir, '2026-11-29.json');
    writeFileSync(file, JSON.stringify(broken));
    const result = runBuild({ CARNK_RELEASES_DIR: releasesDir, CARNK_OUT_DIR: resolve('tests/.out/broken-releases-site') });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain(`${file}: counts.trialsInReview must not be negative`);
    // One line for the reader, never Astro's stack trace of compiled chunks.
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('versions compared with now', () => {
  it('shows each frozen outcome beside the current one, and what changed', () => {
    const current = readJson<OutcomeExport>(join(SITE_DIR, 'data/outcomes/orr.json'));
    for (const { version, outcomes } of releases) {
      const rows = readPage(`versions/${version}/`).querySelectorAll('[data-then-and-now] tbody tr');
      expect(rows.map((row) => row.getAttribute('data-outcome'))).toEqual(outcomes.map((o) => o.outcome.slug));
      const orr = rows.find((row) => row.getAttribute('data-outcome') === 'orr')!;
      const cells = orr.querySelectorAll('td').map((td) => td.text);
      const then = outcomes.find((o) => o.outcome.slug === 'orr')!.result!;
      const cell = (result: { k: number; pooled: { proportion: number; ci: [number, number] } | null }) =>
        result.pooled ? `${percentWithInterval(result.pooled.proportion, result.pooled.ci)}, ${result.k}` : 'not pooled';
      expect(cells[0]).toBe(cell(then));
      expect(cells[1]).toBe(cell(current.result!));
    }
  });

  it('links each live outcome page to the outcome as each earlier version published it', () => {
    const links = readPage('outcomes/orr/').querySelectorAll('[data-earlier-versions] a');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(releases.map(({ version }) => `/versions/${version}/outcomes/orr/`));
  });

  it('links each live survival page to survival as each earlier version listed it, and each version page to its survival pages', () => {
    for (const slug of ['pfs', 'os']) {
      const links = readPage(`outcomes/${slug}/`).querySelectorAll('[data-earlier-versions] a');
      const listing = releases.filter(({ survival }) => survival.some((s) => s.outcome.slug === slug));
      expect(listing.length).toBeGreaterThan(0);
      expect(links.map((a) => a.getAttribute('href'))).toEqual(listing.map(({ version }) => `/versions/${version}/outcomes/${slug}/`));
    }
    for (const { version, survival } of releases) {
      const page = readPage(`versions/${version}/`);
      for (const { outcome } of survival) {
        const href = page.querySelector(`[data-outcomes-table] tr[data-outcome="${outcome.slug}"] th a`)?.getAttribute('href');
        expect(href).toBe(`/versions/${version}/outcomes/${outcome.slug}/`);
      }
    }
  });

  it("links each then-and-now row and each headline row to the version's own outcome page", () => {
    for (const { version, outcomes } of releases) {
      const page = readPage(`versions/${version}/`);
      for (const { outcome } of outcomes) {
        for (const table of ['[data-then-and-now]', '[data-outcomes-table]']) {
          const href = page.querySelector(`${table} tr[data-outcome="${outcome.slug}"] th a`)?.getAttribute('href');
          expect(href).toBe(`/versions/${version}/outcomes/${outcome.slug}/`);
        }
      }
    }
  });
});

/** A snapshot's outcomes as written in its file, before any schema or adapter touches them. */
interface WrittenStudy {
  id: string;
  events: number;
  n: number;
  proportion: number;
  ci: [number, number];
  weight: number | null;
  source: { type?: PublicationType };
}
interface WrittenOutcome {
  outcome: { slug: string; title: string };
  result: { k: number; patients: number; pooled: { proportion: number; ci: [number, number] } | null } | null;
  studies: WrittenStudy[];
  subgroups: { dimension: string; groups: { group: string; k: number }[] }[];
  sensitivity: { label: string }[];
}
const written = (version: string) => readJson<{ outcomes: WrittenOutcome[] }>(join(RELEASES_DIR, `${version}.json`)).outcomes;
const text = (node: { text: string } | null | undefined) => node?.text.replace(/\s+/g, ' ').trim();

describe('frozen outcome pages', () => {
  it('exist for every binary outcome of every version, with a banner linking to the live outcome and the version', () => {
    for (const { version } of releases) {
      for (const { outcome } of written(version)) {
        const page = readPage(`versions/${version}/outcomes/${outcome.slug}/`);
        const banner = page.querySelector('[data-frozen-banner]')!;
        expect(text(banner)).toContain(`This is ${outcome.title.toLowerCase()} as frozen on ${version}.`);
        expect(banner.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([`/outcomes/${outcome.slug}/`, `/versions/${version}/`]);
        expect(text(page.querySelector('h1'))).toBe(`${outcome.title}, version ${version}`);
        // Frozen figures are not re-analysed, and their downloads are the version's own, never the live ones.
        expect(page.querySelector('[data-reanalysis]')).toBeNull();
        expect(page.querySelectorAll('a[href^="/plots/"]')).toEqual([]);
      }
    }
  });

  it("print the version's own numbers: headline, study rows (joined by id), subgroups and sensitivity rows", () => {
    for (const { version } of releases) {
      for (const { outcome, result, studies, subgroups, sensitivity } of written(version)) {
        const page = readPage(`versions/${version}/outcomes/${outcome.slug}/`);
        if (!result) {
          expect(page.querySelector('[data-no-data]')).not.toBeNull();
          expect(page.querySelector('[data-studies-table]')).toBeNull();
          continue;
        }
        // The figure across all studies: the only one in versions frozen before malignancy groups.
        const overall = page.querySelector('[data-pooled]');
        if (result.pooled) expect(text(overall?.querySelector('strong'))).toBe(percentWithInterval(result.pooled.proportion, result.pooled.ci));
        expect(text(overall)).toContain(`${result.k} ${result.k === 1 ? 'study' : 'studies'}, ${result.patients} patients`);
        const rows = page.querySelectorAll('[data-studies-table] tbody tr');
        expect(rows.map((row) => row.getAttribute('data-study'))).toEqual(studies.map((s) => s.id));
        for (const row of rows) {
          const study = studies.find((s) => s.id === row.getAttribute('data-study'))!;
          expect(text(row.querySelector('[data-count]'))).toBe(`${study.events}/${study.n}`);
          expect(text(row.querySelector('[data-proportion]'))).toBe(percentWithInterval(study.proportion, study.ci));
          if (study.weight !== null) expect(text(row.querySelector('[data-weight]'))).toBe(percent(study.weight / 100));
          expect(text(row.querySelector('[data-tier]'))).toBe(study.source.type ? PUBLICATION_TYPE_LABELS[study.source.type] : 'not recorded');
        }
        for (const subgroup of subgroups) {
          const table = page.querySelector(`[data-subgroup="${subgroup.dimension}"]`)!;
          expect(table.querySelectorAll('tbody tr').map((tr) => tr.getAttribute('data-group'))).toEqual(subgroup.groups.map((g) => g.group));
        }
        expect(page.querySelectorAll('[data-sensitivity] tbody tr th').map((th) => text(th)?.replace(/\*$/, ''))).toEqual(
          sensitivity.map((row) => row.label),
        );
      }
    }
  });

  it('link each plot to its own SVG and PNG, which name the outcome, the model, the version and the licence in the image', () => {
    for (const { version } of releases) {
      let linked = 0;
      for (const { outcome } of written(version)) {
        const page = readPage(`versions/${version}/outcomes/${outcome.slug}/`);
        for (const plot of page.querySelectorAll('[data-plot]')) {
          const id = plot.getAttribute('data-plot')!.slice(`${version}-`.length);
          const hrefs = plot.querySelectorAll('.plot-links a').map((a) => a.getAttribute('href'));
          expect(hrefs).toEqual([`/versions/${version}/plots/${id}.svg`, `/versions/${version}/plots/${id}.png`]);
          const svg = parse(readFileSync(join(SITE_DIR, `versions/${version}/plots/${id}.svg`), 'utf8'));
          const credit = svg
            .querySelectorAll('svg > g > text')
            .map((text) => text.text)
            .join(' ');
          expect(credit).toMatch(new RegExp(`^${outcome.title}: `));
          expect(credit).toMatch(/ Model: (random effects \(\w+\)|not pooled) /);
          expect(credit).toContain(`CAR-NK Living Review, version ${version}: `);
          expect(credit).toContain('Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)');
          expect(
            readFileSync(join(SITE_DIR, `versions/${version}/plots/${id}.png`))
              .subarray(1, 4)
              .toString(),
          ).toBe('PNG');
          linked++;
        }
      }
      expect(linked).toBeGreaterThan(0);
    }
  });

  it("draw the version's leave-one-out and cumulative analyses from the numbers it wrote", () => {
    for (const { version } of releases) {
      const { outcomes } = readJson<{
        outcomes: {
          outcome: { slug: string };
          result: { leaveOneOut: { omitted: string; proportion: number; ci: [number, number] }[]; cumulative: { study: string }[] } | null;
        }[];
      }>(join(RELEASES_DIR, `${version}.json`));
      for (const { outcome, result } of outcomes) {
        const page = readPage(`versions/${version}/outcomes/${outcome.slug}/`);
        // Each row's first and last cells: the study omitted or added, and the estimate with its interval.
        const rows = (id: string) =>
          page
            .querySelectorAll(`[data-plot="${version}-${outcome.slug}-${id}"] .plot-numbers tbody tr`)
            .map((tr) => tr.querySelectorAll('th, td').map((cell) => text(cell)))
            .map((cells) => [cells[0], cells.at(-1)]);
        const leaveOneOut = result?.leaveOneOut ?? [];
        expect(rows('leave-one-out').slice(0, leaveOneOut.length)).toEqual(
          leaveOneOut.map((r) => [`Without ${r.omitted}`, plotInterval(r.proportion, r.ci)]),
        );
        expect(rows('cumulative')).toHaveLength(result?.cumulative.length ?? 0);
      }
    }
  });
});

/** A snapshot's survival estimates as written in its file. */
interface WrittenSurvival {
  outcome: { slug: string; title: string };
  estimates: {
    id: string;
    study: string;
    nct: string;
    month: number;
    estimate: number;
    ci: [number, number] | null;
    n: number | null;
    source: { type?: PublicationType };
  }[];
  notReported: { nct: string }[];
}
interface Certainty {
  rating: string;
  domains: Record<string, { downgrade: number; reason: string }>;
}
const writtenSurvival = (version: string) => readJson<{ survival: WrittenSurvival[] }>(join(RELEASES_DIR, `${version}.json`)).survival;

describe('frozen survival pages', () => {
  it("exist for every survival outcome of every version, with the banner and the version's own estimates (joined by id)", () => {
    for (const { version } of releases) {
      const survival = writtenSurvival(version);
      expect(survival.length).toBeGreaterThan(0);
      for (const { outcome, estimates } of survival) {
        const page = readPage(`versions/${version}/outcomes/${outcome.slug}/`);
        const banner = page.querySelector('[data-frozen-banner]')!;
        expect(text(banner)).toContain(`This is ${outcome.title.toLowerCase()} as frozen on ${version}.`);
        expect(banner.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([`/outcomes/${outcome.slug}/`, `/versions/${version}/`]);
        expect(text(page.querySelector('h1'))).toBe(`${outcome.title}, version ${version}`);
        const rows = page.querySelectorAll('[data-survival-table] tbody tr');
        expect(rows.map((row) => row.getAttribute('data-estimate')).toSorted()).toEqual(estimates.map((e) => e.id).toSorted());
        for (const row of rows) {
          const estimate = estimates.find((e) => e.id === row.getAttribute('data-estimate'))!;
          const cells = row.querySelectorAll('td').map((td) => text(td));
          expect(text(row.querySelector('th'))).toBe(estimate.study);
          expect(cells.slice(0, 5)).toEqual([
            estimate.nct,
            String(estimate.month),
            percent(estimate.estimate),
            estimate.ci ? text({ text: percentRange(estimate.ci) }) : 'not reported',
            estimate.n === null ? 'not reported' : String(estimate.n),
          ]);
          expect(text(row.querySelector('[data-tier]'))).toBe(estimate.source.type ? PUBLICATION_TYPE_LABELS[estimate.source.type] : 'not recorded');
        }
      }
    }
  });

  it('say where a version recorded no GRADE rating (those of 2026-11-29 and 2026-12-02 recorded none)', () => {
    for (const version of ['2026-11-29', '2026-12-02']) {
      for (const outcome of written(version)) {
        expect(outcome).not.toHaveProperty('certainty');
        const page = readPage(`versions/${version}/outcomes/${outcome.outcome.slug}/`);
        expect(text(page.querySelector('[data-no-certainty]'))).toBe('This version recorded no certainty rating.');
        expect(page.querySelector('[data-certainty-domains]')).toBeNull();
      }
    }
  });

  it('say where a version recorded no τ² or I² for a sensitivity row (2026-12-02 recorded none)', () => {
    const rows = readPage('versions/2026-12-02/outcomes/orr/').querySelectorAll('[data-sensitivity] tbody tr');
    expect(rows.length).toBe(written('2026-12-02').find((o) => o.outcome.slug === 'orr')!.sensitivity.length);
    for (const row of rows)
      expect(
        row
          .querySelectorAll('td')
          .slice(-2)
          .map((td) => text(td)),
      ).toEqual(['not recorded', 'not recorded']);
  });
});

describe('a build with a version frozen from the current data', () => {
  const releasesDir = resolve('tests/.out/fresh-releases');
  const out = resolve('tests/.out/fresh-releases-site');

  it("prints each outcome's GRADE rating, domain by domain with its reason, and each survival estimate's tier", () => {
    rmSync(releasesDir, { recursive: true, force: true });
    const frozen = spawnSync(process.execPath, ['scripts/release.ts', '--date', '2026-12-01', '--dir', releasesDir], { encoding: 'utf8' });
    expect(frozen.stderr).toBe('');
    expect(runBuild({ CARNK_RELEASES_DIR: releasesDir, CARNK_OUT_DIR: out }).status).toBe(0);
    const release = readJson<{ outcomes: (WrittenOutcome & { certainty: Certainty | null })[]; survival: WrittenSurvival[] }>(
      join(releasesDir, '2026-12-01.json'),
    );
    const { outcomes } = release;
    expect(outcomes.some((o) => o.certainty)).toBe(true);
    for (const { outcome, certainty } of outcomes) {
      const page = readPage(`versions/2026-12-01/outcomes/${outcome.slug}/`, out);
      if (!certainty) {
        expect(text(page.querySelector('[data-no-certainty]'))).toBe('This version recorded no certainty rating.');
        continue;
      }
      expect(page.querySelector('[data-no-certainty]')).toBeNull();
      expect(page.querySelector('[data-certainty]')?.getAttribute('data-certainty')).toBe(certainty.rating);
      const items = page.querySelectorAll('[data-certainty-domains] li');
      expect(items.map((li) => li.getAttribute('data-domain'))).toEqual(Object.keys(certainty.domains));
      for (const li of items) {
        const domain = certainty.domains[li.getAttribute('data-domain')!]!;
        expect(li.getAttribute('data-downgrade')).toBe(String(domain.downgrade));
        expect(text(li)).toContain(text({ text: domain.reason }));
      }
    }
    for (const { outcome, estimates } of release.survival) {
      const cells = readPage(`versions/2026-12-01/outcomes/${outcome.slug}/`, out).querySelectorAll('[data-survival-table] [data-tier]');
      expect(cells.map((cell) => text(cell))).toEqual(estimates.map((e) => PUBLICATION_TYPE_LABELS[e.source.type!]));
    }
  });
});

describe('evidence tiers in study tables', () => {
  it("name each live study's publication type, from the outcome's export", () => {
    for (const slug of ['orr', 'crs']) {
      const exported = readJson<WrittenOutcome>(join(SITE_DIR, `data/outcomes/${slug}.json`));
      const rows = readPage(`outcomes/${slug}/`).querySelectorAll('[data-studies-table] tbody tr');
      expect(rows.length).toBe(exported.studies.length);
      for (const row of rows) {
        const study = exported.studies.find((s) => s.id === row.getAttribute('data-study'))!;
        expect(text(row.querySelector('[data-tier]'))).toBe(PUBLICATION_TYPE_LABELS[study.source.type!]);
      }
    }
  });

  it('name the tier on the trial page and in the survival table', () => {
    const labels = Object.values(PUBLICATION_TYPE_LABELS);
    for (const path of ['trials/NCT03056339/', 'outcomes/pfs/']) {
      const cells = readPage(path).querySelectorAll('td[data-tier]');
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) expect(labels).toContain(text(cell));
    }
  });
});
