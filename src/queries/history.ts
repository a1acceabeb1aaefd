/**
 * The git history of the review's data (`content/trials`, `content/releases`), read at
 * build time for the changelog and the feed. A copy without usable history (a download,
 * a shallow CI clone, no git) gets an explicit "unavailable" result, never a failure.
 */
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { RELEASES_DIR, TRIALS_DIR } from '../lib/content-paths.ts';

export const HISTORY_PATHS = [TRIALS_DIR, RELEASES_DIR];

export type FileStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'changed type';

export interface CommitFile {
  status: FileStatus;
  /** The path after the commit (the new name of a renamed file). */
  path: string;
}

export interface Commit {
  hash: string;
  short: string;
  /** YYYY-MM-DD, the author date. */
  date: string;
  subject: string;
  files: CommitFile[];
}

export type History = { available: true; commits: Commit[] } | { available: false; reason: string };

const STATUS: Record<string, FileStatus> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'changed type' };

// Record and field separators that cannot occur in a subject line.
const RECORD = '\x1e';
const FIELD = '\x1f';
const FORMAT = `${RECORD}%H${FIELD}%h${FIELD}%ad${FIELD}%s`;

/** `git log --format=FORMAT --name-status` output -> commits, newest first as git prints them. */
export function parseGitLog(text: string): Commit[] {
  return text
    .split(RECORD)
    .filter((record) => record.trim())
    .map((record) => {
      const [header = '', ...lines] = record.split('\n');
      const [hash = '', short = '', date = '', subject = ''] = header.split(FIELD);
      const files = lines
        .filter((line) => line.trim())
        .map((line) => {
          const parts = line.split('\t');
          return { status: STATUS[parts[0]!.charAt(0)] ?? 'modified', path: parts.at(-1)! };
        });
      return { hash, short, date, subject, files };
    });
}

function git(dir: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    // Stop at `dir`: a folder that is not a repository must not borrow the history of one around it.
    env: { ...process.env, GIT_CEILING_DIRECTORIES: dirname(resolve(dir)) },
  });
}

/** The history of the data in the repository at `dir`, or why there is none. */
export function readHistory(dir: string = process.cwd()): History {
  let shallow: string;
  try {
    shallow = git(dir, ['rev-parse', '--is-shallow-repository']).trim();
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { available: false, reason: missing ? 'git is not installed where the site was built' : 'the site was built from a copy without git history' };
  }
  if (shallow === 'true') return { available: false, reason: 'the site was built from a shallow clone, which holds only the latest commits' };
  try {
    return { available: true, commits: parseGitLog(git(dir, ['log', '--date=short', `--format=${FORMAT}`, '--name-status', '--', ...HISTORY_PATHS])) };
  } catch {
    // A repository with no commits yet has no history to show.
    return { available: false, reason: 'the repository has no commits yet' };
  }
}

let history: History | undefined;

/** The history of this checkout, read once per build. */
export function getHistory(): History {
  history ??= readHistory();
  return history;
}
