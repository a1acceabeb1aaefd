import { analyse, ModelFailure, type Interval, type MixedSubgroupTest, type StudyInput } from '../../pooling/index.ts';
import { clopperPearson } from '../../stats/clopper-pearson.ts';
import { GROUP_LABELS, NK_SOURCE_LABELS, phaseLabel } from '../../vocabulary/labels.ts';
import { MALIGNANCY_GROUPS, type MalignancyGroup, type Trial } from '../../schema/trial.ts';
import { withDerivedGrades } from './derived.ts';
import { estimate, type Estimate, type Fit } from './decided-estimate.ts';
import { binaryOutcomeData, perTrial, type NotReported, type StudyCharacteristics, type StudyRow } from '../model/outcome-data.ts';
import type { BinaryOutcomeKey, OutcomeDefinition } from '../../vocabulary/outcomes.ts';
import { THRESHOLDS } from '../../rules/thresholds.ts';
import { ADDING_SPONSOR_REPORTS, COHORTS_AS_STUDIES, NOTES, type RuleNote } from './rules.ts';
import { COMMON_TAU2_TEST, POOLING, SENSITIVITY_SETTINGS, type PoolingSettings } from './settings.ts';

export type { PoolingSettings } from './settings.ts';

export type SubgroupDimension = keyof StudyCharacteristics;

/** Subgroup analyses of every outcome, by the trial characteristic each groups on. */
export const SUBGROUP_DIMENSIONS: { dimension: SubgroupDimension; title: string; label: (value: string) => string }[] = [
  { dimension: 'group', title: 'Malignancy group', label: (v) => GROUP_LABELS[v as keyof typeof GROUP_LABELS] ?? v },
  { dimension: 'nkSource', title: 'NK cell source', label: (v) => NK_SOURCE_LABELS[v as keyof typeof NK_SOURCE_LABELS] ?? v },
  { dimension: 'target', title: 'Target antigen', label: (v) => v },
  { dimension: 'phase', title: 'Phase', label: phaseLabel },
];

export interface SubgroupAnalysis {
  /** The characteristic the subgroups are named by (the first of `titles`). */
  dimension: SubgroupDimension;
  /** Every characteristic that splits the studies this way, named together. */
  titles: string[];
  title: string;
  /** Subgroup names as readers see them, in the order of `result.subgroups`. */
  labels: Record<string, string>;
  result: Fit;
  /** The mixed-effects test with one common τ² (COMMON_TAU2_TEST), beside RevMan's separate-τ² test in `result.between`. */
  commonTau2: MixedSubgroupTest | null;
}

export interface SensitivityRow extends Estimate {
  label: string;
  measure: string;
  method: string;
  hakn: boolean;
}

/** A study's own figures, with its weight in the primary model (null when nothing is pooled or the model has none). */
export interface StudyEstimate {
  study: string;
  events: number;
  total: number;
  proportion: number;
  /** Exact (Clopper–Pearson). */
  ci: Interval;
  weight: number | null;
}

/** A study as it enters the pooling, joined by its id to what the pooling made of it. */
export interface PooledStudy extends StudyRow {
  result: StudyEstimate;
}

/** What an outcome rests on, counted once for every page, download and release. */
export interface OutcomeTotals {
  /** Studies (cohorts) with data. */
  k: number;
  /** Distinct trials those studies come from. */
  trials: number;
  patients: number;
  events: number;
}

/**
 * The sensitivity analysis that adds sponsor reports to the primary studies. Its rows are
 * never part of `rows`, `studies` or `totals`, which stay the primary analysis's.
 */
export interface SponsorReportsSensitivity {
  /** The sponsor-report rows, each with its own figures (no weight: they are not in the primary model). */
  studies: PooledStudy[];
  /** Primary studies plus these, by the primary settings and the same rules; null when there are none. */
  row: SensitivityRow | null;
}

/** The primary figure within one malignancy group. */
export interface Stratum {
  group: MalignancyGroup;
  label: string;
  totals: OutcomeTotals;
  estimate: Estimate;
}

