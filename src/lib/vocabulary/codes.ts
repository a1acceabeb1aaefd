/**
 * The review's codes, the ground floor every other module builds on: the trial schema's
 * enumerations (zod builds its enums from these lists), the pooling module's measures and
 * methods, and GRADE's levels and domains. Plain data, no imports, so the browser's
 * re-analysis code can load them without the schemas (zod). Their words are in labels.ts;
 * outcomes are named in outcomes.ts.
 */

/** `not-applicable` is how the registry codes some early cell-therapy studies ("Phase: NA"). */
export const PHASES = ['early-1', '1', '1/2', '2', '3', 'not-applicable'] as const;
export const STATUSES = [
  'not-yet-recruiting',
  'recruiting',
  'enrolling-by-invitation',
  'active-not-recruiting',
  'completed',
  'suspended',
  'terminated',
  'withdrawn',
  'unknown',
] as const;
export const NK_SOURCES = ['cord-blood', 'peripheral-blood', 'nk-92', 'ipsc', 'other', 'undisclosed'] as const;
/** The strata every outcome is reported by first. */
export const MALIGNANCY_GROUPS = ['hematologic', 'solid'] as const;
export const INCLUSION_STATUSES = ['included', 'published-not-extracted', 'awaiting-results', 'excluded'] as const;

/**
 * The diseases a trial population is coded by, each in its malignancy group. A `-nos` code is
 * for a source that names no more than that ("B-cell lymphoma", "solid tumours"): a trial is
 * coded by what its sources say, never by what its target suggests.
 */
export const DISEASES = {
  aml: 'hematologic',
  mds: 'hematologic',
  'b-all': 'hematologic',
  't-all': 'hematologic',
  'all-nos': 'hematologic',
  cll: 'hematologic',
  lbcl: 'hematologic',
  'b-nhl-other': 'hematologic',
  'b-nhl-nos': 'hematologic',
  'nhl-nos': 'hematologic',
  'b-cell-nos': 'hematologic',
  't-cell-lymphoma': 'hematologic',
  't-cell-nos': 'hematologic',
  myeloma: 'hematologic',
  pcl: 'hematologic',
  bpdcn: 'hematologic',
  'hematologic-nos': 'hematologic',
  ovarian: 'solid',
  endometrial: 'solid',
  'mesonephric-like': 'solid',
  testicular: 'solid',
  breast: 'solid',
  prostate: 'solid',
  nsclc: 'solid',
  'sclc-net': 'solid',
  mesothelioma: 'solid',
  pancreatic: 'solid',
  colorectal: 'solid',
  gastric: 'solid',
  hcc: 'solid',
  'head-neck': 'solid',
  renal: 'solid',
  glioma: 'solid',
  osteosarcoma: 'solid',
  'solid-nos': 'solid',
} as const satisfies Record<string, MalignancyGroup>;
export type Disease = keyof typeof DISEASES;
/** The codes in the order above (grouped by malignancy group), for zod's enum and for tables. */
export const DISEASE_CODES = Object.keys(DISEASES) as [Disease, ...Disease[]];
/** Each group's code for a population whose disease is not specified. */
export const UNSPECIFIED_DISEASE = { hematologic: 'hematologic-nos', solid: 'solid-nos' } as const satisfies Record<MalignancyGroup, Disease>;

/**
 * Where a publication stands in extraction: its numbers are in the file (`extracted`), it
 * has been found and can be read but is not yet extracted (`awaiting-extraction`), or only
 * a part of it could be reached (`not-readable`: an abstract cut off, a paywalled table).
 */
export const EXTRACTION_STATES = ['extracted', 'awaiting-extraction', 'not-readable'] as const;

export type Phase = (typeof PHASES)[number];
export type NkSource = (typeof NK_SOURCES)[number];
export type MalignancyGroup = (typeof MALIGNANCY_GROUPS)[number];
export type InclusionStatus = (typeof INCLUSION_STATUSES)[number];
export type ExtractionState = (typeof EXTRACTION_STATES)[number];

