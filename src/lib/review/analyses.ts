import { analyse, type MetaAnalysis, type Measure, type StudyInput, type StudyResult, type Tau2Method } from '../pooling/index.ts';
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

export interface PoolingSettings {
  measure: Measure;
  method: Tau2Method;
  hakn: boolean;
}

/** A study as it enters the pooling, joined by its id to what the pooling made of it. */
export interface PooledStudy extends StudyRow {
  result: StudyResult;
}

/** What an outcome rests on, counted once for every page, download and release. */
export interface OutcomeTotals {
  /** Studies (cohorts) pooled. */
  k: number;
  /** Distinct trials those studies come from. */
  trials: number;
  patients: number;
  events: number;
}

export interface BinaryOutcomeAnalysis {
  outcome: OutcomeDefinition<BinaryOutcomeKey>;
  rows: StudyRow[];
  /** `rows` with their pooled results, matched by study id. */
  studies: PooledStudy[];
  totals: OutcomeTotals;
  /** The model the primary analysis actually used (what pages, Methods and downloads print). */
  settings: PoolingSettings;
  notReported: NotReported[];
  /** The primary analysis; null when no trial reports the outcome. */
  result: MetaAnalysis | null;
  /** Only dimensions with at least two subgroups. */
  subgroups: SubgroupAnalysis[];
  sensitivity: SensitivityRow[];
}

// The pooling module names each study by the string it is given: the row's id, so every
// result (per study, leave-one-out, cumulative, funnel) can be matched back by id.
function inputs(rows: StudyRow[], group?: SubgroupDimension): StudyInput[] {
  return rows.map((row) => ({
    study: row.id,
    events: row.events,
    total: row.n,
    year: row.year,
    ...(group ? { group: row[group] } : {}),
  }));
}

/** Everything an outcome page shows: the pooled analysis, subgroups and sensitivity analyses. */
export function analyseBinaryOutcome(trials: Trial[], outcome: OutcomeDefinition<BinaryOutcomeKey>): BinaryOutcomeAnalysis {
  const { rows, notReported } = binaryOutcomeData(trials, outcome.key);
  const totals = outcomeTotals(rows);
  const settings: PoolingSettings = { measure: POOLING.measure, method: POOLING.method, hakn: POOLING.hakn };
  if (rows.length === 0) return { outcome, rows, studies: [], totals, settings, notReported, result: null, subgroups: [], sensitivity: [] };

  const result = analyse(inputs(rows), settings);
  const studies = joinById(rows, result.studies);
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
  return {
    outcome, rows, studies, totals, notReported, result, subgroups, sensitivity,
    settings: { measure: result.measure, method: result.method, hakn: result.hakn },
  };
}

export function outcomeTotals(rows: StudyRow[]): OutcomeTotals {
  return {
    k: rows.length,
    trials: new Set(rows.map((row) => row.nct)).size,
    patients: rows.reduce((sum, row) => sum + row.n, 0),
    events: rows.reduce((sum, row) => sum + row.events, 0),
  };
}

function joinById(rows: StudyRow[], results: StudyResult[]): PooledStudy[] {
  const byId = new Map(results.map((result) => [result.study, result]));
  return rows.map((row) => {
    const result = byId.get(row.id);
    if (!result) throw new Error(`pooling returned no result for study ${row.id}`);
    return { ...row, result };
  });
}
