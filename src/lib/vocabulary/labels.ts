/**
 * Words for the review's codes (codes.ts): the only place they are spelled out for readers
 * (outcome names and titles are defined with each outcome, in outcomes.ts). Loads nothing but
 * the codes, so the forest plot and with it the re-analysis bundle stay small.
 */
import type {
  CertaintyDomain,
  ChangeKind,
  Disease,
  RegistrySourceKind,
  ExtractionState,
  InclusionStatus,
  MalignancyGroup,
  Measure,
  Model,
  NkSource,
  Phase,
  PoolingMethod,
  PublicationType,
} from './codes.ts';

export const NK_SOURCE_LABELS: Record<NkSource, string> = {
  'cord-blood': 'Umbilical cord blood',
  'peripheral-blood': 'Peripheral blood',
  'nk-92': 'NK-92 cell line',
  ipsc: 'iPSC-derived',
  other: 'Other',
  undisclosed: 'Undisclosed',
};

export const GROUP_LABELS: Record<MalignancyGroup, string> = {
  hematologic: 'Hematologic malignancies',
  solid: 'Solid tumours',
};

/** Disease names as a methods section writes them. */
export const DISEASE_LABELS: Record<Disease, string> = {
  aml: 'Acute myeloid leukemia',
  mds: 'Myelodysplastic neoplasms',
  'b-all': 'B-cell acute lymphoblastic leukemia',
  't-all': 'T-cell acute lymphoblastic leukemia or lymphoma',
  'all-nos': 'Acute lymphoblastic leukemia, lineage not specified',
  cll: 'Chronic lymphocytic leukemia or small lymphocytic lymphoma',
  lbcl: 'Diffuse large B-cell lymphoma and other large B-cell lymphomas',
  'b-nhl-other': 'Other mature B-cell lymphomas and leukemias (follicular, mantle cell, marginal zone, prolymphocytic)',
  'b-nhl-nos': 'B-cell non-Hodgkin lymphoma, type not specified',
  'nhl-nos': 'Non-Hodgkin lymphoma, type not specified',
  'b-cell-nos': 'B-cell malignancies, type not specified',
  't-cell-lymphoma': 'Mature T-cell lymphomas and leukemias',
  't-cell-nos': 'T-cell malignancies, type not specified',
  myeloma: 'Multiple myeloma',
  pcl: 'Plasma cell leukemia',
  bpdcn: 'Blastic plasmacytoid dendritic cell neoplasm',
  'hematologic-nos': 'Hematologic malignancies, type not specified',
  ovarian: 'Ovarian cancer',
  endometrial: 'Endometrial cancer',
  'mesonephric-like': 'Mesonephric-like adenocarcinoma',
  testicular: 'Testicular cancer',
  breast: 'Breast cancer',
  prostate: 'Prostate cancer',
  nsclc: 'Non-small cell lung cancer',
  'sclc-net': 'Small cell lung cancer and other neuroendocrine tumours',
  mesothelioma: 'Mesothelioma',
  pancreatic: 'Pancreatic cancer',
  colorectal: 'Colorectal cancer',
  gastric: 'Gastric or gastroesophageal junction cancer',
  hcc: 'Hepatocellular carcinoma',
  'head-neck': 'Head and neck cancer',
  renal: 'Renal cell carcinoma',
  glioma: 'Glioblastoma and other gliomas',
  osteosarcoma: 'Osteosarcoma',
  'solid-nos': 'Solid tumours, type not specified',
};

export const INCLUSION_LABELS: Record<InclusionStatus, string> = {
  included: 'Included in pooling',
  'published-not-extracted': 'Results published, not yet extracted',
  'awaiting-results': 'Awaiting results',
  excluded: 'Excluded',
};

export const EXTRACTION_STATE_LABELS: Record<ExtractionState, string> = {
  extracted: 'Extracted',
  'awaiting-extraction': 'Awaiting extraction',
  'not-readable': 'Could not be read in full',
};

