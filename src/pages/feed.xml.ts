import type { APIRoute } from 'astro';
import { Feed } from 'feed';
import { escape } from 'html-escaper';
import { getReview } from '../queries/review.ts';
import { getChangeHistory, getReleases } from '../queries/releases.ts';
import { CHANGE_KIND_LABELS } from '../lib/vocabulary/labels.ts';
import { REVIEW_AUTHOR, REVIEW_TITLE } from '../lib/format/cite.ts';

const day = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * `/feed.xml`: an Atom feed of evidence changes, one entry per frozen version and per change,
 * each with its cause (new data, correction, method, registry) as the entry's category, so a
 * reader can follow the evidence and leave registry housekeeping out; computed from the frozen
 * versions and the current data, never from code history. Entries are plain text: the feed
 * declares them HTML, so every title and summary is escaped and a trial title can never become
 * markup in a reader's feed app.
 */
export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const url = (path: string) => new URL(`${base}${path}`, site).href;
  const review = await getReview();

  const releases = getReleases();
  const frozen = releases.map((release) => ({
    title: escape(`Version ${release.version} frozen`),
    id: url(`versions/${release.version}/`),
    link: url(`versions/${release.version}/`),
    date: day(release.date),
    description: escape(
      `A citable version: ${release.counts.trialsInReview} trials in the review, ${release.counts.trialsIncluded} with pooled outcomes.`,
    ),
  }));
  // Evidence first, registry housekeeping after it, within each comparison; the sort below is stable.
  const changes = getChangeHistory(review)
    .flatMap(({ evidence, registry }) => [...evidence, ...registry])
    .map((change) => ({
      title: escape(`${CHANGE_KIND_LABELS[change.kind]}: ${change.reason}`),
      id: url(`changes/#${encodeURIComponent(change.id)}`),
      link: url(`changes/#${encodeURIComponent(change.id)}`),
      date: day(change.date),
      category: [{ name: change.kind, term: change.kind }],
      description: escape(
        `${change.reason} Compared: ${change.from === 'current' ? 'current data' : `version ${change.from}`} with ${change.to === 'current' ? 'the current data' : `version ${change.to}`}.`,
      ),
    }));
  const entries = [...frozen, ...changes].sort((a, b) => b.date.getTime() - a.date.getTime());

  const feed = new Feed({
    title: 'CAR-NK Living Review: evidence updates',
    description: `Changes in the trials and pooled estimates of the ${REVIEW_TITLE}.`,
    id: url(''),
    link: url(''),
    language: 'en',
    copyright: REVIEW_AUTHOR,
    updated: entries[0]?.date ?? day(review.version.date),
    feedLinks: { atom: url('feed.xml') },
    author: { name: REVIEW_AUTHOR, link: url('') },
  });
  for (const entry of entries) feed.addItem(entry);
  return new Response(feed.atom1(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
