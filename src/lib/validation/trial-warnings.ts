import { MAX_COUNT, type Trial } from '../schema/trial.ts';

/**
 * What `npm run check` points out without refusing the file, as `field rule` lines. A trial
 * whose enrollment no record states keeps its counts, bounded only by the plausibility ceiling,
 * so the registry record is worth finding before its counts carry weight.
 */
export function trialWarnings(trial: Trial): string[] {
  const counted = trial.cohorts.some((cohort) => Object.values(cohort.outcomes).some((value) => value && 'n' in value && value.n !== undefined));
  if (trial.registry.enrollment || !counted) return [];
  return [`registry.enrollment is not on record: its counts are bounded only by the plausibility ceiling (${MAX_COUNT})`];
}