/** Publication types: a result's evidence tier. */
export const PUBLICATION_TYPES = [
  'article',
  'conference-abstract',
  'letter',
  'registry-results',
  'preprint',
  'sponsor-report',
  'secondary-report',
] as const;

/**
 * Publication types that may feed the primary analysis. A sponsor report (a press release or
 * investor presentation by the sponsor itself) and a secondary report (a news account or review
 * quoting numbers whose primary source could not be read) may be extracted, but only for a
 * sensitivity analysis: they are never pooled in the primary one.
 */
export const PRIMARY_PUBLICATION_TYPES = ['article', 'conference-abstract', 'letter', 'registry-results', 'preprint'] as const;

export type PublicationType = (typeof PUBLICATION_TYPES)[number];

/** Publication types whose counts enter only the sensitivity analysis that adds them to the primary studies. */
export const SENSITIVITY_ONLY_PUBLICATION_TYPES = ['sponsor-report', 'secondary-report'] as const satisfies readonly PublicationType[];

/**
 * Judgements, with the MINORS score each corresponds to: reported and adequate (2) is
 * low risk, reported but inadequate (1) is high risk, not reported in what could be
 * read (0) is unclear. MINORS totals are not used: a sum hides which item failed.
 */
export const ROB_JUDGEMENTS = ['low', 'unclear', 'high'] as const;
export type RobJudgement = (typeof ROB_JUDGEMENTS)[number];

/** The transformations, as values: controls and tables list them from here, so a new one appears everywhere. */
export const MEASURES = ['PLO', 'PFT', 'PAS', 'PR'] as const;
export type Measure = (typeof MEASURES)[number];
/** The inverse-variance estimators of τ² the pooling module accepts as `method`. */
export const TAU2_METHODS = ['DL', 'REML', 'PM'] as const;
export type Tau2Method = (typeof TAU2_METHODS)[number];
/** The inverse-variance tau² estimators, or the binomial-normal model (`rma.glmm`, PLO only). */
export const POOLING_METHODS = [...TAU2_METHODS, 'GLMM'] as const;
export type PoolingMethod = (typeof POOLING_METHODS)[number];
/** The models an analysis can ask for: the pooling methods, or the Bayesian binomial-normal model (pooling/bayes.ts, PLO only). */
export const MODELS = [...POOLING_METHODS, 'BAYES'] as const;
export type Model = (typeof MODELS)[number];

/** GRADE's four levels, highest first; a rating is an index into this list. */
export const CERTAINTY_LEVELS = ['high', 'moderate', 'low', 'very low'] as const;
export type CertaintyLevel = (typeof CERTAINTY_LEVELS)[number];

export const CERTAINTY_DOMAINS = ['riskOfBias', 'inconsistency', 'indirectness', 'imprecision', 'publicationBias'] as const;
export type CertaintyDomain = (typeof CERTAINTY_DOMAINS)[number];

/** The analysis thresholds by name; their values are the rules module's (rules/thresholds.ts). */
export type ThresholdName =
  'poolMinStudies' | 'predictionMinStudies' | 'smallStudyMinStudies' | 'subgroupMinGroups' | 'subgroupMinStudies' | 'reportingGapMonths';

/**
 * Why a published figure or trial changed between versions: new data, a correction, a change of
 * method (model or rule of inference), or registry housekeeping (review/history/change-causes.ts).
 */
export const CHANGE_KINDS = ['new-data', 'correction', 'method', 'registry'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * What the registry facts were read from: the registry's own record (`registry`), a copy of it
 * kept by another site or the NCI (`registry-copy`), or only a review article's table
 * (`review-table`). Anything but the registry's own record is flagged for checking.
 */
export const REGISTRY_SOURCE_KINDS = ['registry', 'registry-copy', 'review-table'] as const;
export type RegistrySourceKind = (typeof REGISTRY_SOURCE_KINDS)[number];
