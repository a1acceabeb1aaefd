import { loadCertaintyJudgements, loadDecisionThresholds, loadSearch, loadSeedClaims } from './review-files.ts';
import { TRIALS_DIR } from '../../src/lib/content-paths.ts';
import { loadTrials } from '../../src/queries/trial-files.ts';

/**
 * Every content rule `npm run check` and `npm run build` enforce: the trial files in
 * `dir`, and with the real trials also the review's data files (fixture folders have none).
 */
export function checkContent(dir: string = TRIALS_DIR): { trialCount: number; errors: string[] } {
  const { trials, errors } = loadTrials(dir);
  if (dir === TRIALS_DIR) {
    for (const result of [loadSearch(), loadSeedClaims(), loadCertaintyJudgements(), loadDecisionThresholds()])
      if (!result.ok) errors.push(...result.errors);
  }
  return { trialCount: trials.length, errors };
}
