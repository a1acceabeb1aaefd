/**
 * A frozen version's outcome in the shape pages render (outcome-view.ts). Versions frozen
 * under an older shape are lifted into it here, in one place; what such a version did not
 * record stays null or empty (the page says "not recorded"), and no number is recomputed.
 */
import type { LegacyOutcomeExport } from '../../schema/exports.ts';
import type { FrozenTrial, Release } from '../../schema/release.ts';
import { clip } from '../analyses/decided-estimate.ts';
import type { OutcomeView } from '../analyses/outcome-view.ts';
import type { SurvivalView } from '../analyses/survival-view.ts';

type ReleaseOutcome = Release['outcomes'][number];
type ReleaseSurvival = Release['survival'][number];

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
 * - sensitivity intervals cut to 0–100 % and marked `clipped` where the model's left that range;
 * - no strata, funnel data, rule notes, tiers, risk of bias, sponsor reports, notes on counts or common-τ² tests: it recorded none.
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
      funnel: null,
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
      riskOfBias: null,
      source: { ...study.source, type: null, url: null },
    })),
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
