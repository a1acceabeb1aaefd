import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { exportedFigure } from '../../src/lib/format/estimate.ts';
import { REVIEW_TITLE } from '../../src/lib/format/cite.ts';
import { execFileSync } from 'node:child_process';
import { RELEASES_DIR } from '../../src/lib/content-paths.ts';
import { percentWithInterval } from '../../src/lib/format/numbers.ts';
import { readReleases } from '../../src/queries/releases.ts';
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
      for (const { outcome, result } of outcomes) {
        const row = page.querySelector(`[data-release-outcomes] tr[data-outcome="${outcome.slug}"]`)!;
        expect(row.querySelector('[data-k]')?.text).toBe(String(result?.k ?? 0));
        expect(row.querySelector('[data-patients]')?.text).toBe(String(result?.patients ?? 0));
        expect(row.querySelector('[data-pooled]')?.text).toBe(exportedFigure(result));
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

  it('lists each change in the evidence as its own entry, computed from the data', () => {
    const events = readPage('changes/').querySelectorAll('[data-event]');
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event.getAttribute('id')).toMatch(
        /^(\d{4}-\d{2}-\d{2}|current)\.\.(\d{4}-\d{2}-\d{2}|current)\/(estimate|added|removed|results|corrected)\//,
      );
    }
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
    const broken = JSON.parse(readFileSync(join(RELEASES_DIR, '2026-11-29.json'), 'utf8'));
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
    const current = JSON.parse(readFileSync(join(SITE_DIR, 'data/outcomes/orr.json'), 'utf8'));
    for (const { version, outcomes } of releases) {
      const rows = readPage(`versions/${version}/`).querySelectorAll('[data-then-and-now] tbody tr');
      expect(rows.map((row) => row.getAttribute('data-outcome'))).toEqual(outcomes.map((o) => o.outcome.slug));
      const orr = rows.find((row) => row.getAttribute('data-outcome') === 'orr')!;
      const cells = orr.querySelectorAll('td').map((td) => td.text);
      const then = outcomes.find((o) => o.outcome.slug === 'orr')!.result!;
      const cell = (result: { k: number; pooled: { proportion: number; ci: [number, number] } | null }) =>
        result.pooled ? `${percentWithInterval(result.pooled.proportion, result.pooled.ci)}, ${result.k}` : 'not pooled';
      expect(cells[0]).toBe(cell(then));
      expect(cells[1]).toBe(cell(current.result));
    }
  });

  it('links each live outcome page to the outcome in earlier versions', () => {
    const links = readPage('outcomes/orr/').querySelectorAll('[data-earlier-versions] a');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(releases.map(({ version }) => `/versions/${version}/#then-and-now`));
  });
});
