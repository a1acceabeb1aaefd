import type { MalignancyGroup, NkSource, Trial } from '../../schema/trial.ts';
import { DISEASE_CODES, DISEASES, type Disease } from '../../vocabulary/codes.ts';

/** The facts of one trial that the landscape tables count. */
export interface LandscapeRecord {
  nct: string;
  group: MalignancyGroup;
  nkSource: NkSource;
  /** Absent when no record read states it; such trials count as trials but add no patients. */
  enrollment?: number;
  targets: string[];
}

export interface GroupRow {
  group: MalignancyGroup;
  trials: number;
  patients: number;
  targets: string[];
}

export interface SourceRow {
  nkSource: NkSource;
  trials: number;
  patients: number;
  /** Share of all enrolled patients, 0–1. */
  share: number;
}

export interface Landscape {
  trials: number;
  patients: number;
  /** Trials whose enrollment is not stated in the records read (not counted in `patients`). */
  enrollmentUnknown: number;
  byGroup: GroupRow[];
  bySource: SourceRow[];
}

/** The trial as the seed review's Table 9 printed it; undefined for trials the seed did not list. */
export function seedRecord(trial: Trial): LandscapeRecord | undefined {
  if (!trial.seed) return undefined;
  const { group, nkSource, enrollment, target } = trial.seed;
  return { nct: trial.nct, group, nkSource, enrollment, targets: target.split(/,\s*/) };
}

/** The trial as its registry facts, corrected against primary sources, describe it. */
export function liveRecord(trial: Trial): LandscapeRecord {
  return {
    nct: trial.nct,
    group: trial.population.group,
    nkSource: trial.product.nkSource,
    enrollment: trial.registry.enrollment?.count,
    targets: trial.product.targets,
  };
}

/**
 * Trials and enrolled patients by malignancy group (the seed's Table 1) and by NK cell
 * source (Tables 2 and 4). Patients are enrollment as recorded, planned or actual.
 */
export function landscape(records: LandscapeRecord[]): Landscape {
  const patients = sumEnrollment(records);
  const byGroup = [...groupBy(records, (record) => record.group)].map(([group, members]) => ({
    group,
    trials: members.length,
    patients: sumEnrollment(members),
    targets: [...new Set(members.flatMap((record) => record.targets))],
  }));
  const bySource = [...groupBy(records, (record) => record.nkSource)].map(([nkSource, members]) => ({
    nkSource,
    trials: members.length,
    patients: sumEnrollment(members),
    share: patients === 0 ? 0 : sumEnrollment(members) / patients,
  }));
  const enrollmentUnknown = records.filter((record) => record.enrollment === undefined).length;
  return { trials: records.length, patients, enrollmentUnknown, byGroup, bySource };
}

/** The trials of one disease, by where their results stand (the inclusion statuses of the review). */
export interface DiseaseRow {
  disease: Disease;
  group: MalignancyGroup;
  trials: number;
  /** Results extracted and in the analyses (`included`). */
  resultsExtracted: number;
  /** Results published, not yet extracted. */
  publishedNotExtracted: number;
  awaitingResults: number;
}

/**
 * Trials in the review by disease code, in the vocabulary's order (so grouped by malignancy
 * group), for every disease at least one trial studies. A trial of several diseases counts
 * under each of them; excluded registry entries are not trials of the review.
 */
export function trialsByDisease(trials: Pick<Trial, 'population' | 'inclusion'>[]): DiseaseRow[] {
  const inReview = trials.filter((trial) => trial.inclusion.status !== 'excluded');
  return DISEASE_CODES.flatMap((disease) => {
    const studying = inReview.filter((trial) => trial.population.diseaseCodes.includes(disease));
    if (studying.length === 0) return [];
    const withStatus = (status: Trial['inclusion']['status']) => studying.filter((trial) => trial.inclusion.status === status).length;
    return [
      {
        disease,
        group: DISEASES[disease],
        trials: studying.length,
        resultsExtracted: withStatus('included'),
        publishedNotExtracted: withStatus('published-not-extracted'),
        awaitingResults: withStatus('awaiting-results'),
      },
    ];
  });
}

function sumEnrollment(records: LandscapeRecord[]): number {
  return records.reduce((sum, record) => sum + (record.enrollment ?? 0), 0);
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
