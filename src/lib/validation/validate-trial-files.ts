import { validateTrialFile, type TrialFile, type ValidTrial } from './validate-trial-file.ts';

export interface TrialSetResult {
  trials: ValidTrial[];
  errors: string[];
}

/** The only name a file in the trials folder may have: its NCT id, upper case, `.mdx`. */
export const TRIAL_FILE_NAME = /^NCT\d{8}\.mdx$/;

const fileName = (path: string) => path.replace(/^.*\//, '');

/**
 * Validate every trial file, then the rules on names: each file is named after the
 * NCT id it holds, so no two files can hold the same trial. A file with any other
 * name (another extension, another case, a copy) is one error and is not read.
 */
export function validateTrialFiles(files: TrialFile[]): TrialSetResult {
  const trials: ValidTrial[] = [];
  const errors: string[] = [];
  for (const file of files) {
    const name = fileName(file.path);
    if (!TRIAL_FILE_NAME.test(name)) {
      errors.push(`${file.path}: file name must be an NCT id and .mdx (NCT followed by 8 digits), like NCT01234567.mdx`);
      continue;
    }
    const result = validateTrialFile(file);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const { trial, path } = result.value;
    if (`${trial.nct}.mdx` !== name) errors.push(`${path}: nct (${trial.nct}) does not match the file name (${name})`);
    trials.push(result.value);
  }
  if (errors.length > 0) return { trials: [], errors };
  trials.sort((a, b) => a.trial.nct.localeCompare(b.trial.nct));
  return { trials, errors };
}
