/**
 * One count everywhere: every page that states how many trials the review holds shows the
 * number the review model computed, read back from the built HTML.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTrials } from '../../scripts/lib/trial-files.ts';
import { readPage, SITE_DIR } from './site.ts';

const trials = loadTrials().trials.map(({ trial }) => trial);
const inReview = trials.filter((trial) => trial.inclusion.status !== 'excluded');
const excluded = trials.length - inReview.length;

describe('trial counts across pages', () => {
  it.each(['', 'landscape/', 'trials/', 'versions/'])('/%s states the trials in the review', (path) => {
    const counts = readPage(path).querySelectorAll('[data-count="trials"]');
    expect(counts.length).toBeGreaterThan(0);
    for (const count of counts) expect(count.text.trim()).toBe(String(inReview.length));
  });

  it.each(['landscape/', 'trials/'])('/%s states the excluded registry entries', (path) => {
    expect(readPage(path).querySelector('[data-count="excluded"]')?.text.trim()).toBe(String(excluded));
  });

  it('lists, on each outcome page, only trials of the review that contribute no data', () => {
    for (const slug of ['orr', 'cr', 'crs', 'gvhd', 'pfs']) {
      const data = JSON.parse(readFileSync(`${SITE_DIR}/data/outcomes/${slug}.json`, 'utf8'));
      const listed = readPage(`outcomes/${slug}/`).querySelectorAll('[data-not-reported]').map((li) => li.getAttribute('data-not-reported'));
      const contributing = new Set((data.studies ?? data.estimates).map((s: { nct: string }) => s.nct));
      expect(listed.length + contributing.size).toBe(inReview.length);
      expect(listed.filter((nct) => !inReview.some((trial) => trial.nct === nct))).toEqual([]);
    }
  });
});
