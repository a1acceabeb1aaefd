import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TRIALS_DIR } from '../../src/lib/content-paths.ts';
import type { TrialFile } from '../../src/lib/validation/validate-trial-file.ts';
import { validateTrialFiles, type TrialSetResult } from '../../src/lib/validation/validate-trial-files.ts';

/** Read every `*.mdx` in a trials folder; paths are shown relative to the working directory. */
export function readTrialFiles(dir: string = TRIALS_DIR): TrialFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return { path: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') };
    });
}

export function loadTrials(dir: string = TRIALS_DIR): TrialSetResult {
  return validateTrialFiles(readTrialFiles(dir));
}