const PHASE_LABELS: Record<Phase, string> = {
  'early-1': 'Early phase 1',
  '1': 'Phase 1',
  '1/2': 'Phase 1/2',
  '2': 'Phase 2',
  '3': 'Phase 3',
  'not-applicable': 'Phase not applicable',
};

export function phaseLabel(phase: string): string {
  return PHASE_LABELS[phase as Phase] ?? phase;
}

/** Enrollment as recorded; a trial whose records do not state it says so instead of showing 0. */
export function enrollmentLabel(enrollment: { count: number; type: string } | undefined): string {
  return enrollment ? `${enrollment.count} (${enrollment.type})` : 'Not stated in the records read';
}

/** Filter value for a trial whose records do not state its recruitment status. */
export const STATUS_NOT_STATED = 'not-stated';

/** `active-not-recruiting` -> `Active, not recruiting`; a status no record states says so. */
export function statusLabel(status: string | null | undefined): string {
  if (status === undefined || status === null || status === STATUS_NOT_STATED) return 'Not stated in the records read';
  const words = status === 'active-not-recruiting' ? 'active, not recruiting' : status.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Evidence tiers as readers see them. */
export const PUBLICATION_TYPE_LABELS: Record<PublicationType, string> = {
  article: 'Peer-reviewed article',
  'conference-abstract': 'Conference abstract',
  letter: 'Letter',
  'registry-results': 'Registry results',
  preprint: 'Preprint',
  'sponsor-report': 'Sponsor report',
  'secondary-report': 'Secondary report',
};

/** The same in a word, where a phone-width plot has room for no more. */
export const PUBLICATION_TYPE_SHORT_LABELS: Record<PublicationType, string> = {
  article: 'article',
  'conference-abstract': 'abstract',
  letter: 'letter',
  'registry-results': 'registry',
  preprint: 'preprint',
  'sponsor-report': 'sponsor',
  'secondary-report': 'secondary',
};

/** What a version frozen before evidence tiers were recorded shows in their place. */
export const TIER_NOT_RECORDED = 'not recorded';

/** A result's evidence tier as readers see it; "not recorded" for sources frozen without one. */
export function tierLabel(type: PublicationType | null, short = false): string {
  if (!type) return TIER_NOT_RECORDED;
  return (short ? PUBLICATION_TYPE_SHORT_LABELS : PUBLICATION_TYPE_LABELS)[type];
}

/** Names of the transformations as the methods section writes them. */
export const MEASURE_LABELS: Record<Measure, string> = {
  PLO: 'logit-transformed proportions',
  PFT: 'Freeman–Tukey double arcsine',
  PAS: 'arcsine',
  PR: 'raw proportions',
};

/** Names of the models as the methods section writes them: the binomial-normal model or the estimator of τ². */
export const METHOD_LABELS: Record<PoolingMethod, string> = {
  GLMM: 'binomial-normal model, maximum likelihood',
  DL: 'DerSimonian–Laird',
  REML: 'restricted maximum likelihood',
  PM: 'Paule–Mandel',
};

export const MODEL_LABELS: Record<Model, string> = { ...METHOD_LABELS, BAYES: 'Bayesian binomial-normal model' };

export const CERTAINTY_DOMAIN_LABELS: Record<CertaintyDomain, string> = {
  riskOfBias: 'Risk of bias',
  inconsistency: 'Inconsistency',
  indirectness: 'Indirectness',
  imprecision: 'Imprecision',
  publicationBias: 'Publication bias',
};

/** The causes of a change, as /changes/ and the feed name them. */
export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  'new-data': 'New data',
  correction: 'Correction',
  method: 'Method',
  registry: 'Registry',
};

/** What a trial's registry facts were read from; a file written before the kind was recorded says so. */
export function registrySourceLabel(kind: RegistrySourceKind | undefined): string {
  return kind === undefined ? 'not recorded' : REGISTRY_SOURCE_LABELS[kind];
}

const REGISTRY_SOURCE_LABELS: Record<RegistrySourceKind, string> = {
  registry: 'the ClinicalTrials.gov record',
  'registry-copy': 'a copy of the ClinicalTrials.gov record',
  'review-table': 'a review article table only',
};
