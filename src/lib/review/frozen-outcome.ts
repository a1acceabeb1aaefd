/**
 * An outcome as its pages render it, live or frozen: the public export shape
 * (schema/exports.ts), which the live page takes from `review.exports.outcomes` and a
 * version's page from its snapshot. Versions frozen under an older shape are lifted into
 * it here, in one place; what such a version did not record stays null or empty (the
 * page says "not recorded in this version"), and no number is recomputed.
 */
import type { LegacyOutcomeExport, OutcomeExport } from '../schema/exports.ts';
import type { FrozenTrial, Release } from '../schema/release.ts';
import type { PublicationType } from '../schema/trial.ts';
import { NOTES } from './rules.ts';

type StudyExport = OutcomeExport['studies'][number];

/** A study row; tier, population and note are null where a version did not record them. */
export type OutcomeStudyView = Omit<StudyExport, 'source' | 'population' | 'note'> & {
  source: Omit<StudyExport['source'], 'type'> & { type: PublicationType | null };
  population: string | null;
  note: string | null;
};

/** The export shape, with study rows as older versions may hold them and the GRADE rating optional. */
export type OutcomeView = Omit<OutcomeExport, 'studies' | 'certainty'> & {
  studies: OutcomeStudyView[];
  certainty?: OutcomeExport['certainty'] | undefined;
};

type ReleaseOutcome = Release['outcomes'][number];

function isLegacy(outcome: ReleaseOutcome): outcome is LegacyOutcomeExport {
  // Only the current shape has primary figures by malignancy group.
  return !('strata' in outcome);
}

/** The trial's diseases as the frozen trial file recorded them; null if it recorded none. */
function frozenPopulation(trial: FrozenTrial | undefined): string | null {
  const diseases = (trial?.population as { diseases?: unknown } | undefined)?.diseases;
  return Array.isArray(diseases) && diseases.length > 0 && diseases.every((d) => typeof d === 'string') ? diseases.join(', ') : null;
}

/**
 * A frozen outcome in the shape pages render: the identity on the current shape; a version
 * frozen before the rules of inference (2026-11-29) is lifted with
 * - the model: the settings' method, which that version pooled every outcome with data by;
 * - the heterogeneity test: Cochran's Q, the only test its inverse-variance models had;
 * - events: the sum of its studies' events (the version recorded the counts, not their sum);
 * - population: the frozen trial file's diseases (joined by NCT id);
 * - no strata, rule notes, tiers, notes on counts or common-τ² tests: it recorded none.
 * Its study weights are kept as it published them.
 */
export function frozenOutcome(outcome: ReleaseOutcome, trials: FrozenTrial[]): OutcomeView {
  if (!isLegacy(outcome)) return outcome;
  const byNct = new Map(trials.map((trial) => [trial.nct, trial]));
  const events = outcome.studies.reduce((sum, study) => sum + study.events, 0);
  const { result } = outcome;
  const model = outcome.settings.method;
  return {
    outcome: outcome.outcome,
    version: outcome.version,
    settings: outcome.settings,
    result: result && {
      model,
      basis: 'pooled',
      k: result.k,
      patients: result.patients,
      events,
      pooled: result.pooled,
      unpooled: null,
      heterogeneity: { ...result.heterogeneity, test: 'Cochran Q' },
      egger: result.egger,
      leaveOneOut: result.leaveOneOut,
      cumulative: result.cumulative,
      notes: [],
    },
    strata: [],
    studies: outcome.studies.map((study) => ({
      ...study,
      population: frozenPopulation(byNct.get(study.nct)),
      note: null,
      derivedFrom: null,
      source: { ...study.source, type: null, url: null },
    })),
    subgroups: outcome.subgroups.map((subgroup) => ({ ...subgroup, commonTau2: null })),
    sensitivity: outcome.sensitivity.map(({ label, measure, method, hakn, proportion, ci, pi, tau2, I2 }) => ({
      label,
      measure,
      method,
      hakn,
      basis: 'pooled' as const,
      model: method,
      k: result?.k ?? 0,
      patients: result?.patients ?? 0,
      events,
      proportion,
      ci,
      pi,
      notes: [],
      tau2,
      I2,
      // That version printed the models' intervals as they came, uncut.
      clipped: false,
    })),
    notReported: outcome.notReported,
    certainty: undefined,
  };
}

/** The caution printed beside a figure across several malignancy groups, when the analysis recorded one. */
export function mixedCaution(outcome: OutcomeView): string | undefined {
  if (outcome.strata.length < 2) return undefined;
  const text = NOTES.mixed(outcome.strata.map((stratum) => stratum.label)).text;
  return outcome.result?.notes.find((note) => note === text);
}

/** The figure across all studies, in the shape of a stratum's; null when no trial reports the outcome. */
export function overallEstimate(outcome: OutcomeView): OutcomeView['strata'][number] | null {
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
  };
}