export interface BinaryOutcomeAnalysis {
  outcome: OutcomeDefinition<BinaryOutcomeKey>;
  rows: StudyRow[];
  /** `rows` with their own and pooled results, matched by study id, sorted by year. */
  studies: PooledStudy[];
  totals: OutcomeTotals;
  /** The model the primary analysis asks for (what Methods prints); `estimate.model` is the one used. */
  settings: PoolingSettings;
  notReported: NotReported[];
  /** Primary figures, one per malignancy group with data. */
  strata: Stratum[];
  /** Across all studies: secondary when `strata` holds more than one group. Null when no trial reports the outcome. */
  estimate: Estimate | null;
  /** The primary model fit across all studies; null when nothing is pooled. */
  result: Fit | null;
  /** Funnel plot and Egger's test are shown (k >= THRESHOLDS.smallStudyMinStudies). */
  smallStudy: boolean;
  /** Only groupings with enough subgroups of enough studies, each distinct split once. */
  subgroups: SubgroupAnalysis[];
  /**
   * Other models, then (when a trial's cohorts were summed) the cohorts as separate studies, then
   * (when any exist) the analysis adding sponsor and secondary reports, `sponsorReports.row`.
   */
  sensitivity: SensitivityRow[];
  sponsorReports: SponsorReportsSensitivity;
  /** Every rule applied to this outcome, in words. */
  notes: RuleNote[];
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

/**
 * The primary figure from one subgroup's own studies (its malignancy group, NK cell source,
 * target or phase), by the outcome's primary settings; null when no study is in it.
 */
export function estimateWithin(
  analysis: Pick<BinaryOutcomeAnalysis, 'rows' | 'settings'>,
  dimension: SubgroupDimension,
  value: string,
): Estimate | null {
  return estimateOf(
    analysis,
    analysis.rows.filter((row) => row[dimension] === value),
  );
}

/** The primary figure from a given set of the outcome's studies alone; null for none. */
export function estimateOf(analysis: Pick<BinaryOutcomeAnalysis, 'settings'>, rows: StudyRow[]): Estimate | null {
  return rows.length === 0 ? null : estimate(inputs(rows), analysis.settings);
}

/** Group rows by a characteristic, keeping first-seen order. */
function split(rows: StudyRow[], dimension: SubgroupDimension): Map<string, StudyRow[]> {
  const groups = new Map<string, StudyRow[]>();
  for (const row of rows) groups.set(row[dimension], [...(groups.get(row[dimension]) ?? []), row]);
  return groups;
}

/** The groupings that pass the subgroup rule, those with an identical split merged into one. */
export function eligibleSubgroups(rows: StudyRow[]): { dimension: SubgroupDimension; titles: string[] }[] {
  const seen = new Map<string, { dimension: SubgroupDimension; titles: string[] }>();
  for (const { dimension, title } of SUBGROUP_DIMENSIONS) {
    const groups = [...split(rows, dimension).values()];
    const large = groups.filter((members) => members.length >= THRESHOLDS.subgroupMinStudies);
    if (large.length < THRESHOLDS.subgroupMinGroups) continue;
    const partition = groups
      .map((members) =>
        members
          .map((row) => row.id)
          .sort()
          .join('|'),
      )
      .sort()
      .join('||');
    const existing = seen.get(partition);
    if (existing) existing.titles.push(title);
    else seen.set(partition, { dimension, titles: [title] });
  }
  return [...seen.values()];
}

/** Study order on every page and plot: by publication year (the cumulative analysis's order), then label. */
const byYear = (a: StudyRow, b: StudyRow) => a.year - b.year || a.label.localeCompare(b.label);

/** Everything an outcome page shows, with the rules of rules.ts applied. */
export function analyseBinaryOutcome(trials: Trial[], outcome: OutcomeDefinition<BinaryOutcomeKey>): BinaryOutcomeAnalysis {
  const { rows: cohortRows, notReported, derivedNote } = withDerivedGrades(trials, outcome.key, binaryOutcomeData(trials, outcome.key));
  // A trial enters once (its separate cohorts summed); forest plots and tables list studies by
  // year, as RevMan does, and the order is stated under each plot.
  const rows = perTrial(cohortRows).toSorted(byYear);
  const totals = outcomeTotals(rows);
  const settings: PoolingSettings = { ...POOLING };
  const sponsorReports = withSponsorReports(trials, outcome, cohortRows, settings);
  // Cohorts summed into one entry per trial: pooled separately only as a sensitivity analysis.
  const summed = rows.filter((row) => cohortRows.filter((cohort) => cohort.nct === row.nct).length > 1);
  const cohortsOfSummed = cohortRows.filter((cohort) => summed.some((row) => row.nct === cohort.nct)).length;
  const cohortRow: SensitivityRow[] =
    summed.length > 0 ? [{ label: COHORTS_AS_STUDIES, ...settings, ...estimate(inputs(cohortRows), settings) }] : [];
  const cohortNotes = summed.length > 0 ? [NOTES.cohortsSummed(summed.length, cohortsOfSummed)] : [];
  const sponsorRows = sponsorReports.row ? [sponsorReports.row] : [];
  const sponsorNotes = sponsorReports.row
    ? [NOTES.sponsorReports(sponsorReports.studies.length, outcomeTotals(sponsorReports.studies).patients)]
    : [];
  const empty = {
    outcome,
    rows,
    studies: [],
    totals,
    settings,
    notReported,
    strata: [],
    estimate: null,
    result: null,
    smallStudy: false,
    subgroups: [],
    sensitivity: [...cohortRow, ...sponsorRows],
    sponsorReports,
  };
  if (rows.length === 0) return { ...empty, notes: derivedNote ? [derivedNote] : [] };

  const overall = estimate(inputs(rows), settings);
  const result = overall.fit;
  const studies = joinById(rows, result);
  const byGroup = split(rows, 'group');
  const strata = MALIGNANCY_GROUPS.filter((group) => byGroup.has(group)).map((group) => ({
    group,
    label: GROUP_LABELS[group],
    totals: outcomeTotals(byGroup.get(group)!),
    estimate: estimate(inputs(byGroup.get(group)!), settings),
  }));

  const notes: RuleNote[] = [...overall.notes, ...cohortNotes, ...sponsorNotes];
  if (derivedNote) notes.push(derivedNote);
  // The caution belongs beside a pooled all-cancer figure; counts with no model need none.
  if (strata.length > 1 && overall.basis === 'pooled') notes.push(NOTES.mixed(strata.map((s) => s.label)));
  let smallStudy = false;
  let subgroups: SubgroupAnalysis[] = [];
  let sensitivity: SensitivityRow[] = [];
  if (result) {
    smallStudy = result.k >= THRESHOLDS.smallStudyMinStudies;
    if (!smallStudy) notes.push(NOTES.noSmallStudy(result.k));
    const eligible = eligibleSubgroups(rows);
    if (eligible.length === 0) notes.push(NOTES.noSubgroups());
    subgroups = eligible.map(({ dimension, titles }) => {
      if (titles.length > 1) notes.push(NOTES.sameSplit(titles));
      const { label } = SUBGROUP_DIMENSIONS.find((d) => d.dimension === dimension)!;
      const analysis = analyse(inputs(rows, dimension), settings);
      const labels = Object.fromEntries((analysis.subgroups ?? []).map((s) => [s.group, label(s.group)]));
      const commonTau2 = commonTau2Test(inputs(rows, dimension));
      return { dimension, titles, title: titles.join(' = '), labels, result: analysis, commonTau2 };
    });
    sensitivity = SENSITIVITY_SETTINGS.map(({ label, measure, method, hakn }) => ({
      label,
      measure,
      method,
      hakn,
      ...estimate(inputs(rows), { measure, method, hakn }),
    }));
  }
  sensitivity.push(...cohortRow, ...sponsorRows);
  for (const row of sensitivity) notes.push(...row.notes.filter((note) => note.rule === 'clipped'));
  return { ...empty, studies, strata, estimate: overall, result, smallStudy, subgroups, sensitivity, notes };
}

/**
 * The sponsor-report rows of an outcome (`pooledWithSponsorReports` in the trial files), and
 * the primary studies pooled with them: the same `estimate()` and rules, so one study alone is
 * not pooled and zero events fit no model.
 */
function withSponsorReports(
  trials: Trial[],
  outcome: OutcomeDefinition<BinaryOutcomeKey>,
  primaryCohorts: StudyRow[],
  settings: PoolingSettings,
): SponsorReportsSensitivity {
  const addedCohorts = binaryOutcomeData(
    trials,
    outcome.key,
    'pooledWithSponsorReports',
    primaryCohorts.map((row) => row.label),
  ).rows;
  if (addedCohorts.length === 0) return { studies: [], row: null };
  const { measure, method, hakn } = settings;
  // One entry per trial here too: a trial's added cohorts are summed with each other and with its primary cohorts.
  const pooled = perTrial([...primaryCohorts, ...addedCohorts]);
  return {
    studies: joinById(perTrial(addedCohorts).toSorted(byYear), null),
    row: { label: ADDING_SPONSOR_REPORTS, measure, method, hakn, ...estimate(inputs(pooled), settings) },
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

/** Each row with its exact CI, and its weight in the primary fit when there is one. */
function joinById(rows: StudyRow[], fit: Fit | null): PooledStudy[] {
  const byId = new Map((fit?.studies ?? []).map((result) => [result.study, result]));
  return rows.map((row) => {
    const pooled = byId.get(row.id);
    if (fit && !pooled) throw new Error(`pooling returned no result for study ${row.id}`);
    return {
      ...row,
      result: {
        study: row.id,
        events: row.events,
        total: row.n,
        proportion: row.events / row.n,
        ci: clopperPearson(row.events, row.n),
        weight: pooled?.weight ?? null,
      },
    };
  });
}

/** The mixed-effects subgroup test (COMMON_TAU2_TEST), or null when its model does not converge: the page then shows none. */
function commonTau2Test(studies: StudyInput[]): MixedSubgroupTest | null {
  try {
    return analyse(studies, COMMON_TAU2_TEST).mixedBetween ?? null;
  } catch (error) {
    if (error instanceof ModelFailure) return null;
    throw error;
  }
}
