/**
 * A frozen version's outcome in the shape pages render (outcome-view.ts). Versions frozen
 * under an older shape are lifted into it here, in one place; what such a version did not
 * record stays null or empty (the page says "not recorded"), and no number is recomputed.
 */
import type { InterimOutcomeExport, LegacyOutcomeExport } from '../../schema/exports.ts';
import type { FrozenTrial, Release } from '../../schema/release.ts';
import { clip } from '../analyses/decided-estimate.ts';
import type { OutcomeStudyView, OutcomeView } from '../analyses/outcome-view.ts';
import type { SurvivalView } from '../analyses/survival-view.ts';

type ReleaseOutcome = Release['outcomes'][number];
type ReleaseSurvival = Release['survival'][number];
type Basis = NonNullable<OutcomeView['result']>['basis'];

function isLegacy(outcome: ReleaseOutcome): outcome is LegacyOutcomeExport {
  // Only the later shapes have primary figures by malignancy group.
  return !('strata' in outcome);
}

function isInterim(outcome: ReleaseOutcome): outcome is InterimOutcomeExport {
  // Only the current shape lists the counts known from sponsor reports.
  return !('sponsorReports' in outcome);
}

/** The trial's diseases as the frozen trial file recorded them; null if it recorded none. */
function frozenPopulation(trial: FrozenTrial | undefined): string | null {
  const diseases = (trial?.population as { diseases?: unknown } | undefined)?.diseases;
  return Array.isArray(diseases) && diseases.length > 0 && diseases.every((d) => typeof d === 'string') ? diseases.join(', ') : null;
}

type OlderStudy = LegacyOutcomeExport['studies'][number] | InterimOutcomeExport['studies'][number];

/** A study row of a version frozen before evidence tiers: population from its own trial file (by NCT id); tier, address, note and risk of bias not recorded. */
function olderStudy(study: OlderStudy, byNct: Map<string, FrozenTrial>): OutcomeStudyView {
  return {
    derivedFrom: null,
    ...study,
    population: frozenPopulation(byNct.get(study.nct)),
    note: null,
    riskOfBias: null,
    source: { ...study.source, type: null, url: null },
  };
}

/**
 * The basis of an interim version's overall figure, which it printed but did not record as a field:
 * its export gave `pooled` exactly when the basis was "pooled", and otherwise the rule that applied
 * among the outcome's notes, in that version's words (rules.ts at the time).
 */
const INTERIM_BASIS_NOTES: [RegExp, Basis][] = [
  [/^No events: /, 'no-events'],
  [/^One study, not pooled/, 'single-study'],
  [/^The \S+ model gave no estimate /, 'not-fitted'],
];

function interimBasis(outcome: InterimOutcomeExport, result: NonNullable<InterimOutcomeExport['result']>): Basis {
  if (result.pooled) return 'pooled';
  const basis = INTERIM_BASIS_NOTES.find(([pattern]) => result.notes.some((note) => pattern.test(note)))?.[1];
  if (!basis) throw new Error(`version ${outcome.version.date}, ${outcome.outcome.slug}: nothing pooled and no note names the rule that applied`);
  return basis;
}

/** The note that version added to a sensitivity row whose interval it cut to 0–100 %. */
const INTERIM_CLIPPED_NOTE = /the model's interval reaches outside 0–100 % and is shown cut to that range\.$/;

/**
 * A version frozen between the rules of inference and evidence tiers (2026-12-02) is lifted with
 * - the overall figure's basis: "pooled" where it recorded a pooled figure, else the rule its notes name;
 * - the heterogeneity test: Cochran's Q, the only test its inverse-variance models (DL, REML, PM) had;
 * - study rows as olderStudy lifts them;
 * - sensitivity rows marked `clipped` where its own note says so, τ² and I² not recorded;
 * - strata without thresholds, Bayesian summaries or ratings, and no funnel data, sponsor reports,
 *   common-τ² tests or GRADE rating: it recorded none.
 * Every figure is its own, as written: it already cut its intervals to 0–100 %.
 */
