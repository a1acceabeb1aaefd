import { loadCertaintyJudgements, loadDecisionThresholds, loadSearch, loadSeedClaims } from './review-files.ts';
import { RELEASES_DIR, TRIALS_DIR } from '../../src/lib/content-paths.ts';
import { trialWarnings } from '../../src/lib/validation/trial-warnings.ts';
import { checkFrozenReleases } from './frozen-releases.ts';
import { loadTrials } from '../../src/queries/trial-files.ts';

/**
 * Every content rule `npm run check` and `npm run build` enforce: the trial files in `dir`, and
 * with the real trials also the review's data files and frozen versions (fixture folders have
 * none). Warnings are `file: field rule` lines that refuse nothing.
 */
export function checkContent(
  dir: string = TRIALS_DIR,
  releasesDir = process.env.CARNK_RELEASES_DIR ?? RELEASES_DIR,
): { trialCount: number; errors: string[]; warnings: string[] } {
  const { trials, errors } = loadTrials(dir);
  const warnings = trials.flatMap(({ path, trial }) => trialWarnings(trial).map((line) => `${path}: ${line}`));
  if (dir === TRIALS_DIR) {
    for (const result of [loadSearch(), loadSeedClaims(), loadCertaintyJudgements(), loadDecisionThresholds()]) {
      if (!result.ok) errors.push(...result.errors);
    }
    const releases = checkFrozenReleases(releasesDir);
    errors.push(...releases.errors);
    warnings.push(...releases.warnings);
  }
  return { trialCount: trials.length, errors, warnings };
}
