import type { SearchRecord } from '../../schema/search.ts';
import type { Trial } from '../../schema/trial.ts';
import { trialPatients } from './trial-patients.ts';
import { countReview } from './counts.ts';

export interface Limitations {
  /** The date the search was last run, YYYY-MM-DD. */
  searchedUpTo: string;
  /** One sentence each, computed from the trial files and the search record. */
  items: string[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The review's main limitations as short sentences for the home and outcome pages:
 * search scope, extraction from abstracts, publications known but not extracted, and
 * how few trials there are. Every count comes from the data, so the box stays true.
 */
export function reviewLimitations(trials: Trial[], search: SearchRecord): Limitations {
  const included = trials.filter((trial) => trial.inclusion.status === 'included');
  const pooledValues = included.flatMap((trial) =>
    trial.cohorts.flatMap((cohort) => cohort.pooled.map((key) => cohort.outcomes[key]).filter((value) => value !== undefined)),
  );
  const fromAbstracts = pooledValues.filter((value) => /^abstract/i.test(value.source.location)).length;
  const counts = countReview(trials, search);
  const patients = included.reduce((sum, trial) => sum + trialPatients(trial), 0);
  const awaiting = counts.byInclusion['awaiting-results'];
  return {
    searchedUpTo: search.date,
    items: [
      `The search read stored copies of public records: PubMed entries, journal and conference pages and trial registries, not a full search of bibliographic databases; some reports may have been missed.`,
      `${fromAbstracts} of ${pooledValues.length} pooled numbers come from abstracts; full texts were not read, so details such as response criteria and timepoints are often missing.`,
      `${plural(counts.reportsToExtract, 'known publication of a trial in the review is', 'known publications of trials in the review are')} not yet extracted in full (${counts.reportsNotReadable} of them could not be read in full), so ${plural(counts.byInclusion['published-not-extracted'], 'trial with published results is', 'trials with published results are')} not yet in the analyses.`,
      `Only ${plural(included.length, 'trial', 'trials')} (about ${patients} patients) ${included.length === 1 ? 'is' : 'are'} in the analyses; ${plural(awaiting, 'registered trial is', 'registered trials are')} still awaiting results. Every estimate rests on small, single-arm, early-phase trials.`,
    ],
  };
}
