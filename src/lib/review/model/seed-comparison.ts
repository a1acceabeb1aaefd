import { GROUP_LABELS, NK_SOURCE_LABELS, enrollmentLabel, phaseLabel, statusLabel } from '../../vocabulary/labels.ts';
import type { Trial } from '../../schema/trial.ts';

/** The columns of the comparison, in order: a table's header needs them even when no trial has a seed row. */
export const SEED_FACT_FIELDS = ['Target', 'Malignancy', 'NK cell source', 'Phase', 'Enrollment', 'Status'] as const;

export interface SeedFact {
  field: (typeof SEED_FACT_FIELDS)[number];
  seed: string;
  now: string;
  /** True where a primary source contradicts the seed; false where they agree or cannot be compared. */
  differs: boolean;
}

// The seed prints phases in Roman numerals.
const SEED_PHASES: Record<string, string> = { 'Early phase I': 'early-1', I: '1', 'I/II': '1/2', II: '2', III: '3' };

/**
 * The seed review's Table 9 row for a trial beside what the trial file says now. The seed's
 * status column mixes registry states with comments ("Limited public efficacy data"), so a
 * status is flagged only when the seed's word is itself a registry state.
 */
export function seedComparison(trial: Trial): SeedFact[] {
  const { seed } = trial;
  if (!seed) return [];
  const seedStatus = seed.status.toLowerCase().replaceAll(' ', '-');
  return [
    { field: 'Target', seed: seed.target, now: trial.product.targets.join(', '), differs: false },
    {
      field: 'Malignancy',
      seed: `${GROUP_LABELS[seed.group]}: ${seed.cancerType}`,
      now: `${GROUP_LABELS[trial.population.group]}: ${trial.population.diseases.join(', ')}`,
      differs: seed.group !== trial.population.group,
    },
    {
      field: 'NK cell source',
      seed: NK_SOURCE_LABELS[seed.nkSource],
      now: NK_SOURCE_LABELS[trial.product.nkSource],
      differs: seed.nkSource !== trial.product.nkSource,
    },
    { field: 'Phase', seed: seed.phase, now: phaseLabel(trial.registry.phase), differs: SEED_PHASES[seed.phase] !== trial.registry.phase },
    {
      field: 'Enrollment',
      seed: String(seed.enrollment),
      now: enrollmentLabel(trial.registry.enrollment),
      differs: seed.enrollment !== trial.registry.enrollment?.count,
    },
    {
      field: 'Status',
      seed: seed.status,
      now: statusLabel(trial.registry.status),
      differs:
        trial.registry.status !== undefined &&
        ['recruiting', 'completed', 'withdrawn', 'terminated', 'suspended'].includes(seedStatus) &&
        seedStatus !== trial.registry.status,
    },
  ];
}
