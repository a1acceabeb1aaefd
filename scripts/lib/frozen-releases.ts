/**
 * The frozen versions `npm run check` and `npm run build` accept: each valid against its schema
 * and, read from git, equal to the text it was committed with (only a `doi` may be added).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { RELEASES_DIR } from '../../src/lib/content-paths.ts';
import { releaseCorrectionsSchema, type ReleaseCorrection } from '../../src/lib/schema/release.ts';
import { frozenEdits, nonTextEdits } from '../../src/lib/validation/frozen-release.ts';
import { validateYamlFile } from '../../src/lib/validation/validate-yaml-file.ts';
import { validateReleases } from '../../src/queries/releases.ts';

type Git = (args: string[]) => string;

/** Beside the versions it concerns. */
const CORRECTIONS_FILE = 'corrections.yaml';

const git: Git = (args) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });

/** The repository's top folder, or why its history cannot be read here. */
function repository(run: Git): { top: string } | { unavailable: string } {
  try {
    if (run(['rev-parse', '--is-shallow-repository']).trim() === 'true') {
      return { unavailable: 'the clone is shallow (git fetch --unshallow reads the full history)' };
    }
    return { top: run(['rev-parse', '--show-toplevel']).trim() };
  } catch (error) {
    return { unavailable: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : 'this is not a git checkout' };
  }
}

/**
 * The commits that changed `path` (from the repository's top), newest first; empty when it was never committed (a new version,
 * or a folder outside the repository). Renames count as adding the file under its new name.
 */
function commitsOf(run: Git, path: string): string[] {
  try {
    return run(['log', '--no-renames', '--format=%H', '--', `:/${path}`])
      .split('\n')
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** Every version ever committed in `dir` (from the repository's top) that is no longer there. */
function removedVersions(run: Git, dir: string, top: string): string[] {
  if (dir.startsWith('..')) return [];
  try {
    const added = run(['log', '--no-renames', '--diff-filter=A', '--name-only', '--format=', '--', `:/${dir}/*.json`])
      .split('\n')
      .filter(Boolean);
    return [...new Set(added)].filter((path) => !existsSync(join(top, path))).map((path) => relative(process.cwd(), join(top, path)));
  } catch {
    return [];
  }
}

function readCorrections(path: string): { corrections: ReleaseCorrection[]; errors: string[] } {
  if (!existsSync(path)) return { corrections: [], errors: [] };
  const result = validateYamlFile({ path, text: readFileSync(path, 'utf8') }, releaseCorrectionsSchema);
  return result.ok ? { corrections: result.value.corrections, errors: [] } : { corrections: [], errors: result.errors };
}

/**
 * Every snapshot in `dir` checked against its schema, then against its text at the commit it is
 * frozen from: its first commit, or the latest reviewed correction (`corrections.yaml`). Errors are
 * `file: field rule` lines; warnings say what could not be compared, and why.
 */
export function checkFrozenReleases(dir: string = RELEASES_DIR, run: Git = git): { errors: string[]; warnings: string[] } {
  const { releases, errors } = validateReleases(dir);
  const warnings: string[] = [];
  const correctionsFile = join(dir, CORRECTIONS_FILE);
  const { corrections, errors: correctionErrors } = readCorrections(correctionsFile);
  errors.push(...correctionErrors);

  const repo = repository(run);
  if ('unavailable' in repo) {
    warnings.push(`${dir}: frozen versions checked against their schema only: ${repo.unavailable}`);
    return { errors, warnings };
  }
  for (const path of removedVersions(run, relative(repo.top, resolve(dir)).split(sep).join('/'), repo.top)) {
    errors.push(`${path}: a frozen version was removed; versions are never deleted (restore it from git)`);
  }
  for (const { path, release } of releases) {
    const inRepo = relative(repo.top, resolve(path)).split(sep).join('/');
    // Outside the repository (a test's scratch folder) nothing is committed.
    const commits = inRepo.startsWith('..') ? [] : commitsOf(run, inRepo);
    const listed = corrections.filter((correction) => correction.version === release.version);
    for (const { commit } of listed) {
      if (!commits.includes(commit)) errors.push(`${correctionsFile}: commit ${commit} did not change ${path}`);
    }
    const first = commits.at(-1);
    if (!first) continue; // Not committed yet: a new version, compared from its first commit on.
    const committed = (commit: string): Record<string, unknown> => JSON.parse(run(['show', `${commit}:${inRepo}`])) as Record<string, unknown>;
    let baseline = first;
    let frozen: Record<string, unknown>;
    try {
      frozen = committed(first);
      // Oldest first, each reviewed correction becomes the baseline, if it only reworded text since the last one.
      for (const commit of commits.toReversed().filter((c) => listed.some((correction) => correction.commit === c))) {
        const corrected = committed(commit);
        const recounted = nonTextEdits(frozen, corrected);
        if (recounted.length > 0) {
          errors.push(
            `${correctionsFile}: commit ${commit} changes more than text in ${path} (${recounted.slice(0, 3).join(', ')}); a correction may only reword`,
          );
          break;
        }
        [baseline, frozen] = [commit, corrected];
      }
      // A DOI may be added once; from the commit that recorded it on, it is part of the version.
      if (frozen.doi === undefined) {
        const later = commits.slice(0, commits.indexOf(baseline)).toReversed();
        const doi = later.map(committed).find((version) => version.doi !== undefined)?.doi;
        if (doi !== undefined) frozen = { ...frozen, doi };
      }
    } catch (error) {
      errors.push(`${path}: could not read the version as committed in ${baseline.slice(0, 7)} (${(error as Error).message.split('\n')[0]})`);
      continue;
    }
    const from = baseline === first ? `its first commit (${baseline.slice(0, 7)})` : `its reviewed correction (${baseline.slice(0, 7)})`;
    errors.push(...frozenEdits(frozen, JSON.parse(readFileSync(path, 'utf8')), from).map((line) => `${path}: ${line}`));
  }
  return { errors, warnings };
}
