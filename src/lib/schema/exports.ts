/**
 * The public data API: the shape of `/data/outcomes/<slug>.json`. The endpoint
 * validates what it writes against this schema, and publishes the schema itself as
 * JSON Schema, so the documented shape and the files cannot drift apart.
 */
import { z } from 'astro/zod';
import { PUBLICATION_TYPES } from './trial.ts';
import { ROB_JUDGEMENTS } from './risk-of-bias.ts';
import { CHANGE_KINDS, TAU2_METHODS } from '../vocabulary/codes.ts';

const interval = z.tuple([z.number(), z.number()]);
/** One GRADE domain of the evidence profile: its downgrade, why, the rule it came from, what that rule read, and whether the review team's judgement entered it. */
const domainRating = z.strictObject({
  downgrade: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  reason: z.string(),
  rule: z.string(),
  inputs: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  judged: z.boolean(),
});
/** A GRADE rating: where it started, where it ended, and each of the five domains. */
const certaintyRating = z.strictObject({
  start: z.enum(['high', 'moderate', 'low', 'very low']),
  rating: z.enum(['high', 'moderate', 'low', 'very low']),
  domains: z.strictObject({
    riskOfBias: domainRating,
    inconsistency: domainRating,
    indirectness: domainRating,
    imprecision: domainRating,
    publicationBias: domainRating,
  }),
});

/** The `license` field of every JSON download (see lib/licence/licences.ts). */
export const licenceSchema = z.strictObject({ spdx: z.string(), name: z.string(), url: z.url(), attribution: z.string() });

/**
 * A JSON download as published: the document and its licence. Frozen versions store the
 * documents without it (the licence is the repository's, not the snapshot's).
 */
export function published<T extends z.ZodObject>(schema: T) {
  return schema.extend({ license: licenceSchema });
}
const estimate = z.strictObject({ proportion: z.number(), ci: interval });

/** How a figure was obtained, after the rules of inference (lib/review/analyses/rules.ts, with thresholds in lib/rules/thresholds.ts). */
export const BASES = ['pooled', 'single-study', 'no-events', 'not-fitted'] as const;
/** Which heterogeneity test a fit reports: Cochran's Q (inverse-variance models) or the GLMM's likelihood-ratio test. */
export const HETEROGENEITY_TESTS = ['Cochran Q', 'likelihood ratio'] as const;

/** Where a number was read. */
const source = z.strictObject({ citation: z.string(), doi: z.string().nullable(), pmid: z.string().nullable(), location: z.string() });
/**
 * A result's source with its evidence tier: the publication type (article, conference abstract, ..., sponsor report),
 * and its web address for sources without a DOI or PMID (registry results, sponsor reports).
 */
const tieredSource = source.extend({ type: z.enum(PUBLICATION_TYPES), url: z.string().nullable() });

const studyExport = z.strictObject({
  id: z.string(),
  study: z.string(),
  nct: z.string(),
  cohort: z.string(),
  events: z.number().int(),
  n: z.number().int(),
  proportion: z.number(),
  /** Exact (Clopper–Pearson). */
  ci: interval,
  /** Percent in the primary model; null when nothing is pooled or the model has no inverse-variance weights (GLMM). */
  weight: z.number().nullable(),
  year: z.number().int(),
  group: z.string(),
  nkSource: z.string(),
  target: z.string(),
  phase: z.string(),
  /** Who was treated: the trial's diseases, as the forest plot's population column shows them. */
  population: z.string(),
  timepoint: z.string().nullable(),
  criteria: z.string().nullable(),
  /** What the extraction noted about this count; null when nothing. */
  note: z.string().nullable(),
  /** The outcome key this count is derived from by a rule (any grade 0 -> grade >= 3 0); null when read from the source. */
  derivedFrom: z.string().nullable(),
  source: tieredSource,
  /** The trial's overall risk of bias (MINORS, see /data/risk-of-bias.json); null when it has no judgement. */
  riskOfBias: z.enum(ROB_JUDGEMENTS).nullable(),
});

/** A figure after the rules: pooled by `model`, or one study's or the total's exact interval (`model` "none"). */
const decidedEstimate = z.strictObject({
  basis: z.enum(BASES),
  model: z.string(),
  k: z.number().int(),
  patients: z.number().int(),
  events: z.number().int(),
  proportion: z.number().min(0).max(1),
  ci: interval,
  /** Only when pooled from at least THRESHOLDS.predictionMinStudies studies (t on k - 2 df). */
  pi: interval.nullable(),
  notes: z.array(z.string()),
});

