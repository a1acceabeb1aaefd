/**
 * `npm run release -- [--date YYYY-MM-DD] [--trials DIR] [--dir DIR]`
 *
 * Freezes the review as it stands into `content/releases/<date>.json`: every validated
 * trial, every outcome's analysis in the public export shape, survival estimates and
 * counts. The file is committed and rendered at `/versions/<date>/` forever, so it is
 * computed here from the trial files and the pure analysis code, never through Astro,
 * and an existing snapshot is never overwritten.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildReview, freezeReview } from '../src/lib/review/build-review.ts';
import { releaseSchema } from '../src/lib/schema/release.ts';
import { formatIssue } from '../src/lib/validation/format-issue.ts';
import { loadSearch, loadSeedClaims } from './lib/review-files.ts';
import { TRIALS_DIR as DEFAULT_TRIALS_DIR } from '../src/lib/content-paths.ts';
import { loadTrials } from './lib/trial-files.ts';

export const DEFAULT_RELEASES_DIR = 'content/releases';

const HELP = `usage: npm run release -- [--date YYYY-MM-DD] [--trials DIR] [--dir DIR]

Writes <dir>/<date>.json, a frozen snapshot of the review's data and analyses.
  --date DATE   the version's date (default: today, UTC)
  --trials DIR  trial files to freeze (default: ${DEFAULT_TRIALS_DIR})
  --dir DIR     where snapshots live (default: ${DEFAULT_RELEASES_DIR})`;

/** A problem with the command line or an existing snapshot: one line, exit 2. */
function usageError(message: string): never {
  console.error(`release: ${message}`);
  process.exit(2);
}

function gitShortCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

let options: { date?: string; trials?: string; dir?: string; help?: boolean };
try {
  options = parseArgs({
    options: { date: { type: 'string' }, trials: { type: 'string' }, dir: { type: 'string' }, help: { type: 'boolean' } },
  }).values;
} catch (error) {
  usageError(error instanceof Error ? error.message : String(error));
}
if (options.help) {
  console.log(HELP);
  process.exit(0);
}

const date = options.date ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) usageError(`--date must be YYYY-MM-DD, got "${date}"`);

const trialsDir = options.trials ?? DEFAULT_TRIALS_DIR;
const { trials, errors } = loadTrials(trialsDir);
if (errors.length > 0) {
  for (const line of errors) console.error(line);
  console.error(`release: ${errors.length} problem(s) in ${trialsDir}; nothing was frozen`);
  process.exit(1);
}

const search = loadSearch();
const seedClaims = loadSeedClaims();
if (!search.ok || !seedClaims.ok) {
  for (const result of [search, seedClaims]) if (!result.ok) for (const line of result.errors) console.error(line);
  console.error('release: the review data files have problems; nothing was frozen');
  process.exit(1);
}
const release = freezeReview(
  buildReview({
    trials: trials.map(({ trial }) => trial),
    search: search.value,
    seedClaims: seedClaims.value.claims,
    version: { date, commit: gitShortCommit() },
  }),
);
// The same schema the site reads snapshots with: a snapshot that would break the build is never written.
const checked = releaseSchema.safeParse(release, { reportInput: true });
if (!checked.success) {
  for (const line of checked.error.issues.flatMap(formatIssue)) console.error(`release: ${line}`);
  process.exit(1);
}

const dir = options.dir ?? DEFAULT_RELEASES_DIR;
const file = join(dir, `${date}.json`);
mkdirSync(dir, { recursive: true });
try {
  // 'wx' fails if the file exists: a frozen version is never rewritten.
  writeFileSync(file, `${JSON.stringify(checked.data, null, 2)}\n`, { flag: 'wx' });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') usageError(`${file} already exists; a frozen version is never overwritten`);
  throw error;
}
console.log(`release: ${file} (${release.counts.trials} trials, ${release.outcomes.length} outcomes, commit ${release.commit ?? 'none'})`);
