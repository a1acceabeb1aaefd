/**
 * Every count of trials, reports and registrations that a page states, computed in one place,
 * so the home page, the trials and landscape pages, the limitations and the contribution page
 * cannot disagree. Each count is the length of a list defined here or in the extraction queue.
 */
import type { SearchRecord } from '../../schema/search.ts';
import { INCLUSION_STATUSES, type InclusionStatus, type Trial } from '../../schema/trial.ts';
import { extractionQueue } from './extraction-queue.ts';

/** The registered CAR-NK cancer trials the review follows: every trial file not excluded. */
export const trialsInReview = (trials: Trial[]): Trial[] => trials.filter((trial) => trial.inclusion.status !== 'excluded');

/** Trials in the review with extracted numbers that no second reader has checked yet. */
export function secondChecksPending(trials: Trial[]): Trial[] {
  return trialsInReview(trials).filter(
    (trial) => !trial.extraction.checkedBy && trial.cohorts.some((cohort) => Object.values(cohort.outcomes).some((value) => value !== undefined)),
  );
}

/** Trials in the review whose registry facts were not read from the registry's own record (or whose source kind was not recorded). */
export function registryFactsToCheck(trials: Trial[]): Trial[] {
  return trialsInReview(trials).filter((trial) => trial.registry.checked.kind !== 'registry');
}

export interface ReviewCounts {
  /** Every trial file. */
  trials: number;
  /** Trials not excluded: the registered CAR-NK cancer trials the review follows. */
  inReview: number;
  /** Trials by inclusion status. */
  byInclusion: Record<InclusionStatus, number>;
  /** Included trials with at least one pooled outcome. */
  pooled: number;
  /** Publications of trials in the review not yet extracted in full: the extraction queue. */
  reportsToExtract: number;
  /** Of those, the ones that could not be read in full. */
  reportsNotReadable: number;
  secondChecksPending: number;
  registryFactsToCheck: number;
  /** Registrations identified by the search without a trial file: no record read, no number seen, or awaiting classification. */
  registrationsAwaitingClassification: number;
  /** Registrations set aside with a reason before a trial file was made. */
  registrationsExcluded: number;
}

export function countReview(trials: Trial[], search: Pick<SearchRecord, 'identifiedNotAdded' | 'excludedRegistrations'>): ReviewCounts {
  const byInclusion = Object.fromEntries(INCLUSION_STATUSES.map((status) => [status, 0])) as Record<InclusionStatus, number>;
  for (const trial of trials) byInclusion[trial.inclusion.status] += 1;
  const queue = extractionQueue(trials);
  return {
    trials: trials.length,
    inReview: trialsInReview(trials).length,
    byInclusion,
    pooled: trials.filter((trial) => trial.cohorts.some((cohort) => cohort.pooled.length > 0)).length,
    reportsToExtract: queue.length,
    reportsNotReadable: queue.filter((entry) => entry.state === 'not-readable').length,
    secondChecksPending: secondChecksPending(trials).length,
    registryFactsToCheck: registryFactsToCheck(trials).length,
    registrationsAwaitingClassification: search.identifiedNotAdded.length,
    registrationsExcluded: search.excludedRegistrations.length,
  };
}
