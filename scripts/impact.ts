/**
 * `npm run impact -- --base <git ref> [--json]`
 *
 * What the working tree's content does to the review compared with a git ref (a pull
 * request against its base): both reviews are built by the same buildReview(), the base
 * from the trial files of `git archive <ref> content/trials` in a temporary folder. Prints a Markdown table of the
 * outcomes that change, or with --json `{ base, outcomes: [{ slug, before, after, ... }] }`
 * (before/after null where nothing is pooled). Bad input: one line on stderr, exit 2;
 * invalid content on either side: its problems, exit 1.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../src/lib/cli/usage.ts';
import { impactMarkdown, reviewImpact } from '../src/lib/review/history/impact.ts';
import { runCommand } from './lib/command.ts';
import { loadReview } from './lib/review-files.ts';
import { TRIALS_DIR } from '../src/lib/content-paths.ts';

const HELP = `usage: npm run --silent impact -- --base REF [--json]

What the working tree's content does to each pooled outcome compared with the git ref REF: both
reviews are built by the same code, the base from REF's trial files. Prints a Markdown table of
the outcomes that change, or with --json { base, outcomes: [...] } (before/after null where
nothing is pooled). The search record and seed claims come from the working tree on both sides.

Exit codes: 0 compared; 1 the content at either side has problems (listed, one a line) or git
failed; 2 a usage error or a REF that is not a commit.`;

await runCommand({
  name: 'impact',
  help: HELP,
  options: { base: { type: 'string' }, json: { type: 'boolean', default: false } },
  run({ base, json }) {
    if (base === undefined) throw new UsageError('missing --base <git ref>');
    let commit: string;
    try {
      commit = execFileSync('git', ['rev-parse', '--short', '--verify', `${base}^{commit}`], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      throw new UsageError(`${base} is not a commit in this repository`);
    }

    // The base's content, as committed, in a folder of its own.
    const root = mkdtempSync(join(tmpdir(), 'carnk-impact-'));
    try {
      const archive = spawnSync('git', ['archive', '--format=tar', commit, TRIALS_DIR], { maxBuffer: 1 << 30 });
      if (archive.status !== 0) throw new Error(`git archive ${base} ${TRIALS_DIR} failed: ${archive.stderr.toString().trim()}`);
      const untar = spawnSync('tar', ['-x', '-C', root], { input: archive.stdout });
      if (untar.status !== 0) throw new Error(`cannot unpack ${base}'s content: ${untar.stderr.toString().trim()}`);

      const date = new Date().toISOString().slice(0, 10);
      // Only the trial files decide the pooled outcomes; the search record and seed claims come from
      // the working tree on both sides, so a change to their schema does not stop the comparison.
      const before = loadReview({ date, commit }, '.', join(root, TRIALS_DIR));
      const after = loadReview({ date, commit: undefined });
      for (const [side, result] of [
        [`${base} (${commit})`, before],
        ['the working tree', after],
      ] as const) {
        if (!result.review) {
          for (const line of result.errors) console.error(line);
          console.error(`impact: the content at ${side} has ${result.errors.length} problem(s)`);
          return 1;
        }
      }
      const impacts = reviewImpact(before.review!.exports.outcomes, after.review!.exports.outcomes);
      if (json) console.log(JSON.stringify({ base: commit, outcomes: impacts }, null, 2));
      else process.stdout.write(impactMarkdown(impacts, `${base} (${commit})`));
      return 0;
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
});
