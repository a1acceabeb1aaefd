import { OUTCOME_KINDS } from '../review/outcomes.ts';
import {
  OUTCOME_KEYS,
  type ExtractionState,
  type InclusionStatus,
  type MalignancyGroup,
  type NkSource,
  type OutcomeKey,
  type RegistrySourceKind,
} from '../schema/trial.ts';

/** Words for the schema's codes: the only place they are spelled out for readers (outcome names: review/outcomes.ts; evidence tiers: tiers.ts). */
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

const PHASE_LABELS: Record<string, string> = {
  'early-1': 'Early phase 1',
  '1': 'Phase 1',
  '1/2': 'Phase 1/2',
  '2': 'Phase 2',
  '3': 'Phase 3',
  'not-applicable': 'Phase not applicable',
};

export function phaseLabel(phase: string): string {
  return PHASE_LABELS[phase] ?? phase;
}

/** Enrollment as recorded; a trial whose records do not state it says so instead of showing 0. */
export function enrollmentLabel(enrollment: { count: number; type: string } | undefined): string {
  return enrollment ? `${enrollment.count} (${enrollment.type})` : 'Not stated in the records read';
}

/** `active-not-recruiting` -> `Active, not recruiting` */
/** Filter value for a trial whose records do not state its recruitment status. */
export const STATUS_NOT_STATED = 'not-stated';

export function statusLabel(status: string | undefined): string {
  if (status === undefined || status === STATUS_NOT_STATED) return 'Not stated in the records read';
  const words = status === 'active-not-recruiting' ? 'active, not recruiting' : status.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Outcome names as a trial page lists them (short forms; defined with each outcome's kind in review/outcomes.ts). */
export const OUTCOME_LABELS = Object.fromEntries(OUTCOME_KEYS.map((key) => [key, OUTCOME_KINDS[key].label])) as Record<OutcomeKey, string>;

/** What a trial's registry facts were read from; a file written before the kind was recorded says so. */
export function registrySourceLabel(kind: RegistrySourceKind | undefined): string {
  return kind === undefined ? 'not recorded' : REGISTRY_SOURCE_LABELS[kind];
}

const REGISTRY_SOURCE_LABELS: Record<RegistrySourceKind, string> = {
  registry: 'the ClinicalTrials.gov record',
  'registry-copy': 'a copy of the ClinicalTrials.gov record',
  'review-table': 'a review article table only',
};
