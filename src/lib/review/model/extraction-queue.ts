import type { ExtractionState, OutcomeKey, Publication, Trial } from '../../schema/trial.ts';

/** One publication that is known to exist but whose numbers are not (all) in its trial file yet. */
export interface QueueEntry {
  nct: string;
  trialName: string;
  publication: Publication;
  state: Exclude<ExtractionState, 'extracted'>;
  /** What stands in the way, as the trial file states it. */
  missing: string;
  /** Outcomes the publication is known to report that are not yet extracted. */
  wanted: OutcomeKey[];
}

/**
 * The extraction queue: every publication of a trial in the review whose trial file marks it
 * as awaiting extraction or not readable in full, newest first. Reports of excluded trials are
 * not work to do. Computed from the trial files, so it empties itself as extractions arrive.
 */
export function extractionQueue(trials: Trial[]): QueueEntry[] {
  return trials
    .filter((trial) => trial.inclusion.status !== 'excluded')
    .flatMap((trial) => trial.publications.flatMap((publication) => entry(trial, publication)))
    .sort((a, b) => b.publication.year - a.publication.year || a.nct.localeCompare(b.nct) || a.publication.id.localeCompare(b.publication.id));
}

function entry(trial: Trial, publication: Publication): QueueEntry[] {
  const extraction = publication.extraction;
  if (!extraction || extraction.status === 'extracted') return [];
  return [
    {
      nct: trial.nct,
      trialName: trial.shortName ?? trial.title,
      publication,
      state: extraction.status,
      // The schema requires `missing` for every state but `extracted`.
      missing: extraction.missing ?? '',
      wanted: extraction.wanted ?? [],
    },
  ];
}
