import type { APIRoute } from 'astro';
import { Feed } from 'feed';
import { getBuildInfo } from '../queries/build-info.ts';
import { getHistory, type Commit } from '../queries/history.ts';
import { getReleases } from '../queries/releases.ts';
import { compareVersions, describeChanges } from '../lib/review/changes.ts';
import { REVIEW_AUTHOR, REVIEW_TITLE } from '../lib/format/cite.ts';
import type { Release } from '../lib/schema/release.ts';
import { htmlText } from '../lib/format/html-text.ts';

const day = (date: string) => new Date(`${date}T00:00:00Z`);

function releaseSummary(release: Release, previous: Release | undefined): string {
  if (!previous) {
    return `First frozen version: ${release.counts.trialsInReview} trials in the review, ${release.counts.trialsIncluded} with pooled outcomes.`;
  }
  return `Changes since version ${previous.version}: ${describeChanges(compareVersions(previous, release)).join(' ')}`;
}

const TRIAL_FILE = /^content\/trials\/(.+)\.mdx$/;

function commitSummary(commit: Commit): string {
  const byStatus = Map.groupBy(commit.files.filter((file) => TRIAL_FILE.test(file.path)), (file) => file.status);
  return [...byStatus].map(([status, files]) => `${status}: ${files.map((file) => file.path.replace(TRIAL_FILE, '$1')).join(', ')}`).join('; ');
}

/** `/feed.xml`: an Atom feed of evidence updates, one entry per frozen version and per commit to the trial files. */
export const GET: APIRoute = ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const url = (path: string) => new URL(`${base}${path}`, site).href;
  const releases = getReleases().toReversed();
  const history = getHistory();
  const { date } = getBuildInfo();

  const entries = [
    ...releases.map((release, i) => ({
      title: `Version ${release.version} frozen`,
      id: url(`versions/${release.version}/`),
      link: url(`versions/${release.version}/`),
      date: day(release.date),
      description: releaseSummary(release, releases[i - 1]),
    })),
    ...(history.available ? history.commits : [])
      .filter((commit) => commit.files.some((file) => TRIAL_FILE.test(file.path)))
      .map((commit) => ({
        title: commit.subject,
        id: url(`changes/#commit-${commit.short}`),
        link: url(`changes/#commit-${commit.short}`),
        date: day(commit.date),
        description: `Trial files ${commitSummary(commit)} (commit ${commit.short}).`,
      })),
  ].sort((a, b) => b.date.getTime() - a.date.getTime());

  const feed = new Feed({
    title: 'CAR-NK Living Review: evidence updates',
    description: `Frozen versions and changes to the trial data of the ${REVIEW_TITLE}.`,
    id: url(''),
    link: url(''),
    language: 'en',
    copyright: REVIEW_AUTHOR,
    updated: entries[0]?.date ?? day(date),
    feedLinks: { atom: url('feed.xml') },
    author: { name: REVIEW_AUTHOR, link: url('') },
  });
  for (const entry of entries) feed.addItem({ ...entry, title: htmlText(entry.title), description: htmlText(entry.description) });
  return new Response(feed.atom1(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
