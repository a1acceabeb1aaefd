import type { APIRoute } from 'astro';
import { Feed } from 'feed';
import { escape } from 'html-escaper';
import { getReview } from '../queries/review.ts';
import { getEvidenceStates, getReleases } from '../queries/releases.ts';
import { consecutiveChanges, evidenceEvents } from '../lib/review/history/changes.ts';
import { REVIEW_AUTHOR, REVIEW_TITLE } from '../lib/format/cite.ts';

const day = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * `/feed.xml`: an Atom feed of evidence changes, one entry per frozen version and per change
 * (an estimate that moved, a trial added, new results, corrected data), computed from the
 * frozen versions and the current data; never from code history. Entries are plain text: the feed declares them HTML, so every title and
 * summary is escaped and a trial title can never become markup in a reader's feed app.
 */
export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const url = (path: string) => new URL(`${base}${path}`, site).href;
  const review = await getReview();
  const titles = new Map(review.trials.map((trial) => [trial.nct, trial.shortName ?? trial.title]));
  const dateOf = (version: string) => day(version === 'current' ? review.version.date : version);

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
  const changes = consecutiveChanges(getEvidenceStates(review))
    .flatMap((comparison) => evidenceEvents(comparison, titles))
    .map((event) => ({
      title: escape(event.title),
      id: url(`changes/#${encodeURIComponent(event.id)}`),
      link: url(`changes/#${encodeURIComponent(event.id)}`),
      date: dateOf(event.to),
      description: escape(
        `${event.title}. Compared: ${event.from === 'current' ? 'current data' : `version ${event.from}`} with ${event.to === 'current' ? 'the current data' : `version ${event.to}`}.`,
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