/** The decision threshold a figure is read against (content/thresholds.yaml), with its source. */
const decisionThreshold = z.strictObject({ value: z.number(), comparator: z.string(), reason: z.string(), year: z.number().int(), source });

const posteriorSummary = z.strictObject({ median: z.number(), cri: interval });
/**
 * The Bayesian binomial-normal summary of a population (the pool command's `bayes` object): priors,
 * the pooled rate's and a new trial's median and 95 % credible interval, tau, and with a threshold
 * (its value and source) the probability that the pooled rate lies above it.
 */
const bayesExport = z.strictObject({
  prior: z.strictObject({ mu: z.strictObject({ mean: z.number(), sd: z.number() }), tau: z.strictObject({ halfNormalScale: z.number() }) }),
  proportion: posteriorSummary,
  tau: posteriorSummary,
  predictive: posteriorSummary,
  threshold: z.strictObject({ value: z.number(), source }).nullable(),
  pAbove: z.number().nullable(),
  /** Why the answer leans on the prior rather than the data; empty when it does not. */
  priorDriven: z.array(z.string()),
});

/** What every outcome file starts with: which outcome, and which version of the review. */
const outcomeRef = z.strictObject({ slug: z.string(), key: z.string(), title: z.string(), description: z.string() });
const versionRef = z.strictObject({ date: z.string(), commit: z.string().nullable() });
const settingsRef = z.strictObject({ measure: z.string(), method: z.string(), hakn: z.boolean() });
const egger = z.strictObject({ t: z.number(), df: z.number(), p: z.number() });
/** A refit row gives its estimate, or why the refit gave none (e.g. it did not converge). */
const problem = z.strictObject({ problem: z.string() });
/** Heterogeneity statistics as every version recorded them; the current one also names its test. */
const heterogeneityStats = z.strictObject({ tau2: z.number(), Q: z.number(), df: z.number(), pQ: z.number(), I2: z.number(), H2: z.number() });
const subgroupSplit = z.strictObject({
  dimension: z.string(),
  /** Every characteristic that splits the studies this way. */
  title: z.string(),
  groups: z.array(estimate.extend({ group: z.string(), label: z.string(), k: z.number().int(), tau2: z.number(), I2: z.number() })),
  /** RevMan's test: separate τ² per subgroup, fixed-effect Q on the subgroup estimates. */
  between: z.strictObject({ Q: z.number(), df: z.number(), p: z.number() }).nullable(),
});
const leaveOneOut = z.array(z.union([estimate.extend({ omitted: z.string() }), problem.extend({ omitted: z.string() })]));
const cumulative = z.array(z.union([estimate.extend({ study: z.string() }), problem.extend({ study: z.string() })]));
/**
 * The funnel plot's data, as metafor's `funnel(res)` draws it: each study's effect `yi` and standard
 * error `sei` on the analysis scale (`measure`), the pooled effect, and the pseudo 95 % limits.
 */
const funnel = z.strictObject({
  measure: z.string(),
  pooledEffect: z.number(),
  limits: z.array(z.strictObject({ sei: z.number(), lower: z.number(), upper: z.number() })),
  studies: z.array(z.strictObject({ study: z.string(), yi: z.number(), sei: z.number() })),
});

