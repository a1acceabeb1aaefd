/**
 * Survival as its pages render it, live or frozen: the public export shape (schema/exports.ts)
 * with each source's evidence tier nullable (versions frozen before tiers were recorded) and
 * the year of its publication, which source links show beside the first author.
 */
import type { SurvivalExport } from '../schema/exports.ts';
import type { PublicationType } from '../schema/trial.ts';

type EstimateExport = SurvivalExport['estimates'][number];

/** An estimate row; the tier is null where a version did not record it, the year where no publication matches its source. */
export type SurvivalEstimateView = Omit<EstimateExport, 'source'> & {
  source: Omit<EstimateExport['source'], 'type'> & { type: PublicationType | null };
  year: number | null;
};

export type SurvivalView = Omit<SurvivalExport, 'estimates'> & { estimates: SurvivalEstimateView[] };

/** A trial file as live and frozen reviews both hold it: its NCT id and publications (each with its citation and year). */
export interface TrialPublications {
  nct: string;
  publications: readonly object[];
}

/** The year of the trial's publication whose citation is the source's (joined by NCT id and citation); null if none is. */
function publicationYear(trials: readonly TrialPublications[], nct: string, citation: string): number | null {
  const publication = trials.find((trial) => trial.nct === nct)?.publications.find((p) => (p as { citation?: unknown }).citation === citation) as
    { year?: unknown } | undefined;
  return typeof publication?.year === 'number' ? publication.year : null;
}

/** Survival in the shape pages render, each estimate with its source publication's year from the trial files. */
export function survivalView(
  exported: Omit<SurvivalExport, 'estimates'> & { estimates: Omit<SurvivalEstimateView, 'year'>[] },
  trials: readonly TrialPublications[],
): SurvivalView {
  return {
    ...exported,
    estimates: exported.estimates.map((estimate) => ({ ...estimate, year: publicationYear(trials, estimate.nct, estimate.source.citation) })),
  };
}
