/**
 * One count everywhere: every page that states how many trials the review holds shows the
 * number the review model computed, read back from the built HTML.
 */
import { describe, expect, it } from 'vitest';
import type { OutcomeExport, SurvivalExport } from '../../src/lib/schema/exports.ts';
import { readJson } from '../json.ts';
import { loadSearch } from '../../scripts/lib/review-files.ts';
import { loadTrials } from '../../src/queries/trial-files.ts';
import { countReview } from '../../src/lib/review/model/counts.ts';
import { readPage, SITE_DIR } from './site.ts';

const trials = loadTrials().trials.map(({ trial }) => trial);
const inReview = trials.filter((trial) => trial.inclusion.status !== 'excluded');
const excluded = trials.length - inReview.length;
const search = loadSearch();
if (!search.ok) throw new Error(search.errors.join('\n'));
const counts = countReview(trials, search.value);

describe('trial counts across pages', () => {
  it.each(['', 'landscape/', 'trials/', 'versions/'])('/%s states the trials in the review', (path) => {
    const counts = readPage(path).querySelectorAll('[data-count="trials"]');
    expect(counts.length).toBeGreaterThan(0);
    for (const count of counts) expect(count.text.trim()).toBe(String(inReview.length));
  });

  it('/methods/ draws the PRISMA trials flow with the same counts, each box the sum of the boxes its arrows lead to', () => {
    const page = readPage('methods/');
    const count = (id: string) => Number(page.querySelector(`[data-box="${id}"]`)?.getAttribute('data-count'));
    expect(count('trials-in-review')).toBe(inReview.length);
    expect(count('trials-assessed')).toBe(trials.length);
    for (const box of page.querySelectorAll('[data-flow] [data-box]')) {
      const id = box.getAttribute('data-box')!;
      const outflows = page.querySelectorAll(`[data-from="${id}"]`).map((li) => (li.getAttribute('data-box') ? li : li.querySelector('[data-box]'))!);
      const known = outflows.map((o) => Number(o.getAttribute('data-count')));
      if (outflows.length === 0 || Number.isNaN(count(id)) || known.some(Number.isNaN)) continue;
      expect([id, known.reduce((a, b) => a + b, 0)]).toEqual([id, count(id)]);
    }
  });

  it('/ splits the trials in the review by what has been published and extracted', () => {
    const home = readPage('');
    const count = (name: string) => Number(home.querySelector(`[data-count="${name}"]`)?.text.trim());
    const status = (s: string) => trials.filter((trial) => trial.inclusion.status === s).length;
    expect(count('with-results')).toBe(status('included'));
    expect(count('published-not-extracted')).toBe(status('published-not-extracted'));
    expect(count('published')).toBe(status('included') + status('published-not-extracted'));
    expect(count('published') + count('awaiting-results')).toBe(inReview.length);
  });

  it.each(['landscape/', 'trials/'])('/%s states the excluded registry entries', (path) => {
    expect(readPage(path).querySelector('[data-count="excluded"]')?.text.trim()).toBe(String(excluded));
  });

  it('lists, on each outcome page, only trials of the review that contribute no data', () => {
    for (const slug of ['orr', 'cr', 'crs', 'gvhd', 'pfs']) {
      const data = readJson<OutcomeExport | SurvivalExport>(`${SITE_DIR}/data/outcomes/${slug}.json`);
      const listed = readPage(`outcomes/${slug}/`)
        .querySelectorAll('[data-not-reported]')
        .map((li) => li.getAttribute('data-not-reported'));
      const contributing = new Set(('studies' in data ? data.studies : data.estimates).map((s) => s.nct));
      expect(listed.length + contributing.size).toBe(inReview.length);
      expect(listed.filter((nct) => !inReview.some((trial) => trial.nct === nct))).toEqual([]);
    }
  });

  it('/contribute/ states each count of work once, equal to its list and to the review count', () => {
    const page = readPage('contribute/');
    const count = (name: string) => Number(page.querySelector(`[data-count="${name}"]`)?.text.trim());
    const items = (list: string) => page.querySelectorAll(`[${list}] > li`).length;
    expect([count('reports-to-extract'), items('data-extraction-queue')]).toEqual([counts.reportsToExtract, counts.reportsToExtract]);
    expect([count('second-checks-pending'), items('data-second-checks')]).toEqual([counts.secondChecksPending, counts.secondChecksPending]);
    expect([count('registry-facts-to-check'), items('data-registry-facts')]).toEqual([counts.registryFactsToCheck, counts.registryFactsToCheck]);
    expect([count('registrations-awaiting'), items('data-registrations-awaiting')]).toEqual([
      counts.registrationsAwaitingClassification,
      counts.registrationsAwaitingClassification,
    ]);
    expect([count('registrations-excluded'), items('data-registrations-excluded')]).toEqual([
      counts.registrationsExcluded,
      counts.registrationsExcluded,
    ]);
  });

  it('/ and /contribute/ give the same number of publications not yet extracted', () => {
    const phrase = `${counts.reportsToExtract} known publication${counts.reportsToExtract === 1 ? ' of a trial in the review is' : 's of trials in the review are'} not yet extracted in full`;
    expect(readPage('').text).toContain(phrase);
    expect(readPage('contribute/').text).toContain(
      `${counts.reportsToExtract} known publications of trials in the review are not yet extracted in full`,
    );
  });

  it('every trial page says, in one sentence, what was read, when, and whether a second reader checked it', () => {
    for (const trial of trials) {
      const sentence = readPage(`trials/${trial.nct}/`).querySelector('[data-provenance]')?.text ?? '';
      expect([trial.nct, sentence.startsWith(`Registry facts were read on ${trial.registry.checked.date} from `)]).toEqual([trial.nct, true]);
      expect(sentence).toMatch(/second reader/);
    }
  });
});
