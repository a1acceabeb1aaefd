import type { Cohort, MalignancyGroup, NkSource, Publication, Trial } from '../../schema/trial.ts';
import { INCLUSION_LABELS } from '../../vocabulary/labels.ts';
import { DISEASE_CODES, type Disease } from '../../vocabulary/codes.ts';
import type { BinaryOutcomeKey, SurvivalOutcomeKey } from '../../vocabulary/outcomes.ts';

/** Where a number was read: the publication and the place in it. */
export interface Citation {
  publication: Publication;
  location: string;
}

/** The characteristics outcome subgroups are formed from. */
export interface StudyCharacteristics {
  group: MalignancyGroup;
  nkSource: NkSource;
  target: string;
  phase: string;
}

/** One cohort's count for one outcome, as it enters the pooling. */
export interface StudyRow extends StudyCharacteristics {
  /** Unique and stable: `<NCT>/<cohort id>`. */
  id: string;
  /** First author and year of the source, with the cohort where a trial pools several. */
  label: string;
  nct: string;
  cohort: string;
  events: number;
  n: number;
  /** Who was treated, as the forest plot's population column shows it: the trial's diseases. */
  population: string;
  /** The cohort's disease codes: its own where it narrows the trial's, else the trial's. */
  diseaseCodes: Disease[];
  /** Year of the source publication: the order of the cumulative meta-analysis. */
  year: number;
  timepoint?: string;
  criteria?: string;
  note?: string;
  citation: Citation;
  /** Set when the count is derived from another outcome by a rule (see rules.ts), not read from the source. */
  derivedFrom?: BinaryOutcomeKey;
}

export interface SurvivalRow extends StudyCharacteristics {
  id: string;
  label: string;
  nct: string;
  month: number;
  estimate: number;
  ci?: [number, number];
  n?: number;
  note?: string;
  citation: Citation;
}

/** A trial that contributes nothing to an outcome, and why. */
export interface NotReported {
  nct: string;
  reason: string;
}

export interface OutcomeData<Row> {
  rows: Row[];
  notReported: NotReported[];
}

/** "Liu E, Marin D, et al. N Engl J Med..." -> "Liu" */
function firstAuthor(citation: string): string {
  return citation.split(/[ ,.]/)[0] ?? citation;
}

function characteristics(trial: Trial): StudyCharacteristics {
  return {
    group: trial.population.group,
    nkSource: trial.product.nkSource,
    target: trial.product.targets.join(' + '),
    phase: trial.registry.phase,
  };
}

function publicationOf(trial: Trial, id: string): Publication {
  const publication = trial.publications.find((p) => p.id === id);
  // The schema guarantees every source names one of the trial's publications.
  if (!publication) throw new Error(`${trial.nct}: publication "${id}" is missing`);
  return publication;
}

function notReportedReason(trial: Trial): string {
  if (trial.inclusion.status !== 'included') return `${INCLUSION_LABELS[trial.inclusion.status]}: ${trial.inclusion.reason}`;
  return 'Not reported in the published results of this trial.';
}

/** Which list of a cohort's outcomes an analysis reads: the primary one, or the sponsor-report additions. */
export type PoolingList = 'pooled' | 'pooledWithSponsorReports';

/**
 * The cohorts each trial pools for an outcome (see `pooled` in the schema), turned into rows;
 * every other trial in the review is listed with the reason it is absent, so none is dropped
 * silently. Excluded registry entries are not trials of the review and are not listed.
 * `takenLabels` are labels already given to other rows shown beside these.
 */
function collect<Row>(
  trials: Trial[],
  key: BinaryOutcomeKey | SurvivalOutcomeKey,
  toRow: (trial: Trial, cohort: Cohort, label: string) => Row | undefined,
  list: PoolingList = 'pooled',
  takenLabels: Iterable<string> = [],
): OutcomeData<Row> {
  const rows: Row[] = [];
  const notReported: NotReported[] = [];
  const usedLabels = new Set<string>(takenLabels);
  for (const trial of trials.filter((t) => t.inclusion.status !== 'excluded')) {
    const cohorts = trial.cohorts.filter((cohort) => cohort[list].includes(key));
    if (cohorts.length === 0) {
      notReported.push({ nct: trial.nct, reason: notReportedReason(trial) });
      continue;
    }
    for (const cohort of cohorts) {
      const source = cohort.outcomes[key]?.source;
      if (!source) continue;
      const publication = publicationOf(trial, source.publication);
      let label = `${firstAuthor(publication.citation)} ${publication.year}${cohorts.length > 1 ? `, ${cohort.label}` : ''}`;
      if (usedLabels.has(label)) label = `${label} (${trial.nct})`;
      usedLabels.add(label);
      const row = toRow(trial, cohort, label);
      if (row) rows.push(row);
    }
  }
  return { rows, notReported };
}

