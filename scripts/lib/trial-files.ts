import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TrialFile } from '../../src/lib/validation/validate-trial-file.ts';
import { validateTrialFiles, type TrialSetResult } from '../../src/lib/validation/validate-trial-files.ts';

export const DEFAULT_TRIALS_DIR = 'content/trials';

/** Read every `*.mdx` in a trials folder; paths are shown relative to the working directory. */
export function readTrialFiles(dir: string = DEFAULT_TRIALS_DIR): TrialFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return { path: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') };
    });
}

export function loadTrials(dir: string = DEFAULT_TRIALS_DIR): TrialSetResult {
  return validateTrialFiles(readTrialFiles(dir));
}
