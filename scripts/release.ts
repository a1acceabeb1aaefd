/**
 * `npm run release -- [--date YYYY-MM-DD] [--trials DIR] [--dir DIR] [--if-changed]`
 *
 * Freezes the review as it stands into `content/releases/<date>.json`: every validated
 * trial, every outcome's analysis in the public export shape, survival estimates and
 * counts. The file is committed and rendered at `/versions/<date>/` forever, so it is
 * computed here from the trial files and the pure analysis code, never through Astro,
 * and an existing snapshot is never overwritten. With --if-changed (the deploy workflow) it
 * freezes only when a published number moved since the newest snapshot.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isoDate, UsageError } from '../src/lib/cli/usage.ts';
import { RELEASES_DIR, TRIALS_DIR } from '../src/lib/content-paths.ts';
import { freezeReview } from '../src/lib/review/model/build-review.ts';
import { releaseSchema } from '../src/lib/schema/release.ts';
import { formatIssue } from '../src/lib/validation/format-issue.ts';
import { getBuildInfo } from '../src/queries/build-info.ts';
import { runCommand } from './lib/command.ts';
import { loadReview } from './lib/review-files.ts';
import { compareVersions } from '../src/lib/review/history/changes.ts';
import { readReleases } from '../src/queries/releases.ts';

const HELP = `usage: npm run release -- [--date YYYY-MM-DD] [--trials DIR] [--dir DIR] [--if-changed]

Writes <dir>/<date>.json, a frozen snapshot of the review's data and analyses.
  --date DATE    the version's date (default: today, UTC)
  --trials DIR   trial files to freeze (default: ${TRIALS_DIR})
  --dir DIR      where snapshots live (default: ${RELEASES_DIR})
  --if-changed   freeze only if a published number (an outcome's estimate, interval, studies or
                 patients) differs from the newest snapshot in DIR; otherwise say so and write nothing

Exit codes: 0 written; 1 content problems (nothing is written); 2 a usage error, or a snapshot
for that date already exists (a frozen version is never overwritten).`;

await runCommand({
  name: 'release',
  help: HELP,
  options: {
    date: { type: 'string' },
    trials: { type: 'string', default: TRIALS_DIR },
    dir: { type: 'string', default: RELEASES_DIR },
    'if-changed': { type: 'boolean' },
  },
  run(options) {
    const date = isoDate('date', options.date ?? new Date().toISOString().slice(0, 10));
    const { review, errors } = loadReview({ date, commit: getBuildInfo().commit }, '.', options.trials);
    if (!review) {
      for (const line of errors) console.error(line);
      console.error(`release: ${errors.length} problem(s) in the review's content; nothing was frozen`);
      return 1;
    }
    const release = freezeReview(review);
    const newest = options['if-changed'] ? readReleases(options.dir)[0] : undefined;
    if (newest) {
      const moved = compareVersions(
        { version: newest.version, trials: newest.trials, outcomes: newest.outcomes },
        { version: date, trials: release.trials, outcomes: release.outcomes },
      ).estimates;
      if (moved.length === 0) {
        console.log(`release: no published number moved since ${newest.version}; nothing frozen`);
        return 0;
      }
    }
    // The same schema the site reads snapshots with: a snapshot that would break the build is never written.
    const checked = releaseSchema.safeParse(release, { reportInput: true });
    if (!checked.success) {
      for (const line of checked.error.issues.flatMap(formatIssue)) console.error(`release: ${line}`);
      return 1;
    }

    const file = join(options.dir, `${date}.json`);
    mkdirSync(options.dir, { recursive: true });
    try {
      // 'wx' fails if the file exists: a frozen version is never rewritten.
      writeFileSync(file, `${JSON.stringify(checked.data, null, 2)}\n`, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${file} already exists; a frozen version is never overwritten`);
      throw error;
    }
    console.log(`release: ${file} (${release.counts.trials} trials, ${release.outcomes.length} outcomes, commit ${release.commit ?? 'none'})`);
    return 0;
  },
});
