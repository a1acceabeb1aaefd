import { execFileSync } from 'node:child_process';
import type { CitableVersion } from '../lib/format/cite.ts';

export interface BuildInfo {
  /** Build date, YYYY-MM-DD. */
  date: string;
  /** Short commit hash, or undefined outside a git checkout. */
  commit: string | undefined;
}

function gitShortCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

// Read once per build: every page shows the same version.
const info: BuildInfo = {
  date: process.env.CARNK_BUILD_DATE ?? new Date().toISOString().slice(0, 10),
  commit: process.env.CARNK_COMMIT ?? gitShortCommit(),
};

export function getBuildInfo(): BuildInfo {
  return info;
}

/** The current version as a citable version: the site root, this build's date and commit. */
export function currentCitation(site: URL | undefined, base: string): CitableVersion {
  return { version: info.date, date: info.date, commit: info.commit, url: new URL(base, site).href };
}
