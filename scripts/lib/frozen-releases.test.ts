import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LegacyOutcomeExport } from '../../src/lib/schema/exports.ts';
import { legacyRelease, type WrittenRelease } from '../../tests/releases.ts';
import { checkFrozenReleases } from './frozen-releases.ts';

const SNAPSHOT = readFileSync('content/releases/2026-11-29.json', 'utf8');
const identity = ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false'];

let repo: string;
let dir: string;
let file: string;
const git = (args: string[], cwd = repo) => execFileSync('git', [...identity, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const commit = (message: string) => {
  git(['add', '-A']);
  git(['commit', '-q', '-m', message]);
  return git(['rev-parse', 'HEAD']).trim();
};
const edit = (change: (release: WrittenRelease<LegacyOutcomeExport>) => void) => {
  const release = legacyRelease(file);
  change(release);
  writeFileSync(file, JSON.stringify(release, null, 2));
};
const check = (run = (args: string[]) => git(args)) => checkFrozenReleases(dir, run);

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'frozen-'));
  dir = join(repo, 'releases');
  file = join(dir, '2026-11-29.json');
  mkdirSync(dir);
  git(['init', '-q']);
  writeFileSync(file, SNAPSHOT);
  commit('Freeze 2026-11-29');
});

afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('frozen versions against their first commit', () => {
  it('accept the version as committed, reformatted, or with a DOI added', () => {
    expect(check()).toEqual({ errors: [], warnings: [] });
    edit((release) => (release.doi = '10.5281/zenodo.1234567'));
    expect(check()).toEqual({ errors: [], warnings: [] });
    commit('Record the DOI');
    expect(check()).toEqual({ errors: [], warnings: [] });
  });

  it('refuse any other edit in one line naming the file and the field, committed or not', () => {
    edit((release) => (release.outcomes[0]!.result!.patients = 55));
    const line = `${file}: outcomes[0].result.patients changed since its first commit`;
    expect(check().errors).toEqual([expect.stringContaining(line)]);
    commit('Recount');
    expect(check().errors).toEqual([expect.stringContaining(line)]);
  });

  it('refuse a DOI changed once recorded, and a field removed', () => {
    edit((release) => (release.doi = '10.5281/zenodo.1234567'));
    commit('Record the DOI');
    edit((release) => {
      release.doi = '10.5281/zenodo.7654321';
      delete release.trials[0]!.product;
    });
    expect(check().errors.map((line) => line.split(' changed since')[0])).toEqual([`${file}: trials[0].product`, `${file}: doi`]);
  });

  it('refuse a forged estimate outside its interval in one line, before comparing with git', () => {
    edit((release) => (release.outcomes[0]!.result!.pooled.proportion = 0.9));
    expect(check().errors).toEqual([
      `${file}: outcomes[0].result.pooled.proportion (0.9) lies outside its own ci [0.1797167351285704, 0.7221025081664066]`,
    ]);
  });

  it('compare with the latest reviewed correction, and refuse a correction that names another commit', () => {
    edit((release) => (release.trials[0]!.extraction.extractedBy = 'Extraction: the review team'));
    const corrected = commit('Rename a label');
    writeFileSync(join(dir, 'corrections.yaml'), `corrections:\n  - version: 2026-11-29\n    commit: ${corrected}\n    reason: a label renamed\n`);
    const listed = commit('List the correction');
    expect(check().errors).toEqual([]);
    writeFileSync(
      join(dir, 'corrections.yaml'),
      `corrections:\n  - version: 2026-11-29\n    commit: ${listed}\n    reason: not a change to the version\n`,
    );
    const errors = check().errors;
    expect(errors[0]).toBe(`${join(dir, 'corrections.yaml')}: commit ${listed} did not change ${file}`);
    expect(errors[1]).toContain(`${file}: trials[0].extraction.extractedBy changed since its first commit`);
  });

  it('refuse a correction that changes more than text, and compare with the version before it', () => {
    edit((release) => (release.outcomes[0]!.result!.patients = 55));
    const recount = commit('Recount');
    writeFileSync(join(dir, 'corrections.yaml'), `corrections:\n  - version: 2026-11-29\n    commit: ${recount}\n    reason: only a label\n`);
    commit('List it as a correction');
    const errors = check().errors;
    expect(errors[0]).toBe(
      `${join(dir, 'corrections.yaml')}: commit ${recount} changes more than text in ${file} (outcomes[0].result.patients); a correction may only reword`,
    );
    expect(errors[1]).toContain(`${file}: outcomes[0].result.patients changed since its first commit`);
  });

  it('refuse a version removed, committed or not', () => {
    rmSync(file);
    writeFileSync(join(dir, '2026-12-01.json'), SNAPSHOT.replaceAll('"2026-11-29"', '"2026-12-01"'));
    const removed = `${relative(process.cwd(), file)}: a frozen version was removed; versions are never deleted (restore it from git)`;
    expect(check().errors).toEqual([removed]);
    commit('Replace the version');
    expect(check().errors).toEqual([removed]);
  });

  it('accept a new version not yet committed', () => {
    writeFileSync(join(dir, '2026-12-01.json'), SNAPSHOT.replaceAll('"2026-11-29"', '"2026-12-01"'));
    expect(check()).toEqual({ errors: [], warnings: [] });
  });

  it('say so when the history cannot be read: no git, no checkout, a shallow clone', () => {
    const noGit = () => {
      throw Object.assign(new Error('spawn git ENOENT'), { code: 'ENOENT' });
    };
    expect(check(noGit)).toEqual({ errors: [], warnings: [`${dir}: frozen versions checked against their schema only: git is not installed`] });
    rmSync(join(repo, '.git'), { recursive: true });
    // The scratch folder may sit inside another checkout (the test runner's): git must not look above it.
    const outside = (args: string[]) =>
      execFileSync('git', args, {
        cwd: repo,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, GIT_CEILING_DIRECTORIES: dirname(repo) },
      });
    expect(check(outside).warnings).toEqual([`${dir}: frozen versions checked against their schema only: this is not a git checkout`]);
  });

  it('say so in a shallow clone, and check a full clone like the original', () => {
    edit((release) => (release.outcomes[0]!.result!.patients = 55));
    commit('Recount');
    const clones = mkdtempSync(join(tmpdir(), 'frozen-clones-'));
    try {
      for (const [name, depth] of [
        ['shallow', ['--depth', '1']],
        ['full', []],
      ] as const) {
        git(['clone', '-q', ...depth, `file://${repo}`, name], clones);
        dir = join(clones, name, 'releases');
        file = join(dir, '2026-11-29.json');
        const result = checkFrozenReleases(dir, (args) => git(args, join(clones, name)));
        if (name === 'shallow') expect(result).toEqual({ errors: [], warnings: [expect.stringContaining('the clone is shallow')] });
        else expect(result.errors).toEqual([expect.stringContaining(`${file}: outcomes[0].result.patients changed since its first commit`)]);
      }
    } finally {
      rmSync(clones, { recursive: true, force: true });
    }
  });
});
