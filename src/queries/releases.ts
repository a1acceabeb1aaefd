/**
 * The frozen versions of the review (`content/releases/<YYYY-MM-DD>.json`), read and
 * checked once per build. A snapshot that does not match its schema fails the build with
 * one `file: field rule` line per problem: a citable version must never render wrongly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RELEASES_DIR } from '../lib/content-paths.ts';
import type { EvidenceState } from '../lib/review/history/changes.ts';
import { changeHistory, type VersionComparison } from '../lib/review/history/change-causes.ts';
import { releaseSchema, type Release } from '../lib/schema/release.ts';
import { validateYamlFile } from '../lib/validation/validate-yaml-file.ts';
import type { Review } from './review.ts';

const SNAPSHOT_NAME = /^(\d{4}-\d{2}-\d{2})\.json$/;

/** Every valid snapshot in `dir`, newest first, and one `file: field rule` line per problem; none when the folder is missing. */
export function validateReleases(dir: string = RELEASES_DIR): { releases: { path: string; release: Release }[]; errors: string[] } {
  if (!existsSync(dir)) return { releases: [], errors: [] };
  const errors: string[] = [];
  const releases: { path: string; release: Release }[] = [];
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .reverse()) {
    const path = join(dir, name);
    const stem = SNAPSHOT_NAME.exec(name)?.[1];
    if (!stem) {
      errors.push(`${path}: file name must be YYYY-MM-DD.json`);
      continue;
    }
    // JSON is YAML, so the shared reader gives the same one-line messages as every other data file.
    const result = validateYamlFile({ path, text: readFileSync(path, 'utf8') }, releaseSchema);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    if (result.value.version !== stem) errors.push(`${path}: version (${result.value.version}) does not match the file name (${name})`);
    else releases.push({ path, release: result.value });
  }
  return { releases, errors };
}

/** Every snapshot in `dir`, newest first; none when the folder is missing. Throws on any problem. */
export function readReleases(dir: string = RELEASES_DIR): Release[] {
  const { releases, errors } = validateReleases(dir);
  if (errors.length > 0) throw new Error(`frozen versions are broken:\n${errors.join('\n')}`);
  return releases.map(({ release }) => release);
}

let releases: Release[] | undefined;

/** The snapshots the site renders, newest first (`CARNK_RELEASES_DIR` points tests at fixtures). */
export function getReleases(): Release[] {
  releases ??= readReleases(process.env.CARNK_RELEASES_DIR ?? RELEASES_DIR);
  return releases;
}

/**
 * Every version of the evidence oldest first, the current data (`getReview()`) last, in the
 * one shape the changelog compares: the current outcomes go through the same export as a
 * snapshot's. The review is passed in so this module never loads Astro's content collection.
 */
export function getEvidenceStates(review: Review): EvidenceState[] {
  const current: EvidenceState = {
    version: 'current',
    trials: review.trials,
    outcomes: review.exports.outcomes,
  };
  return [...getReleases().toReversed(), current];
}

/** Every version against the one before it, newest first, each change with its cause. */
export function getChangeHistory(review: Review): VersionComparison[] {
  return changeHistory(getEvidenceStates(review), review.version.date);
}
