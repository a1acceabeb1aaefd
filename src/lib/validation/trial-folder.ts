import { MAX_TRIAL_FILE_BYTES, tooLargeMessage, type TrialFile } from './validate-trial-file.ts';
import { validateTrialFiles, type TrialSetResult } from './validate-trial-files.ts';

/** One entry of a trials folder as the file system describes it; `read` is called only for a plain file of allowed size. */
export interface TrialFolderEntry {
  path: string;
  kind: 'file' | 'symbolic-link' | 'folder' | 'other';
  bytes: number;
  read: () => string;
}

/** Why an entry cannot be a trial file, or undefined when it is a plain file small enough to read. */
function entryProblem({ kind, bytes }: TrialFolderEntry): string | undefined {
  if (kind === 'symbolic-link') return 'is a symbolic link; trial files must be plain files';
  if (kind === 'folder') return 'is a folder; the trials folder holds only NCT01234567.mdx files';
  if (kind === 'other') return 'is not a plain file';
  if (bytes > MAX_TRIAL_FILE_BYTES) return tooLargeMessage(bytes);
  return undefined;
}

/**
 * Every trial in a folder through the one reader. Only regular files are read (a link could
 * reach outside the repository, a folder is not a trial); anything else, and any file too
 * large to be a trial, is one error line. Names are judged by validateTrialFiles. Any problem
 * with any entry empties `trials`.
 */
export function loadTrialFolder(entries: TrialFolderEntry[]): TrialSetResult {
  const files: TrialFile[] = [];
  const entryErrors: string[] = [];
  for (const entry of entries) {
    const problem = entryProblem(entry);
    if (problem) entryErrors.push(`${entry.path}: ${problem}`);
    else files.push({ path: entry.path, text: entry.read() });
  }
  const result = validateTrialFiles(files);
  const errors = [...entryErrors, ...result.errors];
  return errors.length > 0 ? { trials: [], errors } : result;
}