export const outcomeExportSchema = z.strictObject({
  outcome: outcomeRef,
  version: versionRef,
  /** The primary model the review asks for; `result.model` is the one actually used. */
  settings: settingsRef,
  /** Null when no trial reports the outcome. */
  result: z
    .strictObject({
      /** The model actually used ("GLMM", "DL", ...), or "none" when nothing is pooled. */
      model: z.string(),
      /** How the figure across all studies was obtained. */
      basis: z.enum(BASES),
      k: z.number().int(),
      patients: z.number().int(),
      events: z.number().int(),
      /** Null when nothing is pooled (no events, one study, or a model that did not fit). */
      pooled: estimate.extend({ pi: interval.nullable() }).nullable(),
      /** The figure shown when nothing is pooled: the study's own, or the total's, with its exact 95 % CI. */
      unpooled: estimate.nullable(),
      /** `Q` is Cochran's Q, or the likelihood-ratio statistic when `test` says so. */
      heterogeneity: heterogeneityStats.extend({ test: z.enum(HETEROGENEITY_TESTS) }).nullable(),
      /** Null below k = 10. */
      egger: egger.nullable(),
      /** Null where the small-study rule (THRESHOLDS.smallStudyMinStudies) leaves the funnel plot out. */
      funnel: funnel.nullable(),
      leaveOneOut,
      cumulative,
      /** Each rule applied, in words. */
      notes: z.array(z.string()),
    })
    .nullable(),
  /** The primary figures: one per malignancy group with data. */
  strata: z.array(
    decidedEstimate.extend({
      group: z.string(),
      label: z.string(),
      /** The rate a reader compares this population's figure with; null where no sourced comparator exists. */
      threshold: decisionThreshold.nullable(),
      /** GRADE certainty of this population's figure (against its threshold, where it has one). */
      certainty: certaintyRating,
      /** The Bayesian summary; null where the population has no events (the prior alone would speak). */
      bayes: bayesExport.nullable(),
    }),
  ),
  /** The studies of the primary analysis. */
  studies: z.array(studyExport),
  /**
   * Counts known only from a sponsor report: never in the primary analysis, only in the
   * sensitivity row that adds them to `studies` ("Adding sponsor reports and secondary reports"); `weight` is null.
   */
  sponsorReports: z.array(studyExport),
  subgroups: z.array(
    subgroupSplit.extend({
      /** Mixed-effects test with one common τ² (`rma(yi, vi, mods = ~ group)`, REML). */
      commonTau2: z.strictObject({ QM: z.number(), df: z.number(), df2: z.number().nullable(), p: z.number(), tau2: z.number() }).nullable(),
    }),
  ),
  sensitivity: z.array(
    decidedEstimate.extend({
      label: z.string(),
      measure: z.string(),
      method: z.string(),
      hakn: z.boolean(),
      /** The fit's τ² and I²; null when nothing is pooled. */
      tau2: z.number().nullable(),
      I2: z.number().nullable(),
      /** The model's interval reached outside 0–100 % and is shown cut to that range. */
      clipped: z.boolean(),
    }),
  ),
  notReported: z.array(z.strictObject({ nct: z.string(), reason: z.string() })),
  /** GRADE certainty of the figure across all studies; null when no trial reports the outcome. */
  certainty: certaintyRating.nullable(),
});

/**
 * The shape published up to the 2026-11-29 version, before the rules of inference: every
 * outcome with data had a pooled estimate and a prediction interval. Kept so frozen versions
 * still validate and render.
 */
export const legacyOutcomeExportSchema = z.strictObject({
  outcome: outcomeRef,
  version: versionRef,
  settings: settingsRef,
  /** Null when no trial reports the outcome. */
  result: z
    .strictObject({
      k: z.number().int(),
      patients: z.number().int(),
      pooled: estimate.extend({ pi: interval }),
      heterogeneity: heterogeneityStats,
      egger: egger.nullable(),
      leaveOneOut,
      cumulative,
    })
    .nullable(),
  // Studies as the current export has them, before derived counts, tiers, risk of bias, populations and notes, and with a weight for every study.
  studies: z.array(studyExport.omit({ derivedFrom: true, riskOfBias: true, population: true, note: true }).extend({ weight: z.number(), source })),
  subgroups: z.array(subgroupSplit),
  sensitivity: z.array(
    estimate.extend({
      label: z.string(),
      measure: z.string(),
      method: z.string(),
      hakn: z.boolean(),
      pi: interval,
      tau2: z.number(),
      I2: z.number(),
    }),
  ),
  notReported: z.array(z.strictObject({ nct: z.string(), reason: z.string() })),
});

/**
 * The shape published between the rules of inference and evidence tiers (the 2026-12-02 version,
 * the last pooled by DerSimonian–Laird): figures after the rules, by malignancy group, but the
 * overall figure without its basis, heterogeneity without its test (its models were all
 * inverse-variance), study rows without tier, address, population, note or risk of bias, no sponsor
 * reports, sensitivity rows without τ², I² or the clipped mark, and no GRADE rating.
 */
