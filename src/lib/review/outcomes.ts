import type { OutcomeKey } from '../schema/trial.ts';

/** Outcomes pooled as proportions: events among patients assessed. */
export type BinaryOutcomeKey = Exclude<OutcomeKey, 'evaluable' | 'pfs' | 'os' | 'persistence'>;
export type SurvivalOutcomeKey = 'pfs' | 'os';

export interface OutcomeDefinition<K extends OutcomeKey = OutcomeKey> {
  key: K;
  /** URL segment: `/outcomes/<slug>/` and `/data/outcomes/<slug>.json`. */
  slug: string;
  title: string;
  /** What a higher proportion means to a reader. */
  direction: 'benefit' | 'harm';
  description: string;
}

export const BINARY_OUTCOMES: OutcomeDefinition<BinaryOutcomeKey>[] = [
  { key: 'orr', slug: 'orr', title: 'Overall response', direction: 'benefit', description: 'Complete or partial response among patients evaluable for response, at the timepoint and by the criteria each trial reports.' },
  { key: 'cr', slug: 'cr', title: 'Complete response', direction: 'benefit', description: 'Complete response or remission among patients evaluable for response.' },
  { key: 'crsAny', slug: 'crs', title: 'Cytokine release syndrome, any grade', direction: 'harm', description: 'Patients with cytokine release syndrome of any grade among those treated.' },
  { key: 'crsGrade3', slug: 'crs-grade-3', title: 'Cytokine release syndrome, grade ≥ 3', direction: 'harm', description: 'Patients with grade 3 or higher cytokine release syndrome among those treated.' },
  { key: 'icansAny', slug: 'icans', title: 'ICANS, any grade', direction: 'harm', description: 'Immune effector cell-associated neurotoxicity syndrome of any grade among those treated.' },
  { key: 'icansGrade3', slug: 'icans-grade-3', title: 'ICANS, grade ≥ 3', direction: 'harm', description: 'Grade 3 or higher neurotoxicity among those treated.' },
  { key: 'gvhd', slug: 'gvhd', title: 'Graft-versus-host disease', direction: 'harm', description: 'Patients with graft-versus-host disease of any grade among those treated.' },
  { key: 'infections', slug: 'infections', title: 'Infections', direction: 'harm', description: 'Patients with an infection among those treated, as each trial defines and grades it.' },
  { key: 'cytopenias', slug: 'cytopenias', title: 'Cytopenias, grade ≥ 3', direction: 'harm', description: 'Patients with grade 3 or higher neutropenia, thrombocytopenia or anaemia of any cause among those treated.' },
];

export const SURVIVAL_OUTCOMES: OutcomeDefinition<SurvivalOutcomeKey>[] = [
  { key: 'pfs', slug: 'pfs', title: 'Progression-free survival', direction: 'benefit', description: 'Kaplan–Meier estimate of progression-free survival at a stated month.' },
  { key: 'os', slug: 'os', title: 'Overall survival', direction: 'benefit', description: 'Kaplan–Meier estimate of overall survival at a stated month.' },
];
