import type { Trial } from '../../schema/trial.ts';

/**
 * Patients a trial contributes to the review: the largest denominator among the
 * outcomes its pooled cohorts report (0 when nothing is pooled). Reports do not give
 * one "n" for every outcome, so this is the best count of patients treated.
 * @example trialPatients(marin2024) // 37
 */
export function trialPatients(trial: Trial): number {
  const pooled = trial.cohorts.filter((cohort) => cohort.pooled.length > 0);
  return Math.max(0, ...pooled.flatMap((cohort) => Object.values(cohort.outcomes).map((value) => (value && 'n' in value && value.n) || 0)));
}
