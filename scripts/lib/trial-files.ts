import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TRIALS_DIR } from '../../src/lib/content-paths.ts';
import { MAX_TRIAL_FILE_BYTES, tooLargeMessage, type TrialFile } from '../../src/lib/validation/validate-trial-file.ts';
import { validateTrialFiles, type TrialSetResult } from '../../src/lib/validation/validate-trial-files.ts';

const shown = (path: string) => relative(process.cwd(), path) || path;

/**
 * Read every entry of a trials folder. Only regular files are read (a link could
 * reach outside the repository, a folder is not a trial); anything else, and any
 * file too large to be a trial, is one error line. Names are judged by validateTrialFiles.
 */
export function readTrialFiles(dir: string = TRIALS_DIR): { files: TrialFile[]; errors: string[] } {
  const files: TrialFile[] = [];
  const errors: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) errors.push(`${shown(path)}: is a symbolic link; trial files must be plain files`);
    else if (stat.isDirectory()) errors.push(`${shown(path)}: is a folder; the trials folder holds only NCT01234567.mdx files`);
    else if (!stat.isFile()) errors.push(`${shown(path)}: is not a plain file`);
    else if (stat.size > MAX_TRIAL_FILE_BYTES) errors.push(`${shown(path)}: ${tooLargeMessage(stat.size)}`);
    else files.push({ path: shown(path), text: readFileSync(path, 'utf8') });
  }
  return { files, errors };
}

/** Every trial in a folder through the one reader; any problem with any entry empties `trials`. */
export function loadTrials(dir: string = TRIALS_DIR): TrialSetResult {
  const read = readTrialFiles(dir);
  const result = validateTrialFiles(read.files);
  const errors = [...read.errors, ...result.errors];
  return errors.length > 0 ? { trials: [], errors } : result;
}
