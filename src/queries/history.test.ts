import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseGitLog, readHistory } from './history.ts';

const root = resolve('tests/.out/history');
const repo = join(root, 'repo');

// A throwaway repository with a known history, never the project's own.
function git(cwd: string, ...args: string[]): void {
  const date = '2026-01-02T10:00:00Z';
  execFileSync('git', args, {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
}

beforeAll(() => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(repo, 'content/trials'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'content/trials/NCT00000001.mdx'), 'one\n');
  writeFileSync(join(repo, 'README.md'), 'not data\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'Add NCT00000001');
  writeFileSync(join(repo, 'content/trials/NCT00000001.mdx'), 'two\n');
  writeFileSync(join(repo, 'content/trials/NCT00000002.mdx'), 'new\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'Update NCT00000001; add NCT00000002');
  writeFileSync(join(repo, 'README.md'), 'still not data\n');
  git(repo, 'commit', '-q', '-am', 'Docs only');
  git(root, 'clone', '-q', '--depth', '1', `file://${repo}`, 'shallow');
  mkdirSync(join(root, 'plain'));
});

describe('readHistory', () => {
  it('lists the commits that touched the data, newest first, with their files', () => {
    const history = readHistory(repo);
    expect(history.available).toBe(true);
    if (!history.available) return;
    expect(history.commits.map(({ date, subject, files }) => ({ date, subject, files }))).toEqual([
      {
        date: '2026-01-02',
        subject: 'Update NCT00000001; add NCT00000002',
        files: [
          { status: 'modified', path: 'content/trials/NCT00000001.mdx' },
          { status: 'added', path: 'content/trials/NCT00000002.mdx' },
        ],
      },
      { date: '2026-01-02', subject: 'Add NCT00000001', files: [{ status: 'added', path: 'content/trials/NCT00000001.mdx' }] },
    ]);
    expect(history.commits[0]!.short).toMatch(/^[0-9a-f]{7,}$/);
  });

  it('is unavailable, with a reason, in a folder that is not a git repository', () => {
    expect(readHistory(join(root, 'plain'))).toEqual({ available: false, reason: 'the site was built from a copy without git history' });
  });

  it('is unavailable in a shallow clone, whose history is incomplete', () => {
    expect(readHistory(join(root, 'shallow'))).toMatchObject({ available: false, reason: expect.stringContaining('shallow clone') });
  });
});

describe('parseGitLog', () => {
  it('reads renames by their new name, and subjects with tabs', () => {
    const text = '\x1eabc123\x1fabc\x1f2026-03-04\x1fRename\ta trial\n\nR100\tcontent/trials/a.mdx\tcontent/trials/b.mdx\nD\tcontent/trials/c.mdx\n';
    expect(parseGitLog(text)).toEqual([
      {
        hash: 'abc123',
        short: 'abc',
        date: '2026-03-04',
        subject: 'Rename\ta trial',
        files: [
          { status: 'renamed', path: 'content/trials/b.mdx' },
          { status: 'deleted', path: 'content/trials/c.mdx' },
        ],
      },
    ]);
  });

  it('gives no commits for empty output', () => {
    expect(parseGitLog('')).toEqual([]);
  });
});
