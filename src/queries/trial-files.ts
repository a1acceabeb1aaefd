import { lstatSync, readdirSync, readFileSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { TRIALS_DIR } from '../lib/content-paths.ts';
import { loadTrialFolder, type TrialFolderEntry } from '../lib/validation/trial-folder.ts';
import type { TrialSetResult } from '../lib/validation/validate-trial-files.ts';

/*
 * The file-system side of reading the trials folder, kept this thin: what an entry may be and
 * how a trial file is read are src/lib's (validation/trial-folder.ts), which does no I/O. The
 * content collection, the build and every command read trials through this one function.
 */

const shown = (path: string) => relative(process.cwd(), path) || path;

const kindOf = (stat: Stats): TrialFolderEntry['kind'] =>
  stat.isSymbolicLink() ? 'symbolic-link' : stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : 'other';

/** Every trial in a folder through the one reader; any problem with any entry empties `trials`. */
export function loadTrials(dir: string = TRIALS_DIR): TrialSetResult {
  const entries = readdirSync(dir)
    .sort()
    .map((name): TrialFolderEntry => {
      const path = join(dir, name);
      const stat = lstatSync(path);
      return { path: shown(path), kind: kindOf(stat), bytes: stat.size, read: () => readFileSync(path, 'utf8') };
    });
  return loadTrialFolder(entries);
}
