import { analyse, type MetaAnalysis, type StudyInput } from '../pooling/index.ts';
import { GROUP_LABELS, NK_SOURCE_LABELS, phaseLabel } from '../format/labels.ts';
import type { Trial } from '../schema/trial.ts';
import { binaryOutcomeData, type NotReported, type StudyCharacteristics, type StudyRow } from './outcome-data.ts';
import type { BinaryOutcomeKey, OutcomeDefinition } from './outcomes.ts';
import { POOLING, SENSITIVITY_SETTINGS } from './settings.ts';

export type SubgroupDimension = keyof StudyCharacteristics;

/** Subgroup analyses of every outcome, by the trial characteristic each groups on. */
export const SUBGROUP_DIMENSIONS: { dimension: SubgroupDimension; title: string; label: (value: string) => string }[] = [
  { dimension: 'group', title: 'Malignancy group', label: (v) => GROUP_LABELS[v as keyof typeof GROUP_LABELS] ?? v },
  { dimension: 'nkSource', title: 'NK cell source', label: (v) => NK_SOURCE_LABELS[v as keyof typeof NK_SOURCE_LABELS] ?? v },
  { dimension: 'target', title: 'Target antigen', label: (v) => v },
  { dimension: 'phase', title: 'Phase', label: phaseLabel },
];

export interface SubgroupAnalysis {
  dimension: SubgroupDimension;
  title: string;
  /** Subgroup names as readers see them, in the order of `result.subgroups`. */
  labels: Record<string, string>;
  result: MetaAnalysis;
}

export interface SensitivityRow {
  label: string;
  measure: string;
  method: string;
  hakn: boolean;
  proportion: number;
  ci: [number, number];
  pi: [number, number];
  tau2: number;
  I2: number;
}

export interface BinaryOutcomeAnalysis {
  outcome: OutcomeDefinition<BinaryOutcomeKey>;
  rows: StudyRow[];
  notReported: NotReported[];
  /** The primary analysis; null when no trial reports the outcome. */
  result: MetaAnalysis | null;
  /** Only dimensions with at least two subgroups. */
  subgroups: SubgroupAnalysis[];
  sensitivity: SensitivityRow[];
}

function inputs(rows: StudyRow[], group?: SubgroupDimension): StudyInput[] {
  return rows.map((row) => ({
    study: row.label,
    events: row.events,
    total: row.n,
    year: row.year,
    ...(group ? { group: row[group] } : {}),
  }));
}

/** Everything an outcome page shows: the pooled analysis, subgroups and sensitivity analyses. */
export function analyseBinaryOutcome(trials: Trial[], outcome: OutcomeDefinition<BinaryOutcomeKey>): BinaryOutcomeAnalysis {
  const { rows, notReported } = binaryOutcomeData(trials, outcome.key);
  if (rows.length === 0) return { outcome, rows, notReported, result: null, subgroups: [], sensitivity: [] };

  const result = analyse(inputs(rows), POOLING);
  const subgroups = SUBGROUP_DIMENSIONS.filter(({ dimension }) => new Set(rows.map((row) => row[dimension])).size >= 2).map(
    ({ dimension, title, label }) => {
      const analysis = analyse(inputs(rows, dimension), POOLING);
      const labels = Object.fromEntries((analysis.subgroups ?? []).map((s) => [s.group, label(s.group)]));
      return { dimension, title, labels, result: analysis };
    },
  );
  const sensitivity = SENSITIVITY_SETTINGS.map(({ label, measure, method, hakn }) => {
    const alternative = analyse(inputs(rows), { measure, method, hakn });
    return {
      label, measure, method, hakn,
      proportion: alternative.pooled.proportion,
      ci: alternative.pooled.ci,
      pi: alternative.pooled.pi,
      tau2: alternative.heterogeneity.tau2,
      I2: alternative.heterogeneity.I2,
    };
  });
  return { outcome, rows, notReported, result, subgroups, sensitivity };
}