function interimOutcome(outcome: InterimOutcomeExport, trials: FrozenTrial[]): OutcomeView {
  const byNct = new Map(trials.map((trial) => [trial.nct, trial]));
  const { result } = outcome;
  return {
    ...outcome,
    result: result && {
      ...result,
      basis: interimBasis(outcome, result),
      heterogeneity: result.heterogeneity && { ...result.heterogeneity, test: 'Cochran Q' },
    },
    strata: outcome.strata.map((stratum) => ({ ...stratum, threshold: null, bayes: null, certainty: null })),
    studies: outcome.studies.map((study) => olderStudy(study, byNct)),
    sponsorReports: [],
    subgroups: outcome.subgroups.map((subgroup) => ({ ...subgroup, commonTau2: null })),
    sensitivity: outcome.sensitivity.map((row) => ({ ...row, clipped: row.notes.some((note) => INTERIM_CLIPPED_NOTE.test(note)) })),
    certainty: undefined,
  };
}

/**
 * A frozen outcome in the shape pages render: the identity on the current shape; a version
 * frozen before the rules of inference (2026-11-29) is lifted with
 * - the model: the settings' method, which that version pooled every outcome with data by;
 * - the heterogeneity test: Cochran's Q, the only test its inverse-variance models had;
 * - events: the sum of its studies' events (the version recorded the counts, not their sum);
 * - population: the frozen trial file's diseases (joined by NCT id);
 * - sensitivity intervals cut to 0–100 % and marked `clipped` where the model's left that range;
 * - study rows as olderStudy lifts them (no count was derived by a rule then);
 * - no strata, funnel data, rule notes, sponsor reports or common-τ² tests: it recorded none.
 * Its study weights are kept as it published them.
 */
export function frozenOutcome(outcome: ReleaseOutcome, trials: FrozenTrial[]): OutcomeView {
  if (!isLegacy(outcome)) return isInterim(outcome) ? interimOutcome(outcome, trials) : outcome;
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
      funnel: null,
      leaveOneOut: result.leaveOneOut,
      cumulative: result.cumulative,
      notes: [],
    },
    strata: [],
    studies: outcome.studies.map((study) => olderStudy(study, byNct)),
    sponsorReports: [],
    subgroups: outcome.subgroups.map((subgroup) => ({ ...subgroup, commonTau2: null })),
    sensitivity: outcome.sensitivity.map(({ label, measure, method, hakn, proportion, ci, pi, tau2, I2 }) => {
      // That version wrote the models' intervals as they came; pages show them cut to 0–100 % and marked,
      // as every page does (rules.ts, "clipped"). Its data.json keeps them as written.
      const cutCi = clip(ci);
      const cutPi = clip(pi);
      return {
        label,
        measure,
        method,
        hakn,
        basis: 'pooled' as const,
        model: method,
        k: result?.k ?? 0,
        patients: result?.patients ?? 0,
        events,
        proportion: clip([proportion, proportion]).interval[0],
        ci: cutCi.interval,
        pi: cutPi.interval,
        notes: [],
        tau2,
        I2,
        clipped: cutCi.clipped || cutPi.clipped,
      };
    }),
    notReported: outcome.notReported,
    certainty: undefined,
  };
}

/** The year of the frozen trial's publication whose citation is the source's (joined by NCT id and citation); null if none is. */
function frozenPublicationYear(trials: FrozenTrial[], nct: string, citation: string): number | null {
  const publication = trials.find((trial) => trial.nct === nct)?.publications.find((p) => p.citation === citation);
  return typeof publication?.year === 'number' ? publication.year : null;
}

/**
 * A frozen version's survival outcome in the shape pages render: the identity on the current
 * shape. A version frozen before evidence tiers recorded no tier, address or year: tier and
 * address stay null ("not recorded"), and the year is read back from the version's own trial
 * file, which source links show beside the first author. The estimates are its own, as written.
 */
export function frozenSurvival(survival: ReleaseSurvival, trials: FrozenTrial[]): SurvivalView {
  return {
    ...survival,
    estimates: survival.estimates.map((estimate) =>
      'year' in estimate
        ? estimate
        : {
            ...estimate,
            source: { ...estimate.source, type: null, url: null },
            year: frozenPublicationYear(trials, estimate.nct, estimate.source.citation),
          },
    ),
  };
}