/**
 * An outcome's study rows: those of the primary analysis, or (`pooledWithSponsorReports`) the
 * sponsor-report rows a sensitivity analysis adds to them, labelled apart from `takenLabels`.
 */
export function binaryOutcomeData(
  trials: Trial[],
  key: BinaryOutcomeKey,
  list: PoolingList = 'pooled',
  takenLabels: Iterable<string> = [],
): OutcomeData<StudyRow> {
  return collect(
    trials,
    key,
    (trial, cohort, label) => {
      const value = cohort.outcomes[key];
      if (!value) return undefined;
      const publication = publicationOf(trial, value.source.publication);
      return {
        id: `${trial.nct}/${cohort.id}`,
        label,
        nct: trial.nct,
        cohort: cohort.label,
        events: value.events,
        n: value.n,
        population: trial.population.diseases.join(', '),
        diseaseCodes: cohort.diseaseCodes ?? trial.population.diseaseCodes,
        year: publication.year,
        timepoint: value.timepoint,
        criteria: value.criteria,
        note: value.note,
        citation: { publication, location: value.source.location },
        ...characteristics(trial),
      };
    },
    list,
    takenLabels,
  );
}

export function survivalOutcomeData(trials: Trial[], key: SurvivalOutcomeKey): OutcomeData<SurvivalRow> {
  return collect(trials, key, (trial, cohort, label) => {
    const value = cohort.outcomes[key];
    if (!value) return undefined;
    return {
      id: `${trial.nct}/${cohort.id}`,
      label,
      nct: trial.nct,
      month: value.month,
      estimate: value.estimate,
      ci: value.ci,
      n: value.n,
      note: value.note,
      citation: { publication: publicationOf(trial, value.source.publication), location: value.source.location },
      ...characteristics(trial),
    };
  });
}

/**
 * One row per trial: a trial's cohorts of different patients (the schema allows two cohorts of one
 * trial in one analysis only when they declare `separateFrom`) summed into one entry, so a trial is
 * never weighted as several independent studies. The summed row keeps the first cohort's citation,
 * takes its name and year from the latest source, and says in its note which cohorts and sources it adds up.
 */
export function perTrial(rows: StudyRow[]): StudyRow[] {
  const byTrial = new Map<string, StudyRow[]>();
  for (const row of rows) byTrial.set(row.nct, [...(byTrial.get(row.nct) ?? []), row]);
  return [...byTrial.values()].map((cohorts) => {
    const [first, ...rest] = cohorts;
    if (!first || rest.length === 0) return first!;
    // Named by the latest source, whose year the summed row carries.
    const latest = cohorts.reduce((a, b) => (b.year > a.year ? b : a));
    const parts = cohorts.map(
      (row) => `${row.cohort}: ${row.events}/${row.n} (${firstAuthor(row.citation.publication.citation)} ${row.year}, ${row.citation.location})`,
    );
    return {
      ...first,
      id: `${first.nct}/${cohorts.map((row) => row.id.slice(row.nct.length + 1)).join('+')}`,
      label: `${firstAuthor(latest.citation.publication.citation)} ${latest.year}, ${cohorts.length} cohorts`,
      cohort: cohorts.map((row) => row.cohort).join('; '),
      events: cohorts.reduce((sum, row) => sum + row.events, 0),
      n: cohorts.reduce((sum, row) => sum + row.n, 0),
      year: latest.year,
      // The summed patients have every disease of the cohorts summed, in the vocabulary's order.
      diseaseCodes: DISEASE_CODES.filter((code) => cohorts.some((row) => row.diseaseCodes.includes(code))),
      note: `Sum of ${cohorts.length} cohorts of different patients: ${parts.join('; ')}.`,
    };
  });
}
