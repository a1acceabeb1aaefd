import { validateTrialFile, type TrialFile, type ValidTrial } from './validate-trial-file.ts';

export interface TrialSetResult {
  trials: ValidTrial[];
  errors: string[];
}

const fileStem = (path: string) => path.replace(/^.*\//, '').replace(/\.mdx$/, '');

/** Validate every trial file, then the rules on names and across files (one file per NCT id, named after it). */
export function validateTrialFiles(files: TrialFile[]): TrialSetResult {
  const trials: ValidTrial[] = [];
  const errors: string[] = [];
  for (const file of files) {
    const result = validateTrialFile(file);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const { trial, path } = result.value;
    if (trial.nct !== fileStem(path)) {
      errors.push(`${path}: nct (${trial.nct}) does not match the file name (${fileStem(path)}.mdx)`);
    }
    trials.push(result.value);
  }
  const firstFileFor = new Map<string, string>();
  for (const { path, trial } of trials) {
    const first = firstFileFor.get(trial.nct);
    if (first) errors.push(`${path}: nct (${trial.nct}) duplicates ${first}`);
    else firstFileFor.set(trial.nct, path);
  }
  if (errors.length > 0) return { trials: [], errors };
  trials.sort((a, b) => a.trial.nct.localeCompare(b.trial.nct));
  return { trials, errors };
}
