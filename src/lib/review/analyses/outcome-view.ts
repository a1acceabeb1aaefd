/**
 * An outcome as its pages render it, live or frozen: the public export shape
 * (schema/exports.ts), which the live page takes from `review.exports.outcomes` and a
 * version's page from its snapshot (through frozen-outcome.ts). Light enough for the
 * browser: the forest plot draws from it.
 */
import type { OutcomeExport } from '../../schema/exports.ts';
import type { PublicationType } from '../../schema/trial.ts';
import { NOTES } from './rules.ts';

type StudyExport = OutcomeExport['studies'][number];

/** A study row; tier, population and note are null where a version did not record them. */
export type OutcomeStudyView = Omit<StudyExport, 'source' | 'population' | 'note'> & {
  source: Omit<StudyExport['source'], 'type'> & { type: PublicationType | null };
  population: string | null;
  note: string | null;
};

type ResultExport = NonNullable<OutcomeExport['result']>;
type SensitivityExport = OutcomeExport['sensitivity'][number];

type StratumExport = OutcomeExport['strata'][number];
/** A population's figure; the figure across all studies, drawn in the same shape, has the outcome's rating (null when none). */
export type StratumView = Omit<StratumExport, 'certainty'> & { certainty: StratumExport['certainty'] | null };

/** A sensitivity row; τ² and I² are undefined where a version did not record them (null: nothing pooled). */
export type SensitivityView = Omit<SensitivityExport, 'tau2' | 'I2'> & { tau2?: number | null | undefined; I2?: number | null | undefined };

/** The export shape, with study and sensitivity rows as older versions may hold them and the GRADE rating and funnel data optional. */
export type OutcomeView = Omit<OutcomeExport, 'result' | 'studies' | 'sponsorReports' | 'sensitivity' | 'certainty' | 'strata'> & {
  strata: StratumView[];
  result: (Omit<ResultExport, 'funnel'> & { funnel?: ResultExport['funnel'] | undefined }) | null;
  studies: OutcomeStudyView[];
  sponsorReports: OutcomeStudyView[];
  sensitivity: SensitivityView[];
  certainty?: OutcomeExport['certainty'] | undefined;
};

/** The caution printed beside a figure across several malignancy groups, when the analysis recorded one. */
export function mixedCaution(outcome: OutcomeView): string | undefined {
  if (outcome.strata.length < 2) return undefined;
  const text = NOTES.mixed(outcome.strata.map((stratum) => stratum.label)).text;
  return outcome.result?.notes.find((note) => note === text);
}

/** The figure across all studies, in the shape of a stratum's; null when no trial reports the outcome. */
export function overallEstimate(outcome: OutcomeView): StratumView | null {
  const { result } = outcome;
  if (!result) return null;
  const figure = result.pooled ?? result.unpooled;
  // The export always carries one of the two when it has a result (schema/exports.ts).
  if (!figure) throw new Error(`${outcome.outcome.slug}: result has neither a pooled nor an unpooled figure`);
  return {
    group: 'all',
    label: 'All cancers together',
    basis: result.basis,
    model: result.model,
    k: result.k,
    patients: result.patients,
    events: result.events,
    proportion: figure.proportion,
    ci: figure.ci,
    pi: result.pooled?.pi ?? null,
    notes: [],
    // No one comparator fits several populations at once (decision-thresholds.ts).
    threshold: null,
    certainty: outcome.certainty ?? null,
    // The Bayesian summaries are given population by population, in the summary of findings.
    bayes: null,
  };
}

/** The primary model was fitted (the export records its heterogeneity exactly then): the sections that read the fit are shown. */
export function isFitted(outcome: OutcomeView): boolean {
  return (outcome.result?.heterogeneity ?? null) !== null;
}