export const interimOutcomeExportSchema = z.strictObject({
  outcome: outcomeRef,
  version: versionRef,
  settings: settingsRef.extend({ method: z.enum(TAU2_METHODS) }),
  result: outcomeExportSchema.shape.result
    .unwrap()
    .omit({ basis: true, funnel: true })
    .extend({ model: z.enum([...TAU2_METHODS, 'none']), heterogeneity: heterogeneityStats.nullable() })
    .nullable(),
  // Before populations were rated against thresholds: a stratum was its figure alone.
  strata: z.array(decidedEstimate.extend({ group: z.string(), label: z.string() })),
  studies: z.array(studyExport.omit({ riskOfBias: true, population: true, note: true }).extend({ source })),
  subgroups: z.array(subgroupSplit),
  sensitivity: z.array(decidedEstimate.extend({ label: z.string(), measure: z.string(), method: z.string(), hakn: z.boolean() })),
  notReported: outcomeExportSchema.shape.notReported,
});

export type OutcomeExport = z.infer<typeof outcomeExportSchema>;
export type InterimOutcomeExport = z.infer<typeof interimOutcomeExportSchema>;
/** A figure after the rules as downloads carry it; the review's own Estimate has the same fields. */
export type DecidedEstimateExport = z.infer<typeof decidedEstimate>;
export type LegacyOutcomeExport = z.infer<typeof legacyOutcomeExportSchema>;

/** `/data/outcomes/pfs.json` and `os.json`: survival estimates are listed, not pooled. */
export const survivalExportSchema = z.strictObject({
  outcome: outcomeRef,
  version: versionRef,
  estimates: z.array(
    z.strictObject({
      id: z.string(),
      study: z.string(),
      nct: z.string(),
      month: z.number(),
      estimate: z.number(),
      ci: interval.nullable(),
      n: z.number().int().nullable(),
      /** Year of the source publication, as source links show it beside the first author. */
      year: z.number().int(),
      source: tieredSource,
    }),
  ),
  notReported: z.array(z.strictObject({ nct: z.string(), reason: z.string() })),
});

export type SurvivalExport = z.infer<typeof survivalExportSchema>;

/** Survival as versions frozen before evidence tiers list it: sources without their type, estimates without their year. */
export const legacySurvivalExportSchema = survivalExportSchema.extend({
  estimates: z.array(survivalExportSchema.shape.estimates.element.omit({ year: true }).extend({ source })),
});
export type LegacySurvivalExport = z.infer<typeof legacySurvivalExportSchema>;

/** `/data/risk-of-bias.json`: the tool's items and every included trial's judgements. */
export const riskOfBiasExportSchema = z.strictObject({
  tool: z.strictObject({ name: z.string(), citation: z.string(), doi: z.string(), overallRule: z.string() }),
  domains: z.array(z.strictObject({ id: z.string(), item: z.number().int(), name: z.string(), question: z.string() })),
  trials: z.array(
    z.strictObject({
      nct: z.string(),
      judgements: z.array(
        z.strictObject({
          domain: z.string(),
          judgement: z.enum(['low', 'unclear', 'high']),
          support: z.string(),
          source,
        }),
      ),
      overall: z.enum(['low', 'unclear', 'high']),
    }),
  ),
});

export type RiskOfBiasExport = z.infer<typeof riskOfBiasExportSchema>;

/** `/data/reporting-gap.json`: registered trials against reported results (lib/review/model/reporting-gap.ts). */
export const reportingGapExportSchema = z.strictObject({
  asOf: z.string(),
  overdueAfterMonths: z.number().int(),
  trials: z.array(
    z.strictObject({
      nct: z.string(),
      status: z.string().nullable(),
      primaryCompletion: z.string().nullable(),
      monthsSinceCompletion: z.number().int().nullable(),
      resultsFound: z.boolean(),
    }),
  ),
  overdue: z.array(z.string()),
});
export type ReportingGapExport = z.infer<typeof reportingGapExportSchema>;

const changeEstimate = z.strictObject({ k: z.number().int(), patients: z.number().int(), pooled: estimate.nullable() }).nullable();

/** `/data/changes.json`: every change between consecutive versions with its cause (lib/review/history/change-causes.ts). */
export const changesExportSchema = z.strictObject({
  changes: z.array(
    z.strictObject({
      /** The change's anchor on /changes/. */
      id: z.string(),
      date: z.string(),
      from: z.string(),
      to: z.string(),
      kind: z.enum(CHANGE_KINDS),
      outcome: z.string().nullable(),
      nct: z.string().nullable(),
      reason: z.string(),
      before: changeEstimate,
      after: changeEstimate,
    }),
  ),
});
export type ChangesExport = z.infer<typeof changesExportSchema>;
