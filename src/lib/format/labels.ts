import type { InclusionStatus, MalignancyGroup, NkSource, OutcomeKey } from '../schema/trial.ts';

/** Words for the schema's codes: the only place they are spelled out for readers. */
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
  'awaiting-results': 'Awaiting results',
  excluded: 'Excluded',
};

const PHASE_LABELS: Record<string, string> = { 'early-1': 'Early phase 1', '1': 'Phase 1', '1/2': 'Phase 1/2', '2': 'Phase 2', '3': 'Phase 3' };

export function phaseLabel(phase: string): string {
  return PHASE_LABELS[phase] ?? phase;
}

/** `active-not-recruiting` -> `Active, not recruiting` */
export function statusLabel(status: string): string {
  const words = status === 'active-not-recruiting' ? 'active, not recruiting' : status.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Outcome names as a trial page lists them. */
export const OUTCOME_LABELS: Record<OutcomeKey, string> = {
  evaluable: 'Evaluable for response',
  orr: 'Overall response',
  cr: 'Complete response',
  crsAny: 'CRS, any grade',
  crsGrade3: 'CRS, grade ≥ 3',
  icansAny: 'ICANS, any grade',
  icansGrade3: 'ICANS, grade ≥ 3',
  gvhd: 'GVHD',
  infections: 'Infections',
  cytopenias: 'Cytopenias, grade ≥ 3',
  pfs: 'Progression-free survival',
  os: 'Overall survival',
  persistence: 'Persistence',
};
