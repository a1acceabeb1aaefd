/**
 * The study-characteristics table of an outcome: for each study in its analysis, what was
 * given to whom, read from the trial file. A characteristic the file does not record is null
 * ("not reported"), never inferred; one read from a publication carries that citation.
 */
import { NK_SOURCE_LABELS } from '../../vocabulary/labels.ts';
import type { Publication, Trial } from '../../schema/trial.ts';
import type { Citation, StudyRow } from '../model/outcome-data.ts';

export const CHARACTERISTIC_COLUMNS = [
  'Product',
  'NK cell source',
  'Target',
  'Dose levels',
  'Lymphodepletion',
  'Route',
  'Line of therapy',
  'Follow-up',
  'Response criteria',
] as const;

export interface CharacteristicCell {
  column: (typeof CHARACTERISTIC_COLUMNS)[number];
  /** Null when the trial file does not record it. */
  value: string | null;
  /** Where it was read, for characteristics kept with their source. */
  citation: Citation | null;
}

export interface StudyCharacteristicsRow {
  id: string;
  label: string;
  nct: string;
  cells: CharacteristicCell[];
}

function cite(trial: Trial, sourced: { value: string; source: { publication: string; location: string } } | undefined) {
  if (!sourced) return { value: null, citation: null };
  const publication: Publication | undefined = trial.publications.find((p) => p.id === sourced.source.publication);
  // The schema guarantees the source names one of the trial's publications.
  if (!publication) throw new Error(`${trial.nct}: publication "${sourced.source.publication}" is missing`);
  return { value: sourced.value, citation: { publication, location: sourced.source.location } };
}

/** One row per study, joined to its trial and cohort by id. */
export function studyCharacteristics(rows: StudyRow[], trials: Trial[]): StudyCharacteristicsRow[] {
  const byNct = new Map(trials.map((trial) => [trial.nct, trial]));
  return rows.map((row) => {
    const trial = byNct.get(row.nct);
    if (!trial) throw new Error(`study ${row.id}: no trial ${row.nct}`);
    const cohortId = row.id.slice(row.nct.length + 1);
    const cohort = trial.cohorts.find((c) => c.id === cohortId);
    if (!cohort) throw new Error(`study ${row.id}: no cohort ${cohortId} in ${row.nct}`);
    const plain = (value: string | undefined) => ({ value: value ?? null, citation: null });
    const values: Record<CharacteristicCell['column'], Omit<CharacteristicCell, 'column'>> = {
      Product: plain(trial.product.name),
      'NK cell source': plain(NK_SOURCE_LABELS[trial.product.nkSource]),
      Target: plain(trial.product.targets.join(' + ')),
      'Dose levels': plain(trial.product.doseLevels?.join('; ')),
      Lymphodepletion: plain(trial.product.lymphodepletion),
      Route: cite(trial, trial.product.route),
      'Line of therapy': cite(trial, trial.population.lineOfTherapy),
      'Follow-up': cite(trial, cohort.followUp),
      'Response criteria': row.criteria ? { value: row.criteria, citation: row.citation } : { value: null, citation: null },
    };
    return { id: row.id, label: row.label, nct: row.nct, cells: CHARACTERISTIC_COLUMNS.map((column) => ({ column, ...values[column] })) };
  });
}
